/** Renders a lineage graph as a Mermaid flowchart, for papers and notebooks. */

export interface MermaidNode {
  readonly slug: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly relation: string;
  readonly editorial: boolean;
}

/** Mermaid ids must be plain words; labels are quoted with " escaped as #quot;. */
const idOf = (slug: string) => `m_${slug.replace(/-/g, '_')}`;
const label = (s: string) => s.replace(/"/g, '#quot;');

export function toMermaid(
  nodes: readonly MermaidNode[],
  edges: readonly MermaidEdge[],
  root?: string,
): string {
  const lines = ['flowchart TD'];
  for (const n of [...nodes].sort((a, b) => a.slug.localeCompare(b.slug))) {
    lines.push(`  ${idOf(n.slug)}["${label(n.name)}<br/>${label(n.nameEn)}"]`);
  }
  // Arrows run from the origin to what derives from it: the reverse of DERIVED_FROM.
  for (const e of [...edges].sort((a, b) => `${a.to}${a.from}`.localeCompare(`${b.to}${b.from}`))) {
    lines.push(`  ${idOf(e.to)} ${e.editorial ? '-.->' : '-->'}|${e.relation}| ${idOf(e.from)}`);
  }
  if (root) lines.push(`  style ${idOf(root)} stroke-width:3px`);
  return lines.join('\n');
}
