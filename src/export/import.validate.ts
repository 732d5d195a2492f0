import { z } from 'zod';
import { InvalidInputError } from '../core/errors';
import { FORMAT, FORMAT_VERSION, type GraphDocument, graphDocument, sha256 } from './graph-format';
import { identityOf, type NodeKind, RESERVED_LABELS } from './graph-identity';
import { type Properties, TAGGED_TYPES } from './graph-values';

/**
 * Reads an export file and refuses it, whole, unless it is exactly what `toJson` writes: the
 * format and version this code reads, every node's id made from its own kind and key, every
 * relationship between nodes of the file, counts that match, and every source's text matching
 * its sha256. Names that reach Cypher as parameters are checked here too.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const POINT = z
  .object({ srid: z.number().int(), x: z.number(), y: z.number(), z: z.number().optional() })
  .strict();

const tagged = z
  .object({ $type: z.string(), value: z.unknown() })
  .strict()
  .superRefine((v, ctx) => {
    if (!TAGGED_TYPES.includes(v.$type))
      ctx.addIssue({ code: 'custom', message: `unknown value type ${JSON.stringify(v.$type)}` });
    const list = v.$type.startsWith('LIST<');
    const one = v.$type.includes('POINT') ? POINT : z.string().max(100);
    if (!(list ? z.array(one) : one).safeParse(v.value).success)
      ctx.addIssue({ code: 'custom', message: `a value of type ${v.$type} has the wrong shape` });
  });

const value = z.union([
  z.string(),
  z.boolean(),
  z.number(),
  z.array(z.string()),
  z.array(z.boolean()),
  z.array(z.number()),
  tagged,
]);
const properties = z.record(
  z.string().regex(NAME, 'a property name must be a plain identifier'),
  value,
);

const FILE = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  scope: z.union([
    z.object({ kind: z.literal('graph') }),
    z.object({ kind: z.literal('region'), code: z.string() }),
    z.object({ kind: z.literal('model'), slug: z.string() }),
  ]),
  counts: z.object({
    nodes: z.record(z.string(), z.number()),
    relationships: z.record(z.string(), z.number()),
  }),
  sources: z.array(z.object({ id: z.string(), sha256: z.string(), characters: z.number() })),
  nodes: z.array(
    z.object({
      id: z.string(),
      labels: z.array(z.string().regex(NAME, 'a label must be a plain identifier')).min(1),
      properties,
    }),
  ),
  relationships: z.array(
    z.object({
      type: z.string().regex(NAME, 'a relationship type must be a plain identifier'),
      from: z.string(),
      to: z.string(),
      properties,
    }),
  ),
});

type Problem = { field: string; message: string };

/**
 * The format and version first, so an old or foreign file gets that answer and not a list of
 * shapes.
 */
function checkVersion(json: unknown): void {
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== FORMAT) {
    throw new InvalidInputError('Refused', [
      { field: 'format', message: `not a Zhili graph export (expected "format": "${FORMAT}")` },
    ]);
  }
  if (head.formatVersion !== FORMAT_VERSION) {
    throw new InvalidInputError('Refused', [
      {
        field: 'formatVersion',
        message: `format version ${JSON.stringify(head.formatVersion)} is not the version this zhili reads (${FORMAT_VERSION})`,
      },
    ]);
  }
}

function nodeProblems(doc: z.output<typeof FILE>, kinds: readonly NodeKind[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  doc.nodes.forEach((n, i) => {
    const identity = identityOf(n.labels, n.properties as Properties, kinds);
    if (typeof identity === 'string') problems.push({ field: `nodes.${i}`, message: identity });
    else if (identity.id !== n.id)
      problems.push({
        field: `nodes.${i}.id`,
        message: `${JSON.stringify(n.id)} is not the id its labels and key make (${JSON.stringify(identity.id)})`,
      });
    const reserved = n.labels.find((l) => RESERVED_LABELS.includes(l));
    if (reserved)
      problems.push({
        field: `nodes.${i}.labels`,
        message: `${reserved} nodes are never imported`,
      });
    if (ids.has(n.id)) problems.push({ field: `nodes.${i}.id`, message: `${n.id} appears twice` });
    ids.add(n.id);
  });
  doc.relationships.forEach((r, i) => {
    for (const end of [r.from, r.to])
      if (!ids.has(end))
        problems.push({
          field: `relationships.${i}`,
          message: `${r.type} refers to ${JSON.stringify(end)}, which is not a node of the file`,
        });
  });
  return problems;
}

/**
 * Counts and source digests as the body makes them, against the header; each text against its own
 * sha256.
 */
function digestProblems(doc: z.output<typeof FILE>, made: GraphDocument): Problem[] {
  const problems: Problem[] = [];
  if (JSON.stringify(made.header.counts) !== JSON.stringify(doc.counts))
    problems.push({
      field: 'counts',
      message: `the header counts ${JSON.stringify(doc.counts)}, the file holds ${JSON.stringify(made.header.counts)}`,
    });
  const stated = new Map(doc.sources.map((s) => [s.id, s.sha256]));
  for (const s of made.header.sources) {
    if (stated.get(s.id) !== s.sha256)
      problems.push({
        field: `sources.${s.id}`,
        message: `the text of source ${s.id} has sha256 ${s.sha256}, the header says ${stated.get(s.id) ?? 'nothing'}`,
      });
    stated.delete(s.id);
  }
  for (const id of stated.keys())
    problems.push({
      field: `sources.${id}`,
      message: `the header lists source ${id}, which has no node with a text in the file`,
    });
  for (const n of made.nodes) {
    const { text, sha256: stored } = n.properties;
    if (
      n.labels.includes('Source') &&
      typeof text === 'string' &&
      typeof stored === 'string' &&
      sha256(text) !== stored
    ) {
      problems.push({
        field: n.id,
        message: `its text has sha256 ${sha256(text)}, its sha256 property says ${stored}`,
      });
    }
  }
  return problems;
}

/** The file as a document, or InvalidInputError (BAD_USER_INPUT) naming every problem. */
export function readGraphFile(text: string, kinds: readonly NodeKind[]): GraphDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('Refused', [
      {
        field: '(file)',
        message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  checkVersion(json);
  const parsed = FILE.safeParse(json);
  if (!parsed.success)
    throw new InvalidInputError(
      'Refused',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  const doc = parsed.data;
  const made = graphDocument(
    doc.scope,
    doc.nodes as GraphDocument['nodes'],
    doc.relationships as GraphDocument['relationships'],
  );
  const problems = [...nodeProblems(doc, kinds), ...digestProblems(doc, made)];
  if (problems.length > 0) throw new InvalidInputError('Refused', problems);
  return made;
}
