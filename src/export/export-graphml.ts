import { create } from 'xmlbuilder2';
import type { GraphDocument, GraphNode } from './graph-format';
import { cellText, compare, isTagged, type Properties, type PropertyValue } from './graph-values';

/**
 * GraphML for Gephi, yEd and networkx: a directed graph whose nodes keep their export ids. Every
 * property is declared once per node or edge as a <key> with its GraphML type (long for Neo4j
 * integers, double for floats, boolean, string for the rest: text, lists as JSON, temporals as
 * ISO text). Nodes also get `label` (their name, for Gephi's labels) and `neo4jLabels`; edges
 * get `label`, their relationship type.
 */

const NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA = `${NS} ${NS}/1.0/graphml.xsd`;

type AttrType = 'boolean' | 'long' | 'double' | 'string';

function attrType(v: PropertyValue): AttrType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'double';
  if (isTagged(v) && v.$type === 'INTEGER') return 'long';
  if (isTagged(v) && v.$type === 'FLOAT') return 'double';
  return 'string';
}

/** One type per key: long and double make double; any other mix makes string. */
const merge = (a: AttrType | undefined, b: AttrType): AttrType =>
  a === undefined || a === b
    ? b
    : (a === 'long' && b === 'double') || (a === 'double' && b === 'long')
      ? 'double'
      : 'string';

const DOUBLE_TEXT: Readonly<Record<string, string>> = { Infinity: 'INF', '-Infinity': '-INF' };

/** XML 1.0 cannot hold most control characters, even escaped. */
const clean = (s: string) =>
  // The control characters are the point: XML cannot carry them.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

function dataText(v: PropertyValue, type: AttrType): string {
  if (type === 'double' && isTagged(v))
    return DOUBLE_TEXT[v.value as string] ?? (v.value as string);
  return clean(cellText(v));
}

interface Key {
  readonly id: string;
  readonly name: string;
  readonly type: AttrType;
}

function keysOf(prefix: string, all: readonly Properties[]): Map<string, Key> {
  const types = new Map<string, AttrType>();
  for (const props of all)
    for (const [name, v] of Object.entries(props))
      types.set(name, merge(types.get(name), attrType(v)));
  const names = [...types.keys()].sort(compare);
  return new Map(
    names.map((name, i) => [name, { id: `${prefix}${i}`, name, type: types.get(name)! }]),
  );
}

const displayName = (n: GraphNode): string => {
  const name = n.properties.name ?? n.properties.title ?? n.properties.quote;
  return typeof name === 'string' ? name : n.id.slice(n.id.indexOf(':') + 1);
};

/** The document as GraphML text. */
export function toGraphml(doc: GraphDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'graphml', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': SCHEMA,
  });
  const nodeKeys = keysOf(
    'n',
    doc.nodes.map((n) => n.properties),
  );
  const edgeKeys = keysOf(
    'e',
    doc.relationships.map((r) => r.properties),
  );
  root.ele('key', { id: 'label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' });
  root.ele('key', { id: 'labels', for: 'node', 'attr.name': 'neo4jLabels', 'attr.type': 'string' });
  for (const k of nodeKeys.values())
    root.ele('key', { id: k.id, for: 'node', 'attr.name': k.name, 'attr.type': k.type });
  root.ele('key', { id: 'type', for: 'edge', 'attr.name': 'label', 'attr.type': 'string' });
  for (const k of edgeKeys.values())
    root.ele('key', { id: k.id, for: 'edge', 'attr.name': k.name, 'attr.type': k.type });
  const graph = root.ele('graph', { id: 'zhili', edgedefault: 'directed' });
  const data = (
    parent: ReturnType<typeof graph.ele>,
    keys: Map<string, Key>,
    props: Properties,
  ) => {
    for (const [name, v] of Object.entries(props)) {
      const key = keys.get(name)!;
      parent.ele('data', { key: key.id }).txt(dataText(v, key.type));
    }
  };
  for (const n of doc.nodes) {
    const node = graph.ele('node', { id: n.id });
    node.ele('data', { key: 'label' }).txt(clean(displayName(n)));
    node.ele('data', { key: 'labels' }).txt(n.labels.join(':'));
    data(node, nodeKeys, n.properties);
  }
  for (const r of doc.relationships) {
    const edge = graph.ele('edge', { source: r.from, target: r.to });
    edge.ele('data', { key: 'type' }).txt(r.type);
    data(edge, edgeKeys, r.properties);
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
