import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * The structure rules of GraphML 1.0 (graphml.xsd and the primer) that a reader relies on, checked
 * on the parsed XML: the root in GraphML's namespace, <key>s before the graph with known `for` and
 * `attr.type` and unique ids (and unique names per domain), one directed graph, unique node ids,
 * edges between declared nodes, every <data> naming a key of its domain with a value of its type.
 * Returns the problems found (none for a valid document).
 */

const NS = 'http://graphml.graphdrawing.org/xmlns';
const FOR = new Set(['node', 'edge', 'graph', 'graphml', 'all']);
const LEXICAL: Readonly<Record<string, RegExp>> = {
  boolean: /^(true|false|1|0)$/,
  int: /^[+-]?\d+$/,
  long: /^[+-]?\d+$/,
  float: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/,
  double: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/,
  string: /^[\s\S]*$/,
};

const children = (e: Element, name: string): Element[] =>
  Array.from(e.childNodes).filter(
    (c): c is Element => c.nodeType === 1 && (c as Element).localName === name,
  );

function keyProblems(
  root: Element,
  problems: string[],
): Map<string, { for: string; type: string }> {
  const keys = new Map<string, { for: string; type: string }>();
  const names = new Set<string>();
  for (const k of children(root, 'key')) {
    const id = k.getAttribute('id') ?? '';
    const domain = k.getAttribute('for') ?? 'all';
    const type = k.getAttribute('attr.type') ?? 'string';
    const name = `${domain}/${k.getAttribute('attr.name')}`;
    if (!id || keys.has(id)) problems.push(`key id ${JSON.stringify(id)} missing or repeated`);
    if (!FOR.has(domain)) problems.push(`key ${id}: for="${domain}"`);
    if (!(type in LEXICAL)) problems.push(`key ${id}: attr.type="${type}"`);
    if (names.has(name)) problems.push(`key ${id}: attr.name ${name} declared twice`);
    names.add(name);
    keys.set(id, { for: domain, type });
  }
  return keys;
}

function dataProblems(
  e: Element,
  domain: string,
  keys: Map<string, { for: string; type: string }>,
  problems: string[],
): void {
  for (const d of children(e, 'data')) {
    const key = keys.get(d.getAttribute('key') ?? '');
    if (!key)
      problems.push(
        `${domain} ${e.getAttribute('id') ?? ''}: data with undeclared key ${d.getAttribute('key')}`,
      );
    else if (key.for !== domain && key.for !== 'all')
      problems.push(`${domain}: data of a ${key.for} key`);
    else if (!(LEXICAL[key.type] ?? /^/).test(d.textContent ?? ''))
      problems.push(
        `${domain} ${e.getAttribute('id') ?? ''}: ${JSON.stringify(d.textContent)} is not a ${key.type}`,
      );
  }
}

export function graphmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void problems.push(`XML ${level}: ${message}`),
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'graphml' || root.namespaceURI !== NS)
    return [...problems, 'the root is not <graphml> in the GraphML namespace'];
  const keys = keyProblems(root, problems);
  const graphs = children(root, 'graph');
  if (graphs.length !== 1) return [...problems, `${graphs.length} graphs`];
  const graph = graphs[0]!;
  if (graph.getAttribute('edgedefault') !== 'directed')
    problems.push('edgedefault is not directed');
  const ids = new Set<string>();
  for (const n of children(graph, 'node')) {
    const id = n.getAttribute('id') ?? '';
    if (!id || ids.has(id)) problems.push(`node id ${JSON.stringify(id)} missing or repeated`);
    ids.add(id);
    dataProblems(n, 'node', keys, problems);
  }
  for (const e of children(graph, 'edge')) {
    for (const end of ['source', 'target'])
      if (!ids.has(e.getAttribute(end) ?? ''))
        problems.push(`edge ${end} ${e.getAttribute(end)} is not a node`);
    dataProblems(e, 'edge', keys, problems);
  }
  return problems;
}
