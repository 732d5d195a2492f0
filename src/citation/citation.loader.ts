import { type Context, perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { keyedLoader, loadExisting, rowsByKey } from '../core/loader';
import { CitationEntity, SourceEntity, sourceTextsQuery } from './citation.repository';
import type { Citation } from './citation.type';

export const citationByKey = byKey(CitationEntity);
export const sourceByKey = byKey(SourceEntity);
export const sourceTexts = perRequest((executor) =>
  keyedLoader(rowsByKey(executor, 'source-texts', sourceTextsQuery, (r) => r.text)),
);

/**
 * A fact's quotes by id, in text order (source, then offset); every id comes from the graph, so
 * each must exist.
 */
export async function loadCitations(
  ctx: Context,
  ids: readonly string[],
  from: string,
): Promise<Citation[]> {
  const citations = await loadExisting(citationByKey(ctx), ids, 'Citation', from);
  return citations.sort((a, b) =>
    a.sourceKey === b.sourceKey ? a.offset - b.offset : a.sourceKey < b.sourceKey ? -1 : 1,
  );
}
