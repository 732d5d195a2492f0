import type { CypherQuery, Executor, Row } from '../db/executor';
import { toGlobalId } from '../common/global-id';
import type { Citation, Source, SourceKind } from './citation.type';

export const citationsByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: 'UNWIND $ids AS id MATCH (c:Citation {id: id}) RETURN c {.id, .quote, .offset, .length, .sourceId} AS c ORDER BY c.sourceId, c.offset',
  params: { ids },
});

export const sourcesByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (s:Source {id: id})
    RETURN s {.id, .title, .titleEn, .author, .publisher, .originalPublisher, .published, .language, .kind, .sha256, .url} AS s`,
  params: { ids },
});

export const toCitation = (c: Row): Citation =>
  ({ __typename: 'Citation', id: toGlobalId('Citation', String(c.id)), key: String(c.id), quote: String(c.quote), offset: Number(c.offset), length: Number(c.length), sourceKey: String(c.sourceId) }) as unknown as Citation;

export const toSource = (s: Row): Source =>
  ({
    __typename: 'Source', id: toGlobalId('Source', String(s.id)), key: String(s.id), title: String(s.title), titleEn: (s.titleEn as string) ?? null,
    author: (s.author as string) ?? null, publisher: (s.publisher as string) ?? null, originalPublisher: (s.originalPublisher as string) ?? null,
    published: (s.published as string) ?? null, language: String(s.language), kind: s.kind as SourceKind, sha256: String(s.sha256), url: (s.url as string) ?? null,
  }) as unknown as Source;

export async function findCitations(executor: Executor, ids: readonly string[]): Promise<Array<[string, Citation]>> {
  const rows = await executor.read(citationsByIdsQuery(ids), 'citations');
  return rows.map((r) => [String((r.c as Row).id), toCitation(r.c as Row)]);
}

export async function findSources(executor: Executor, ids: readonly string[]): Promise<Array<[string, Source]>> {
  const rows = await executor.read(sourcesByIdsQuery(ids), 'sources');
  return rows.map((r) => [String((r.s as Row).id), toSource(r.s as Row)]);
}
