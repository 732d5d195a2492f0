import { sha256 } from '../core/digest';
import type { Properties } from './graph-values';
import { compare } from './graph-values';

/**
 * The lossless export: a header, then every node and every relationship, each on one line, in a
 * fixed order (nodes by id, relationships by type, ends and properties; property names sorted),
 * so that the same graph always gives the same bytes. See docs/EXPORT.md.
 */

export const FORMAT = 'zhili-graph';
export const FORMAT_VERSION = 1;

export type ExportScope =
  | { readonly kind: 'graph' }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'model'; readonly slug: string };

export interface GraphNode {
  /** `Label:key`, see graph-identity.ts. */
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: Properties;
}

export interface GraphRelationship {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Properties;
}

export interface SourceDigest {
  readonly id: string;
  /** sha256 of the source's full text (UTF-8), which the Source node holds in `text`. */
  readonly sha256: string;
  readonly characters: number;
}

export interface GraphHeader {
  readonly format: typeof FORMAT;
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly scope: ExportScope;
  readonly counts: {
    readonly nodes: Readonly<Record<string, number>>;
    readonly relationships: Readonly<Record<string, number>>;
  };
  readonly sources: readonly SourceDigest[];
}

export interface GraphDocument {
  readonly header: GraphHeader;
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly GraphRelationship[];
}

export { sha256 };

/** The label a node is counted (and tabled) under: the kind in its id. */
export const primaryLabel = (n: GraphNode): string => n.id.slice(0, n.id.indexOf(':'));

const relationshipOrder = (r: GraphRelationship) => [
  r.type,
  r.from,
  r.to,
  JSON.stringify(r.properties),
];

function compareOrders(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < x.length; i += 1) {
    const c = compare(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Relationships in canonical order; each one's sort key (its properties as JSON) is made once, not
 * per comparison.
 */
export const sortRelationships = (
  relationships: readonly GraphRelationship[],
): GraphRelationship[] =>
  relationships
    .map((r) => ({ r, order: relationshipOrder(r) }))
    .sort((a, b) => compareOrders(a.order, b.order))
    .map(({ r }) => r);

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of [...keys].sort(compare)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/** A document in canonical order, with its counts and the digests of its sources' texts. */
export function graphDocument(
  scope: ExportScope,
  nodes: readonly GraphNode[],
  relationships: readonly GraphRelationship[],
): GraphDocument {
  const sortedNodes = [...nodes].sort((a, b) => compare(a.id, b.id));
  const sortedRelationships = sortRelationships(relationships);
  const sources = sortedNodes
    .filter((n) => primaryLabel(n) === 'Source' && typeof n.properties.text === 'string')
    .map((n) => {
      const text = n.properties.text as string;
      return {
        id: n.id.slice('Source:'.length),
        sha256: sha256(text),
        characters: [...text].length,
      };
    });
  return {
    header: {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      scope,
      counts: {
        nodes: tally(sortedNodes.map(primaryLabel)),
        relationships: tally(sortedRelationships.map((r) => r.type)),
      },
      sources,
    },
    nodes: sortedNodes,
    relationships: sortedRelationships,
  };
}

/** The file's opening: `{` and the header's entries, one per line. */
export const jsonHeader = (header: GraphHeader): string =>
  `{\n${Object.entries(header)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join('\n')}\n`;

/** One node's line in the file, as its list holds it (without the comma between lines). */
export const jsonNode = (n: GraphNode): string =>
  `    ${JSON.stringify({ id: n.id, labels: n.labels, properties: n.properties })}`;

/** One relationship's line in the file. */
export const jsonRelationship = (r: GraphRelationship): string =>
  `    ${JSON.stringify({ type: r.type, from: r.from, to: r.to, properties: r.properties })}`;

/**
 * The document as JSON text: header entries one per line, then one line per node and per
 * relationship.
 */
export function toJson(doc: GraphDocument): string {
  const list = (lines: readonly string[]) =>
    lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `${jsonHeader(doc.header)}  "nodes": ${list(doc.nodes.map(jsonNode))},\n  "relationships": ${list(doc.relationships.map(jsonRelationship))}\n}\n`;
}

/**
 * Properties that name who edited a fact: kept in the lossless file, left out of public downloads.
 */
const EDITOR_PROPERTIES: readonly string[] = ['updatedBy'];
const withoutKeys = (p: Properties): Properties =>
  EDITOR_PROPERTIES.some((k) => k in p)
    ? Object.fromEntries(Object.entries(p).filter(([k]) => !EDITOR_PROPERTIES.includes(k)))
    : p;

/** The document a public download serves: the same graph, without the editors' identities. */
export function withoutEditors(doc: GraphDocument): GraphDocument {
  return {
    header: doc.header,
    nodes: doc.nodes.map((n) => ({ ...n, properties: withoutKeys(n.properties) })),
    relationships: doc.relationships.map((r) => ({ ...r, properties: withoutKeys(r.properties) })),
  };
}
