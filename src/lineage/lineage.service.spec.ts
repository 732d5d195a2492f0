import { model } from '../../test/support/records';
import type { LineageEdgeRow } from './lineage.repository';
import { buildLineage, lineageSlugs } from './lineage.service';

const edge = (from: string, to: string, editorial = false): LineageEdgeRow => ({
  from,
  to,
  relation: 'DIGITALISATION',
  since: null,
  provenance: {
    citationIds: editorial ? [] : ['c1'],
    editorial,
    basis: editorial ? 'inferred' : null,
    note: null,
  },
});

describe('buildLineage', () => {
  const models = new Map(['online', 'fengqiao', 'app'].map((s) => [s, model(s)]));

  it('lists the root first, every model once, and every edge', () => {
    const rows = [edge('online', 'fengqiao'), edge('app', 'online', true)];
    expect(lineageSlugs('online', rows)).toEqual(['online', 'fengqiao', 'app']);
    const lineage = buildLineage(models.get('online')!, rows, models);
    expect(lineage.nodes.map((n) => n.slug)).toEqual(['online', 'fengqiao', 'app']);
    expect(lineage.edges.map((e) => `${e.from.slug}->${e.to.slug}`)).toEqual([
      'online->fengqiao',
      'app->online',
    ]);
    expect(lineage.mermaid).toContain('m_online -.->|DIGITALISATION| m_app');
    expect(lineage.mermaid).toContain('m_fengqiao -->|DIGITALISATION| m_online');
  });

  it('is the root alone when it has no derivations', () => {
    const lineage = buildLineage(models.get('app')!, [], models);
    expect(lineage.nodes.map((n) => n.slug)).toEqual(['app']);
    expect(lineage.edges).toEqual([]);
  });
});
