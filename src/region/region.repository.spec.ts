import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import { childrenPagesQuery, RegionEntity, regionListQuery } from './region.repository';

describe('region Cypher', () => {
  it('loads regions by code', () => {
    expect(statementOf(byKeysQuery(RegionEntity, ['530103']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $keys AS key MATCH (n:Region {code: key}) RETURN key, n {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note, .zone, .countyLevelHost, .countyLevelBasis} AS n",
  "params": {
    "keys": [
      "530103",
    ],
  },
}
`);
  });

  it('pages the children of many parents in one statement', () => {
    expect(statementOf(childrenPagesQuery([{ code: '5301', skip: 0, limit: 20 }])))
      .toMatchInlineSnapshot(`
{
  "cypher": "UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (p:Region {code: k.code})
    CALL (p, k) {
      OPTIONAL MATCH (r:Region)-[:PART_OF]->(p)
      WITH r ORDER BY r.code
      RETURN collect(r {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note, .zone, .countyLevelHost, .countyLevelBasis}) AS ordered
    }
    RETURN i, ordered[k.skip..k.skip + k.limit + 1] AS items, size(ordered) AS total",
  "params": {
    "keys": [
      {
        "code": "5301",
        "limit": "int(20)",
        "skip": "int(0)",
      },
    ],
  },
}
`);
  });

  it('lists regions by parent and level', () => {
    expect(statementOf(regionListQuery({ within: '5301', level: 'COUNTY' }, 0, 21)))
      .toMatchInlineSnapshot(`
{
  "cypher": "CALL () { MATCH (r:Region) WHERE ($within IS NULL OR (r.code STARTS WITH $within AND r.code <> $within))
      AND ($level IS NULL OR r.level = $level) AND ($autonomous IS NULL OR r.autonomous = $autonomous)
      AND ($countyLevel IS NULL OR (r.level = 'COUNTY' OR r.countyLevelHost IS NOT NULL) = $countyLevel) RETURN count(r) AS total }
    CALL () { MATCH (r:Region) WHERE ($within IS NULL OR (r.code STARTS WITH $within AND r.code <> $within))
      AND ($level IS NULL OR r.level = $level) AND ($autonomous IS NULL OR r.autonomous = $autonomous)
      AND ($countyLevel IS NULL OR (r.level = 'COUNTY' OR r.countyLevelHost IS NOT NULL) = $countyLevel) WITH r ORDER BY r.code SKIP $skip LIMIT $limit RETURN collect(r {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note, .zone, .countyLevelHost, .countyLevelBasis}) AS items }
    RETURN total, items",
  "params": {
    "autonomous": null,
    "countyLevel": null,
    "level": "COUNTY",
    "limit": "int(21)",
    "skip": "int(0)",
    "within": "5301",
  },
}
`);
  });

  it('decodes a stored region, filling what the gazetteer leaves out', () => {
    // A projection carries every key; what the node lacks is null.
    const stored = {
      code: '530103',
      name: '盘龙区',
      level: 'COUNTY',
      officialName: null,
      nameEn: null,
      nameEnCurated: null,
      pinyin: null,
      aliases: null,
      kind: null,
      autonomous: null,
      ethnicGroups: null,
      note: null,
    };
    const region = RegionEntity.decode.parse(stored);
    expect(region).toMatchObject({
      __typename: 'Region',
      id: 'Region:530103',
      officialName: '盘龙区',
      nameEn: '盘龙区',
      aliases: [],
      kind: '其他',
      autonomous: false,
    });
    expect(RegionEntity.decode.safeParse({ ...stored, level: 'CITY' }).success).toBe(false);
  });
});
