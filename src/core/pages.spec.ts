import type { Driver } from 'neo4j-driver';
import { statementOf } from '../../test/support/statement';
import { RegionEntity } from '../region/region.repository';
import type { Region } from '../region/region.type';
import { Executor } from './db/executor';
import { pageExpression, type PageKey, pageLoader, type PageShape } from './pages';
import { Statement } from './plan';

/** Regions under a prefix: the shape a module would make of its criteria. */
const under = (prefix: string, statement: Statement): PageShape => ({
  match: `MATCH (r:Region) WHERE r.code STARTS WITH ${statement.param(prefix)}`,
  orderBy: 'r.code',
  node: 'r',
});

describe('page statements', () => {
  it('pages in the database, counting only when the total is asked', () => {
    const statement = new Statement();
    const shape = under('5301', statement);
    const expression = pageExpression(shape, { skip: 20, limit: 10 }, true, 'r.code', statement);
    expect(statementOf({ cypher: expression, params: statement.params })).toMatchInlineSnapshot(`
     {
       "cypher": "{total: COUNT { MATCH (r:Region) WHERE r.code STARTS WITH $p0 }, items: COLLECT { MATCH (r:Region) WHERE r.code STARTS WITH $p0 WITH * ORDER BY r.code SKIP $p1 LIMIT $p2 RETURN r.code AS item }}",
       "params": {
         "p0": "5301",
         "p1": "int(20)",
         "p2": "int(11)",
       },
     }
    `);
    expect(pageExpression(shape, { skip: 0, limit: 10 }, false, 'r.code', new Statement())).toMatch(
      /^\{total: null, items: COLLECT/,
    );
  });

  it('loads the pages of one tick in one statement, one expression per shape and window', async () => {
    const executor = new Executor({} as Driver, { database: 'neo4j', timeoutMs: 1, app: 'test' });
    const read = jest.fn(async () => [
      {
        pages: [0, 1, 2].map((i) => ({
          i,
          page: { total: null, items: [{ code: `53010${i}`, name: 'x', level: 'COUNTY' }] },
        })),
      },
    ]);
    executor.read = read as any;
    type Key = PageKey<{ prefix: string }, object>;
    const loader = pageLoader<Key, Region>(executor, 'regions', RegionEntity, (k, statement) =>
      under(k.f.prefix, statement),
    );
    const key = (prefix: string, skip: number): Key => ({
      f: { prefix },
      order: {},
      skip,
      limit: 1,
      count: false,
    });
    const pages = await Promise.all([
      loader.load(key('5301', 0)),
      loader.load(key('5302', 0)),
      loader.load(key('5301', 5)),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(statementOf((read.mock.calls[0] as any)[0])).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { UNWIND $rows_0 AS row RETURN collect({i: row.i, page: {total: null, items: COLLECT { MATCH (r:Region) WHERE r.code STARTS WITH row.p0 WITH * ORDER BY r.code SKIP $skip_0 LIMIT $limit_0 RETURN r {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note, .zone, .countyLevelHost, .countyLevelBasis} AS item }}}) AS g_0 }
     CALL () { UNWIND $rows_1 AS row RETURN collect({i: row.i, page: {total: null, items: COLLECT { MATCH (r:Region) WHERE r.code STARTS WITH row.p0 WITH * ORDER BY r.code SKIP $skip_1 LIMIT $limit_1 RETURN r {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note, .zone, .countyLevelHost, .countyLevelBasis} AS item }}}) AS g_1 }
     RETURN g_0 + g_1 AS pages",
       "params": {
         "limit_0": "int(2)",
         "limit_1": "int(2)",
         "rows_0": [
           {
             "i": 0,
             "p0": "5301",
           },
           {
             "i": 1,
             "p0": "5302",
           },
         ],
         "rows_1": [
           {
             "i": 2,
             "p0": "5301",
           },
         ],
         "skip_0": "int(0)",
         "skip_1": "int(5)",
       },
     }
    `);
    expect(pages.map((p) => p?.items[0]?.code)).toEqual(['530100', '530101', '530102']);
  });
});
