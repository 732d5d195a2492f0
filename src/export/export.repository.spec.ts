import { KINDS } from '../../test/support/graph-fixture';
import {
  areaPageQuery,
  modelPartQuery,
  regionPartQuery,
  wholeGraphQuery,
} from './export.repository';
import {
  createRelationshipsQuery,
  deleteOthersQuery,
  mergeNodesQuery,
  mergeRetractedQuery,
} from './import.repository';

const HOSTILE = "x'}) DETACH DELETE n //";

describe('the export and import statements', () => {
  it('take codes, slugs and labels as parameters, never as Cypher', () => {
    for (const q of [
      regionPartQuery(HOSTILE),
      areaPageQuery(HOSTILE, HOSTILE, 10),
      modelPartQuery(HOSTILE),
      wholeGraphQuery(KINDS),
    ])
      expect(q.cypher).not.toContain(HOSTILE);
    expect(regionPartQuery(HOSTILE).params).toEqual({
      code: HOSTILE,
      area: HOSTILE,
      implemented: true,
    });
    expect(areaPageQuery(HOSTILE, HOSTILE, 10).params).toMatchObject({
      code: HOSTILE,
      after: HOSTILE,
    });
    expect(modelPartQuery(HOSTILE).params).toEqual({
      slug: HOSTILE,
      area: null,
      implemented: false,
    });
    expect(wholeGraphQuery(KINDS).params).toEqual({
      labels: ['Region', 'GovernanceModel', 'Practice', 'Citation', 'Source', 'Retracted'],
    });
  });

  it('read every property with its Neo4j type, and each node with its outgoing relationships', () => {
    const { cypher } = wholeGraphQuery(KINDS);
    expect(cypher).toContain('valueType(n[k])');
    expect(cypher).toContain('[(n)-[r]->(m) | {type: type(r), end: elementId(m)');
  });

  it('merge nodes by the kind and key from code; relationship types, labels and property names travel as parameters', () => {
    const row = {
      id: 'Region:1',
      key: '1',
      labels: [HOSTILE],
      plain: { [HOSTILE]: 1 },
      typed: [{ key: HOSTILE, type: 'INTEGER', value: '1' }],
    };
    const merge = mergeNodesQuery({ label: 'Region', key: 'code' }, [row], false);
    expect(merge.cypher).toContain('MERGE (n:Region {code: row.key})');
    expect(merge.cypher).toContain('SET n += row.plain');
    expect(mergeNodesQuery({ label: 'Region', key: 'code' }, [row], true).cypher).toContain(
      'SET n = row.plain',
    );
    expect(mergeRetractedQuery({ label: 'Practice', key: 'id' }, [row], false).cypher).toContain(
      'MERGE (n:Retracted {retractedLabel: $was, id: row.key, retractedAt: datetime(row.at)})',
    );
    const region = { kind: { label: 'Region', key: 'code' }, retracted: false };
    const edges = createRelationshipsQuery(
      [{ a: HOSTILE, b: HOSTILE, type: HOSTILE, ordinal: 1, props: [] }],
      region,
      region,
    );
    expect(edges.cypher).toContain('MATCH (a:Region {code: row.a})');
    expect(edges.cypher).toContain('CREATE (a)-[r:$(row.type)]->(b)');
    expect(edges.cypher).toContain('< row.ordinal');
    const retracted = createRelationshipsQuery(
      [],
      { kind: { label: 'Practice', key: 'id' }, retracted: true },
      region,
    );
    expect(retracted.cypher).toContain(
      'MATCH (a:Retracted {retractedLabel: $aWas, id: row.a, retractedAt: datetime(row.aAt)})',
    );
    expect(retracted.params).toMatchObject({ aWas: 'Practice', bWas: 'Region' });
    for (const q of [merge, edges, deleteOthersQuery(KINDS, [HOSTILE])])
      expect(q.cypher).not.toContain(HOSTILE);
  });
});
