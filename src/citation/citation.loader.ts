import type { Context } from '../core/context';
import { byKey } from '../core/entity';
import { loadExisting } from '../core/loader';
import { CitationEntity, SourceEntity } from './citation.repository';
import type { Citation } from './citation.type';

export const citationByKey = byKey(CitationEntity);
export const sourceByKey = byKey(SourceEntity);

/** A fact's quotes by id, in the order given; every id comes from the graph, so each must exist. */
export function loadCitations(ctx: Context, ids: readonly string[], from: string): Promise<Citation[]> {
  return loadExisting(citationByKey(ctx), ids, 'Citation', from);
}
