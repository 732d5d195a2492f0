import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import { pageExpression } from '../core/pages';
import { Statement } from '../core/plan';
import { SortDirection } from './practice-enums';
import { practicePageKey } from './practice.loader';
import { PracticeEntity, practiceOrderBy, practiceShape } from './practice.repository';
import { PracticeOrderField } from './practice.type';

describe('practice Cypher', () => {
  it('loads practices by key', () => {
    expect(statementOf(byKeysQuery(PracticeEntity, ['p1']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $keys AS key MATCH (n:Practice {id: key}) RETURN key, n {.id, .name, .nameEn, .site, .siteEn, .category, .status, .startDate, .startPrecision, .scale, .scaleEn, .description, .descriptionEn, regionCode: [(n)-[:IN]->(x_reg:Region) | x_reg.code][0], citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "params": {
    "keys": [
      "p1",
    ],
  },
}
`);
  });

  it('pages practices from the regions under a code, filtered and ordered in the database', () => {
    const statement = new Statement();
    const key = practicePageKey(
      { regionCode: '530103', includeSubregions: true, status: 'PILOT' },
      null,
      20,
      null,
      true,
    );
    const shape = practiceShape(key, statement);
    expect({
      shape,
      expression: pageExpression(shape, key, key.count, 'x', statement),
      params: statement.params,
    }).toMatchInlineSnapshot(`
{
  "expression": "{total: COUNT { MATCH (r_1:Region) WHERE r_1.code STARTS WITH $p2 AND (r_1.zone IS NULL OR size($p2) <> 6) MATCH (p_0:Practice)-[:IN]->(r_1) WHERE p_0.status = $p3 }, items: COLLECT { MATCH (r_1:Region) WHERE r_1.code STARTS WITH $p2 AND (r_1.zone IS NULL OR size($p2) <> 6) MATCH (p_0:Practice)-[:IN]->(r_1) WHERE p_0.status = $p3 WITH * ORDER BY p_0.startSort, p_0.id SKIP $p4 LIMIT $p5 RETURN x AS item }}",
  "params": {
    "p2": "530103",
    "p3": "PILOT",
    "p4": Integer {
      "high": 0,
      "low": 0,
    },
    "p5": Integer {
      "high": 0,
      "low": 21,
    },
  },
  "shape": {
    "match": "MATCH (r_1:Region) WHERE r_1.code STARTS WITH $p2 AND (r_1.zone IS NULL OR size($p2) <> 6) MATCH (p_0:Practice)-[:IN]->(r_1) WHERE p_0.status = $p3",
    "node": "p_0",
    "orderBy": "p_0.startSort, p_0.id",
  },
}
`);
  });

  it('starts from the model when no region is given, and reads a parent region from its variable', () => {
    const model = practiceShape(
      practicePageKey({ model: 'fengqiao-experience' }, null, 5, null, false),
      new Statement(),
    );
    expect(model.match).toMatch(/^MATCH \(:GovernanceModel \{slug: \$p\d+\}\)<-\[:IMPLEMENTS\]-/);
    const nested = practiceShape(
      practicePageKey({ includeSubregions: true }, null, 5, null, false),
      new Statement(),
      { regionCode: 'root.code' },
    );
    expect(nested.match).toContain('STARTS WITH root.code');
  });

  it('orders only by what the enum names', () => {
    expect(practiceOrderBy({ field: PracticeOrderField.NAME, direction: SortDirection.DESC })).toBe(
      'p.name DESC, p.id',
    );
    expect(
      practiceOrderBy({ field: PracticeOrderField.REGION, direction: SortDirection.ASC }),
    ).toBe('r.code ASC, p.id');
    expect(
      practiceOrderBy({ field: PracticeOrderField.START_DATE, direction: SortDirection.DESC }),
    ).toBe('p.startSort IS NULL, p.startSort DESC, p.id');
  });
});
