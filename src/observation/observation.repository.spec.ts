import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import { SortDirection } from '../practice/practice.enums';
import { observationCriteria } from './observation.loader';
import { ObservationEntity, observationOrderBy, observationPagesQuery } from './observation.repository';
import { ObservationOrderField } from './observation.type';

describe('observation Cypher', () => {
  it('loads figures by key', () => {
    expect(statementOf(byKeysQuery(ObservationEntity, ['o1']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $keys AS key MATCH (n:Observation {id: key}) RETURN key, n {.id, .value, .unit, .qualifier, .period, .periodStart, .periodEnd, .reported, .reportedOffset, .comparisonKind, .basePeriod, .scope, .note, .sourceKind, regionCode: [(n)-[:FOR]->(x_n:Region) | x_n.code][0], indicatorCode: [(n)-[:MEASURES]->(x_n:Indicator) | x_n.code][0], practiceKey: [(n)-[:ABOUT]->(x_n:Practice) | x_n.id][0], numeratorKey: [(n)-[:NUMERATOR]->(x_n:Observation) | x_n.id][0], denominatorKey: [(n)-[:DENOMINATOR]->(x_n:Observation) | x_n.id][0], citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "params": {
    "keys": [
      "o1",
    ],
  },
}
`);
  });

  it('pages figures by criteria', () => {
    const f = observationCriteria({ regionCode: '5301', includeSubregions: true, practice: 'Practice:p1', periodFrom: '2020-01-01' });
    const order = { field: ObservationOrderField.VALUE, direction: SortDirection.DESC };
    expect(statementOf(observationPagesQuery([{ f, skip: 50, limit: 50, order }], order))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    CALL (k) {
      OPTIONAL MATCH (o:Observation)-[:FOR]->(r:Region) WHERE (k.f.regionCode IS NULL OR r.code = k.f.regionCode OR (k.f.includeSubregions AND r.code STARTS WITH k.f.regionCode))
  AND (k.f.indicator IS NULL OR EXISTS { (o)-[:MEASURES]->(:Indicator {code: k.f.indicator}) })
  AND (k.f.practice IS NULL OR EXISTS { (o)-[:ABOUT]->(:Practice {id: k.f.practice}) })
  AND (k.f.model IS NULL OR EXISTS { (o)-[:ABOUT]->(:Practice)-[:IMPLEMENTS]->(:GovernanceModel {slug: k.f.model}) })
  AND (k.f.periodFrom IS NULL OR o.periodEnd IS NULL OR o.periodEnd >= date(k.f.periodFrom))
  AND (k.f.periodTo IS NULL OR o.periodStart IS NULL OR o.periodStart <= date(k.f.periodTo))
  AND (k.f.sourceKind IS NULL OR o.sourceKind = k.f.sourceKind)
      WITH * ORDER BY o.value DESC, o.id
      RETURN collect(o) AS ordered
    }
    RETURN i, size(ordered) AS total, [x IN ordered[k.skip..k.skip + k.limit + 1] | x {.id, .value, .unit, .qualifier, .period, .periodStart, .periodEnd, .reported, .reportedOffset, .comparisonKind, .basePeriod, .scope, .note, .sourceKind, regionCode: [(x)-[:FOR]->(x_n:Region) | x_n.code][0], indicatorCode: [(x)-[:MEASURES]->(x_n:Indicator) | x_n.code][0], practiceKey: [(x)-[:ABOUT]->(x_n:Practice) | x_n.id][0], numeratorKey: [(x)-[:NUMERATOR]->(x_n:Observation) | x_n.id][0], denominatorKey: [(x)-[:DENOMINATOR]->(x_n:Observation) | x_n.id][0], citationIds: [(x)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}] AS items",
  "params": {
    "keys": [
      {
        "f": {
          "includeSubregions": true,
          "indicator": null,
          "model": null,
          "periodFrom": "2020-01-01",
          "periodTo": null,
          "practice": "p1",
          "regionCode": "5301",
          "sourceKind": null,
        },
        "limit": "int(50)",
        "skip": "int(50)",
      },
    ],
  },
}
`);
  });

  it('orders only by what the enum names', () => {
    expect(observationOrderBy({ field: ObservationOrderField.INDICATOR, direction: SortDirection.ASC })).toBe('[(o)-[:MEASURES]->(i:Indicator) | i.code][0] ASC, r.code, o.id');
    expect(observationOrderBy({ field: ObservationOrderField.PERIOD, direction: SortDirection.DESC })).toBe('o.periodEnd DESC, o.id');
  });

  it('decodes a figure with its comparison', () => {
    const row = {
      id: 'o1', value: 99.97, unit: 'percent', qualifier: 'EXACT', period: '2020', reported: '99.97%', sourceKind: 'MEDIA', regionCode: '530103', indicatorCode: 'rate',
      comparisonKind: 'YEAR_ON_YEAR', basePeriod: '2019', citationIds: ['c1'], periodStart: null, periodEnd: null, reportedOffset: null, scope: null, note: null,
      practiceKey: null, numeratorKey: null, denominatorKey: null,
    };
    expect(ObservationEntity.decode.parse(row)).toMatchObject({ id: 'Observation:o1', key: 'o1', comparison: { kind: 'YEAR_ON_YEAR', basePeriod: '2019' }, practiceKey: null, numeratorKey: null });
    expect(ObservationEntity.decode.parse({ ...row, comparisonKind: null }).comparison).toBeNull();
  });
});
