import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../server/context';
import { Citation, Provenance, Source } from './citation.type';

/** What the records behind a Provenance carry: citation ids, resolved on demand. */
export interface ProvenanceRecord {
  readonly citationIds: readonly string[];
  readonly editorial: boolean;
  readonly basis: string | null;
  readonly note: string | null;
}

export const provenanceOf = (p: { citationIds?: unknown; editorial?: unknown; editorialBasis?: unknown; editorialNote?: unknown }): ProvenanceRecord => ({
  citationIds: Array.isArray(p.citationIds) ? (p.citationIds as string[]) : [],
  editorial: Boolean(p.editorial),
  basis: (p.editorialBasis as string) ?? null,
  note: (p.editorialNote as string) ?? null,
});

/** Loads citations by id, in the order given, skipping none (ids come from the graph itself). */
export async function loadCitations(ctx: Context, ids: readonly string[]): Promise<Citation[]> {
  const found = await ctx.loaders.citation.loadMany(ids);
  return found.filter((c): c is Citation => c !== null && !(c instanceof Error));
}

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => [Citation])
  citations(@Root() p: ProvenanceRecord, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source)
  async source(@Root() c: Citation, @Ctx() ctx: Context): Promise<Source> {
    const source = await ctx.loaders.source.load(c.sourceKey);
    if (!source) throw new Error(`citation ${c.id} points at a missing source`);
    return source;
  }
}
