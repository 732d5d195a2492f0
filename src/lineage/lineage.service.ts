import type { GovernanceModel } from '../model/model.type';
import type { LineageEdgeRow } from './lineage.repository';
import type { Lineage } from './lineage.type';
import { toMermaid } from './mermaid';

/**
 * The lineage graph around `root` from its edges and the models they touch: every model once
 * (the root first), every edge between models that exist, and the Mermaid rendering.
 */
export function buildLineage(
  root: GovernanceModel,
  rows: readonly LineageEdgeRow[],
  models: ReadonlyMap<string, GovernanceModel>,
): Lineage {
  const present = rows.filter((r) => models.has(r.from) && models.has(r.to));
  const slugs = [...new Set([root.slug, ...present.flatMap((r) => [r.from, r.to])])];
  const nodes = slugs.map((s) => (s === root.slug ? root : models.get(s)!));
  const edges = present.map((r) => ({
    from: models.get(r.from)!,
    to: models.get(r.to)!,
    relation: r.relation,
    since: r.since,
    provenance: r.provenance,
  }));
  const mermaid = toMermaid(
    nodes,
    present.map((r) => ({
      from: r.from,
      to: r.to,
      relation: r.relation,
      editorial: r.provenance.editorial,
    })),
    root.slug,
  );
  return { root, nodes, edges, mermaid };
}

/** The model slugs a set of edges touches, the root's first. */
export const lineageSlugs = (root: string, rows: readonly LineageEdgeRow[]): string[] => [
  ...new Set([root, ...rows.flatMap((r) => [r.from, r.to])]),
];
