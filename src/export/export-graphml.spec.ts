import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { awkwardGraph } from '../../test/support/graph-fixture';
import { graphmlProblems } from '../../test/support/graphml';
import { toGraphml } from './export-graphml';

describe('GraphML', () => {
  const xml = toGraphml(awkwardGraph());

  it('follows the structure rules of GraphML: declared typed keys, unique ids, edges between nodes, values of their type', () => {
    expect(graphmlProblems(xml)).toEqual([]);
    // The checker does find problems where there are some.
    expect(graphmlProblems(xml.replace('target="Region:53"', 'target="Region:nowhere"'))).toEqual([
      'edge target Region:nowhere is not a node',
    ]);
    expect(graphmlProblems(xml.replace('attr.type="long"', 'attr.type="number"')).join()).toMatch(
      /attr.type="number"/,
    );
  });

  it('is read by a GraphML reader with its nodes, edges and typed attributes', () => {
    const graph = parse(Graph, xml, { addMissingNodes: false });
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(7);
    expect(graph.type).toBe('directed');
    const model = graph.getNodeAttributes('GovernanceModel:fengqiao-experience');
    expect(model).toMatchObject({
      label: '枫桥经验',
      neo4jLabels: 'GovernanceModel',
      originYear: 1963,
      summary: 'He said "hi",\nthen left',
    });
    expect(Number.isNaN(model.ratio)).toBe(true);
    expect(graph.getNodeAttributes('Region:530103')).toMatchObject({
      population: 9007199254740992,
      aliases: '["盘龙","Pan,long"]',
    });
    expect(graph.getNodeAttributes('Practice:p1')).toMatchObject({
      seeded: true,
      startSort: '2020-01-01',
    });
    const origins = graph.filterEdges((_, attrs) => attrs.label === 'ORIGINATED_IN');
    expect(origins.length).toBe(2);
  });

  it('declares each property once per domain with its GraphML type', () => {
    const keys = [
      ...xml.matchAll(/<key id="([^"]+)" for="(\w+)" attr.name="([^"]+)" attr.type="(\w+)"\/>/g),
    ].map((m) => `${m[2]} ${m[3]} ${m[4]}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'node population long',
        'node originYear double',
        'node seeded boolean',
        'node aliases string',
        'edge year long',
        'edge label string',
      ]),
    );
  });
});
