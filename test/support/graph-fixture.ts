import {
  type GraphDocument,
  graphDocument,
  type GraphNode,
  type GraphRelationship,
  sha256,
} from '../../src/export/graph-format';
import type { NodeKind } from '../../src/export/graph-identity';

/** The registry's kinds, as the export takes them (kept here so unit tests need no registry). */
export const KINDS: NodeKind[] = [
  { label: 'Region', key: 'code' },
  { label: 'GovernanceModel', key: 'slug' },
  { label: 'Practice', key: 'id' },
  { label: 'Citation', key: 'id' },
  { label: 'Source', key: 'id' },
];

const TEXT = '第一段，“引号”,逗号\n第二行\r\n结束 = 1';

/**
 * A small graph with every awkward value: quotes, commas, line breaks, Chinese, integers, dates,
 * lists, NaN, parallel edges.
 */
export function awkwardGraph(): GraphDocument {
  const nodes: GraphNode[] = [
    {
      id: 'Region:53',
      labels: ['Region'],
      properties: { code: '53', name: '云南省', level: 'PROVINCE', aliases: [] },
    },
    {
      id: 'Region:530103',
      labels: ['Region'],
      properties: {
        code: '530103',
        name: '盘龙区',
        aliases: ['盘龙', 'Pan,long'],
        population: { $type: 'INTEGER', value: '9007199254740993' },
      },
    },
    {
      id: 'GovernanceModel:fengqiao-experience',
      labels: ['GovernanceModel'],
      properties: {
        slug: 'fengqiao-experience',
        name: '枫桥经验',
        summary: 'He said "hi",\nthen left',
        originYear: 1963,
        ratio: { $type: 'FLOAT', value: 'NaN' },
      },
    },
    {
      id: 'Practice:p1',
      labels: ['Practice'],
      properties: {
        id: 'p1',
        name: 'A, "B"',
        startSort: { $type: 'DATE', value: '2020-01-01' },
        seeded: true,
      },
    },
    {
      id: 'Source:s1',
      labels: ['Source'],
      properties: {
        id: 's1',
        text: TEXT,
        sha256: sha256(TEXT),
        published: { $type: 'ZONED DATETIME', value: '2021-02-09T10:02:00+08:00' },
      },
    },
    {
      id: 'Citation:c1',
      labels: ['Citation'],
      properties: { id: 'c1', quote: '“引号”,逗号', offset: 3 },
    },
  ];
  const relationships: GraphRelationship[] = [
    { type: 'PART_OF', from: 'Region:530103', to: 'Region:53', properties: {} },
    { type: 'IN', from: 'Practice:p1', to: 'Region:530103', properties: {} },
    {
      type: 'IMPLEMENTS',
      from: 'Practice:p1',
      to: 'GovernanceModel:fengqiao-experience',
      properties: {},
    },
    {
      type: 'ORIGINATED_IN',
      from: 'GovernanceModel:fengqiao-experience',
      to: 'Region:530103',
      properties: { year: { $type: 'INTEGER', value: '1963' }, citationIds: ['c1'] },
    },
    {
      type: 'ORIGINATED_IN',
      from: 'GovernanceModel:fengqiao-experience',
      to: 'Region:530103',
      properties: { year: { $type: 'INTEGER', value: '1963' }, citationIds: ['c1'] },
    },
    { type: 'CITED_BY', from: 'Practice:p1', to: 'Citation:c1', properties: {} },
    { type: 'FROM', from: 'Citation:c1', to: 'Source:s1', properties: {} },
  ];
  // Given out of order on purpose: the document sorts.
  return graphDocument({ kind: 'graph' }, [...nodes].reverse(), [...relationships].reverse());
}
