import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import { Statement } from '../core/plan';
import { SortDirection } from '../practice/practice-enums';
import { observationPageKey } from './observation.loader';
import { ObservationEntity, observationOrderBy, observationShape } from './observation.repository';
import { ObservationOrderField } from './observation.type';

describe('observation Cypher', () => {
  it('loads figures by key', () => {
    expect(statementOf(byKeysQuery(ObservationEntity, ['o1']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $keys AS key MATCH (n:Observation {id: key}) RETURN key, n {.id, .value, .unit, .qualifier, .periodKind, .period, .periodStart, .periodEnd, .reported, .reportedOffset, .comparisonKind, .basePeriod, .scope, .note, .sourceKind, .computedValue, .discrepancyNote, regionCode: [(n)-[:FOR]->(x_n:Region) | x_n.code][0], indicatorCode: [(n)-[:MEASURES]->(x_n:Indicator) | x_n.code][0], practiceKey: [(n)-[:ABOUT]->(x_n:Practice) | x_n.id][0], numeratorKey: [(n)-[:NUMERATOR]->(x_n:Observation) | x_n.id][0], denominatorKey: [(n)-[:DENOMINATOR]->(x_n:Observation) | x_n.id][0], citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "params": {
    "keys": [
      "o1",
    ],
  },
}
`);
  });

  it('pages figures from the regions under a code, filtered in the database', () => {
    const statement = new Statement();
    const key = observationPageKey(
      {
        regionCode: '5301',
        includeSubregions: true,
        practice: 'Practice:p1',
        periodFrom: '2020-01-01',
      },
      { field: ObservationOrderField.VALUE, direction: SortDirection.DESC },
      50,
      null,
      true,
    );
    expect({ shape: observationShape(key, statement), params: statement.params })
      .toMatchInlineSnapshot(`
{
  "params": {
    "p2": "5301",
    "p3": "p1",
    "p4": "2020-01-01",
  },
  "shape": {
    "match": "MATCH (r_1:Region) WHERE r_1.code STARTS WITH $p2 AND (r_1.zone IS NULL OR size($p2) <> 6) MATCH (o_0:Observation)-[:FOR]->(r_1) WHERE EXISTS { (o_0)-[:ABOUT]->(:Practice {id: $p3}) } AND o_0.periodKind <> 'UNDATED' AND (o_0.periodEnd IS NULL OR o_0.periodEnd >= date($p4))",
    "node": "o_0",
    "orderBy": "o_0.value DESC, o_0.id",
  },
}
`);
  });

  it('orders only by what the enum names', () => {
    expect(
      observationOrderBy({ field: ObservationOrderField.INDICATOR, direction: SortDirection.ASC }),
    ).toBe('[(o)-[:MEASURES]->(x_i:Indicator) | x_i.code][0] ASC, r.code, o.id');
    expect(
      observationOrderBy({ field: ObservationOrderField.PERIOD, direction: SortDirection.DESC }),
    ).toBe('o.periodEnd DESC, o.id');
  });

  it('decodes a figure with its comparison', () => {
    const row = {
      id: 'o1',
      value: 99.97,
      unit: 'percent',
      qualifier: 'EXACT',
      period: '2020',
      reported: '99.97%',
      sourceKind: 'MEDIA',
      regionCode: '530103',
      indicatorCode: 'rate',
      comparisonKind: 'YEAR_ON_YEAR',
      basePeriod: '2019',
      citationIds: ['c1'],
      periodStart: null,
      periodEnd: null,
      reportedOffset: null,
      scope: null,
      note: null,
      practiceKey: null,
      numeratorKey: null,
      denominatorKey: null,
    };
    expect(ObservationEntity.decode.parse(row)).toMatchObject({
      id: 'Observation:o1',
      key: 'o1',
      comparison: { kind: 'YEAR_ON_YEAR', basePeriod: '2019' },
      practiceKey: null,
      numeratorKey: null,
    });
    expect(ObservationEntity.decode.parse({ ...row, comparisonKind: null }).comparison).toBeNull();
  });
});
