import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import { SortDirection } from './practice.enums';
import { practiceCriteria } from './practice.loader';
import { PracticeEntity, practiceOrderBy, practicePagesQuery } from './practice.repository';
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

  it('pages practices by criteria, many pages in one statement', () => {
    const f = practiceCriteria({ regionCode: '530103', includeSubregions: true, status: 'PILOT' });
    const order = { field: PracticeOrderField.START_DATE, direction: SortDirection.ASC };
    expect(statementOf(practicePagesQuery([{ f, skip: 0, limit: 20, order }], order))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    CALL (k) {
      OPTIONAL MATCH (p:Practice)-[:IN]->(r:Region) WHERE (k.f.regionCode IS NULL OR r.code = k.f.regionCode OR (k.f.includeSubregions AND r.code STARTS WITH k.f.regionCode))
  AND (k.f.status IS NULL OR p.status = k.f.status)
  AND (k.f.category IS NULL OR p.category = k.f.category)
  AND (k.f.model IS NULL OR EXISTS { (p)-[:IMPLEMENTS]->(:GovernanceModel {slug: k.f.model}) })
  AND (k.f.principle IS NULL OR EXISTS { (p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: k.f.principle}) })
  AND (k.f.startedFrom IS NULL OR p.startSort >= date(k.f.startedFrom))
  AND (k.f.startedTo IS NULL OR p.startSort <= date(k.f.startedTo))
      WITH * ORDER BY p.startSort IS NULL, p.startSort ASC, p.id
      RETURN collect(p) AS ordered
    }
    RETURN i, size(ordered) AS total, [x IN ordered[k.skip..k.skip + k.limit + 1] | x {.id, .name, .nameEn, .site, .siteEn, .category, .status, .startDate, .startPrecision, .scale, .scaleEn, .description, .descriptionEn, regionCode: [(x)-[:IN]->(x_reg:Region) | x_reg.code][0], citationIds: [(x)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}] AS items",
  "params": {
    "keys": [
      {
        "f": {
          "category": null,
          "includeSubregions": true,
          "model": null,
          "principle": null,
          "regionCode": "530103",
          "startedFrom": null,
          "startedTo": null,
          "status": "PILOT",
        },
        "limit": "int(20)",
        "skip": "int(0)",
      },
    ],
  },
}
`);
  });

  it('orders only by what the enum names', () => {
    expect(practiceOrderBy({ field: PracticeOrderField.NAME, direction: SortDirection.DESC })).toBe('p.name DESC, p.id');
    expect(practiceOrderBy({ field: PracticeOrderField.REGION, direction: SortDirection.ASC })).toBe('r.code ASC, p.id');
    expect(practiceOrderBy({ field: PracticeOrderField.START_DATE, direction: SortDirection.DESC })).toBe('p.startSort IS NULL, p.startSort DESC, p.id');
  });
});
