import { awkwardGraph, KINDS } from '../../test/support/graph-fixture';
import { graphDocument, sha256, toJson, withoutEditors } from './graph-format';
import { identityOf } from './graph-identity';
import { readGraphFile } from './import.validate';

/** The file with one change made to its parsed JSON. */
function edited(change: (json: Record<string, any>) => void): string {
  const json = JSON.parse(toJson(awkwardGraph())) as Record<string, any>;
  change(json);
  return JSON.stringify(json);
}

/** The problems readGraphFile names for a file, as "field: message". */
function refusal(text: string): string[] {
  try {
    readGraphFile(text, KINDS);
  } catch (error) {
    return (
      (error as { extensions: { problems: Array<{ field: string; message: string }> } }).extensions
        .problems ?? []
    ).map((p) => `${p.field}: ${p.message}`);
  }
  throw new Error('the file was accepted');
}

describe('the lossless JSON file', () => {
  it('is the same bytes whatever order the graph was read in, and reads back to itself', () => {
    const doc = awkwardGraph();
    const shuffled = graphDocument(
      doc.header.scope,
      [...doc.nodes].reverse(),
      [...doc.relationships].reverse(),
    );
    const text = toJson(doc);
    expect(toJson(shuffled)).toBe(text);
    expect(toJson(readGraphFile(text, KINDS))).toBe(text);
    expect(doc.nodes.map((n) => n.id)).toEqual([...doc.nodes.map((n) => n.id)].sort());
  });

  it('has a header with format, version, counts and the sha256 of each source text, and one line per node and relationship', () => {
    const text = toJson(awkwardGraph());
    const json = JSON.parse(text) as {
      format: string;
      formatVersion: number;
      counts: { nodes: Record<string, number> };
      sources: Array<{ id: string; sha256: string }>;
    };
    expect(json.format).toBe('zhili-graph');
    expect(json.formatVersion).toBe(1);
    expect(json.counts.nodes).toEqual({
      Citation: 1,
      GovernanceModel: 1,
      Practice: 1,
      Region: 2,
      Source: 1,
    });
    expect(json.sources).toEqual([
      { id: 's1', sha256: sha256('第一段，“引号”,逗号\n第二行\r\n结束 = 1'), characters: 23 },
    ]);
    expect(text.split('\n').filter((l) => l.startsWith('    {"id":')).length).toBe(6);
    expect(text.split('\n').filter((l) => l.startsWith('    {"type":')).length).toBe(7);
  });

  it('identifies nodes by kind and key, and retracted facts by their former kind, key and time', () => {
    expect(identityOf(['Region'], { code: '53' }, KINDS)).toMatchObject({ id: 'Region:53' });
    expect(
      identityOf(
        ['Retracted'],
        {
          retractedLabel: 'Practice',
          id: 'p9',
          retractedAt: { $type: 'ZONED DATETIME', value: '2025-01-01T00:00:00Z' },
        },
        KINDS,
      ),
    ).toMatchObject({
      id: 'Retracted:Practice:p9:2025-01-01T00:00:00Z',
    });
    expect(identityOf(['Region'], { name: 'x' }, KINDS)).toMatch(/no code/);
    expect(identityOf(['ApiKey'], { id: 'k' }, KINDS)).toMatch(/no exported kind/);
  });

  it('refuses another format version, and a file that is not an export', () => {
    expect(refusal(edited((j) => (j.formatVersion = 2)))).toEqual([
      'formatVersion: format version 2 is not the version this zhili reads (1)',
    ]);
    expect(refusal('{"nodes": []}')).toEqual([
      'format: not a Zhili graph export (expected "format": "zhili-graph")',
    ]);
    expect(refusal('{"format": "zhili-graph",')[0]).toMatch(/^\(file\): not JSON/);
  });

  it('refuses a source text that does not match its sha256, in the header or in the node', () => {
    const tampered = refusal(
      edited(
        (j) => (j.nodes.find((n: { id: string }) => n.id === 'Source:s1').properties.text += '!'),
      ),
    );
    expect(tampered.join('\n')).toMatch(
      /sources\.s1: the text of source s1 has sha256 [0-9a-f]{64}, the header says/,
    );
    expect(tampered.join('\n')).toMatch(
      /Source:s1: its text has sha256 .*, its sha256 property says/,
    );
  });

  it('refuses counts that do not match the body (a cut file), dangling ends and forged ids', () => {
    expect(refusal(edited((j) => j.relationships.pop()))[0]).toMatch(/^counts: the header counts/);
    const problems = refusal(
      edited((j) => {
        j.relationships[0].to = 'Region:99';
        j.nodes[0].id = 'Citation:other';
      }),
    ).join('\n');
    expect(problems).toMatch(/refers to "Region:99", which is not a node of the file/);
    expect(problems).toMatch(
      /"Citation:other" is not the id its labels and key make \("Citation:c1"\)/,
    );
  });

  it('refuses malformed names and values before anything else', () => {
    const problems = refusal(
      edited((j) => {
        j.nodes.push({
          id: 'Region:1',
          labels: ['Region'],
          properties: { code: '1', 'bad name': 'x' },
        });
        j.nodes.push({
          id: 'Region:2',
          labels: ['Region'],
          properties: {
            code: '2',
            d: { $type: 'DATE', value: 5 },
            m: { $type: 'MAP', value: '{}' },
          },
        });
        j.relationships.push({
          type: 'BAD-TYPE',
          from: 'Region:1',
          to: 'Region:2',
          properties: {},
        });
      }),
    ).join('\n');
    expect(problems).toMatch(/nodes\.6\.properties\.bad name/);
    expect(problems).toMatch(/a value of type DATE has the wrong shape/);
    expect(problems).toMatch(/unknown value type "MAP"/);
    expect(problems).toMatch(/a relationship type must be a plain identifier/);
  });

  it('refuses a reserved label', () => {
    const problems = refusal(
      edited((j) =>
        j.nodes.push({ id: 'Region:1', labels: ['ApiKey', 'Region'], properties: { code: '1' } }),
      ),
    );
    expect(problems.join('\n')).toMatch(/ApiKey nodes are never imported/);
  });
});

describe('a public download', () => {
  it('leaves out who edited a fact and keeps everything else', () => {
    const doc = awkwardGraph();
    const [first, ...rest] = doc.nodes;
    const edited = graphDocument(
      doc.header.scope,
      [{ ...first, properties: { ...first.properties, updatedBy: 'key:editor-1' } }, ...rest],
      doc.relationships,
    );
    const served = withoutEditors(edited);
    expect(served.nodes.some((n) => 'updatedBy' in n.properties)).toBe(false);
    expect(toJson(served)).toBe(toJson(doc));
    expect(toJson(edited)).toContain('key:editor-1');
  });
});
