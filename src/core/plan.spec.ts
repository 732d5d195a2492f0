import { statementOf } from '../../test/support/statement';
import { PracticePlan, practicesRoot } from '../practice/practice.plan';
import { RegionPlan } from '../region/region.plan';
import { oneStatement, type ResolveTree, rootPageStatement } from './plan';

/** A selected field as graphql-parse-resolve-info reads it: name, arguments, subfields by type. */
const field = (
  name: string,
  fieldsByTypeName: ResolveTree['fieldsByTypeName'] = {},
  args: ResolveTree['args'] = {},
): ResolveTree => ({ name, alias: name, args, fieldsByTypeName });
const on = (typeName: string, ...fields: ResolveTree[]): ResolveTree['fieldsByTypeName'] => ({
  [typeName]: Object.fromEntries(fields.map((f) => [f.alias, f])),
});
/** A connection's selection: totalCount and its nodes' fields. */
const connection = (type: string, node: string, ...fields: ResolveTree[]) => ({
  ...on(
    `${type}Connection`,
    field('totalCount'),
    field('edges', on(`${type}Edge`, field('node', on(node, ...fields)))),
  ),
});

const byCode = (x: string, s: { param(v: unknown): string }) =>
  `MATCH (${x}:Region {code: ${s.param('530103')}})`;

describe('the statement of a root field', () => {
  it('fetches a region with its parent and its first two practices in one statement', () => {
    const tree = field(
      'region',
      on(
        'Region',
        field('code'),
        field('name'),
        field('parent', on('Region', field('code'), field('name'))),
        field('practices', connection('Practice', 'Practice', field('id'), field('name')), {
          first: 2,
        }),
      ),
      { code: '530103' },
    );
    expect(statementOf(oneStatement(RegionPlan, tree, byCode))).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (root_0:Region {code: $p1}) RETURN root_0 {.code, .name, .level, __parent: COLLECT { MATCH (root_0)-[:PART_OF]->(one_2:Region) RETURN one_2 {.code, .name, .level} AS y LIMIT 1 }[0], __practices: {total: COUNT { MATCH (p_3:Practice)-[:IN]->(r_4:Region {code: root_0.code}) }, items: COLLECT { MATCH (p_3:Practice)-[:IN]->(r_4:Region {code: root_0.code}) WITH * ORDER BY p_3.startSort, p_3.id SKIP $p5 LIMIT $p6 RETURN p_3 {.id, .name, .category, .status} AS item }}} AS n LIMIT 1",
       "params": {
         "p1": "530103",
         "p5": "int(0)",
         "p6": "int(3)",
       },
     }
    `);
  });

  it('fetches a practice with its region', () => {
    const tree = field(
      'practice',
      on('Practice', field('id'), field('name'), field('region', on('Region', field('code')))),
    );
    const statement = oneStatement(
      PracticePlan,
      tree,
      (x, s) => `MATCH (${x}:Practice {id: ${s.param('p1')}})`,
    );
    expect(statementOf(statement)).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (root_0:Practice {id: $p1}) RETURN root_0 {.id, .name, .category, .status, __region: COLLECT { MATCH (root_0)-[:IN]->(one_2:Region) RETURN one_2 {.code, .name, .level} AS y LIMIT 1 }[0]} AS n LIMIT 1",
       "params": {
         "p1": "p1",
       },
     }
    `);
  });

  it('leaves to its resolver a page asked beyond its bounds, and reads only what is selected', () => {
    const tree = field(
      'region',
      on(
        'Region',
        field('code'),
        field('practices', connection('Practice', 'Practice', field('id')), { first: 1000 }),
      ),
    );
    const { cypher } = oneStatement(RegionPlan, tree, byCode);
    expect(cypher).not.toContain('__practices');
    expect(cypher).not.toContain('.pinyin');
  });

  it('pages a root connection, and builds nothing when the page cannot be compiled', () => {
    const tree = (first: number) =>
      field('practices', connection('Practice', 'Practice', field('id')), {
        first,
        filter: { status: 'PILOT' },
      });
    expect(statementOf(rootPageStatement(practicesRoot, tree(2))!)).toMatchInlineSnapshot(`
     {
       "cypher": "RETURN {total: COUNT { MATCH (p_0:Practice) WHERE p_0.status = $p2 }, items: COLLECT { MATCH (p_0:Practice) WHERE p_0.status = $p2 WITH * ORDER BY p_0.startSort, p_0.id SKIP $p3 LIMIT $p4 RETURN p_0 {.id, .category, .status} AS item }} AS page",
       "params": {
         "p2": "PILOT",
         "p3": "int(0)",
         "p4": "int(3)",
       },
     }
    `);
    expect(rootPageStatement(practicesRoot, tree(-1))).toBeNull();
  });
});
