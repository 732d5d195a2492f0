import { KINDS } from '../../test/support/graph-fixture';
import { modelPartQuery, regionPartQuery, wholeGraphQuery } from './export.repository';
import { createRelationshipsQuery, deleteOthersQuery, mergeNodesQuery, mergeRetractedQuery } from './import.repository';

const HOSTILE = "x'}) DETACH DELETE n //";

describe('the export and import statements', () => {
  it('take codes, slugs and labels as parameters, never as Cypher', () => {
    for (const q of [regionPartQuery(HOSTILE), modelPartQuery(HOSTILE), wholeGraphQuery(KINDS)]) expect(q.cypher).not.toContain(HOSTILE);
    expect(regionPartQuery(HOSTILE).params).toEqual({ code: HOSTILE, implemented: true });
    expect(modelPartQuery(HOSTILE).params).toEqual({ slug: HOSTILE, implemented: false });
    expect(wholeGraphQuery(KINDS).params).toEqual({ labels: ['Region', 'GovernanceModel', 'Practice', 'Citation', 'Source', 'Retracted'] });
  });

  it('read every property with its Neo4j type, and each node with its outgoing relationships', () => {
    const { cypher } = wholeGraphQuery(KINDS);
    expect(cypher).toContain('valueType(n[k])');
    expect(cypher).toContain('[(n)-[r]->(m) | {type: type(r), end: elementId(m)');
  });

  it('merge nodes by the kind and key from code; relationship types, labels and property names travel as parameters', () => {
    const row = { id: 'Region:1', key: '1', labels: [HOSTILE], plain: { [HOSTILE]: 1 }, typed: [{ key: HOSTILE, type: 'INTEGER', value: '1' }] };
    const merge = mergeNodesQuery({ label: 'Region', key: 'code' }, [row], false);
    expect(merge.cypher).toContain('MERGE (n:Region {code: row.key})');
    expect(merge.cypher).toContain('SET n += row.plain');
    expect(mergeNodesQuery({ label: 'Region', key: 'code' }, [row], true).cypher).toContain('SET n = row.plain');
    expect(mergeRetractedQuery({ label: 'Practice', key: 'id' }, [row], false).cypher).toContain('MERGE (n:Retracted {retractedLabel: $was, id: row.key, retractedAt: datetime(row.at)})');
    const edges = createRelationshipsQuery([{ a: 'e1', b: 'e2', type: HOSTILE, ordinal: 1, props: [] }], true);
    expect(edges.cypher).toContain('CREATE (a)-[r:$(row.type)]->(b)');
    expect(edges.cypher).toContain('< row.ordinal');
    expect(createRelationshipsQuery([], false).cypher).not.toContain('COUNT {');
    for (const q of [merge, edges, deleteOthersQuery(KINDS, [HOSTILE])]) expect(q.cypher).not.toContain(HOSTILE);
  });
});
