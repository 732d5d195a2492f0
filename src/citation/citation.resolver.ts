import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context';
import { loadOne } from '../core/loader';
import { loadCitations, sourceByKey } from './citation.loader';
import { Citation, Provenance, Source } from './citation.type';

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => [Citation], { description: 'Quotes that state the fact (empty for a purely editorial fact).' })
  citations(@Root() p: Provenance, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds, 'a provenance');
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The source it is quoted from.' })
  source(@Root() c: Citation, @Ctx() ctx: Context): Promise<Source> {
    return loadOne(sourceByKey(ctx), c.sourceKey, 'Source', c.id);
  }
}
