import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context';
import { loadOne } from '../core/loader';
import { prefetchedOr } from '../core/plan';
import { loadCitations, sourceByKey, sourceTexts } from './citation.loader';
import { Citation, Provenance, Source } from './citation.type';

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => [Citation], {
    description: 'Quotes that state the fact (empty for a purely editorial fact).',
  })
  citations(@Root() p: Provenance, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds, 'a provenance');
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The source it is quoted from.' })
  source(
    @Root() c: Citation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Source> {
    return prefetchedOr(c, info, () => loadOne(sourceByKey(ctx), c.sourceKey, 'Source', c.id));
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => String, {
    description:
      "The exact text the quotes are located in: a citation's offset and length count its code " +
      'points.',
  })
  text(@Root() s: Source, @Ctx() ctx: Context): Promise<string> {
    return loadOne(sourceTexts(ctx), s.key, 'Source text', s.id);
  }
}
