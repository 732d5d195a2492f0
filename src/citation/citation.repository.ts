import { z } from 'zod';
import { flag, num, oneOf, optText, text, texts } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { SOURCE_KINDS } from '../core/vocabulary';
import type { Citation, Provenance, Source } from './citation.type';

export const CitationEntity: Entity<Citation> = {
  label: 'Citation',
  key: 'id',
  node: true,
  projection: projector(['id', 'quote', 'offset', 'length', 'sourceId']),
  decode: z
    .object({ id: text, quote: text, offset: num, length: num, sourceId: text })
    .transform((c): Citation => ({
      __typename: 'Citation',
      id: toGlobalId('Citation', c.id),
      key: c.id,
      quote: c.quote,
      offset: c.offset,
      length: c.length,
      sourceKey: c.sourceId,
    })),
};

const SOURCE_PROPS = [
  'id',
  'title',
  'titleEn',
  'author',
  'publisher',
  'originalPublisher',
  'published',
  'language',
  'kind',
  'sha256',
  'url',
] as const;

export const SourceEntity: Entity<Source> = {
  label: 'Source',
  key: 'id',
  node: true,
  projection: projector(SOURCE_PROPS),
  decode: z
    .object({
      id: text,
      title: text,
      titleEn: optText,
      author: optText,
      publisher: optText,
      originalPublisher: optText,
      published: optText,
      language: text,
      kind: oneOf(SOURCE_KINDS),
      sha256: text,
      url: optText,
    })
    .transform(({ id, ...s }): Source => ({
      __typename: 'Source',
      id: toGlobalId('Source', id),
      key: id,
      ...s,
    })),
};

/**
 * A fact's provenance as stored on a node or an edge (its quotes' ids, or an editorial basis),
 * decoded to what the Provenance type resolves.
 */
export const provenance = z
  .object({ citationIds: texts, editorial: flag, editorialBasis: optText, editorialNote: optText })
  .transform((p): Provenance => ({
    citationIds: p.citationIds ?? [],
    editorial: p.editorial ?? false,
    basis: p.editorialBasis,
    note: p.editorialNote,
  }));

/** The provenance stored on the edge bound to `v`, as a map that `provenance` decodes. */
export const edgeProvenance = (v: string) =>
  `{citationIds: ${v}.citationIds, editorial: ${v}.editorial, editorialBasis: ${v}.editorialBasis, editorialNote: ${v}.editorialNote}`;

/** Sources' full texts by id (tens of kB each): read only by `Source.text`, never with the node. */
export function sourceTextsQuery(
  keys: readonly string[],
): DecodedQuery<{ key: string; text: string }> {
  return {
    cypher: 'UNWIND $keys AS key MATCH (s:Source {id: key}) RETURN key, s.text AS text',
    params: { keys },
    row: z.object({ key: text, text }),
  };
}
