import { many, one, type Relation, type TypePlan } from '../core/plan';
import { citationByKey, sourceByKey } from './citation.loader';
import { CitationEntity, SourceEntity } from './citation.repository';
import type { Citation, Source } from './citation.type';

export const SourcePlan: TypePlan<Source> = { typeName: 'Source', entity: SourceEntity, relations: {} };

export const CitationPlan: TypePlan<Citation> = {
  typeName: 'Citation',
  entity: CitationEntity,
  relations: {
    source: one(() => SourcePlan, (v, x) => `MATCH (${x}:Source {id: ${v}.sourceId})`, (ctx, _c, source) => {
      if (source) sourceByKey(ctx).prime(source.key, source);
    }),
  },
};

/** The quotes of any fact: fetched with it, primed by id (the fact's resolver loads them by its ids). */
export const citationsRelation = <P>(): Relation<P> =>
  many<P, Citation>(() => CitationPlan, (v, x) => `MATCH (${v})-[:CITED_BY]->(${x}:Citation)`, (x) => `${x}.id`, (ctx, _parent, citations) => {
    for (const c of citations) citationByKey(ctx).prime(c.key, c);
  });
