import { many, one, type Relation, type TypePlan } from '../core/plan';
import { CitationEntity, SourceEntity } from './citation.repository';
import type { Citation, Source } from './citation.type';

export const SourcePlan: TypePlan<Source> = {
  typeName: 'Source',
  entity: SourceEntity,
  relations: {},
};

export const CitationPlan: TypePlan<Citation> = {
  typeName: 'Citation',
  entity: CitationEntity,
  relations: {
    source: one(
      () => SourcePlan,
      (v, x) => `MATCH (${x}:Source {id: ${v}.sourceId})`,
    ),
  },
};

/** The quotes of any fact, fetched with it (in text order, as its citations field lists them). */
export const citationsRelation = <P>(): Relation<P> =>
  many<P, Citation>(
    () => CitationPlan,
    (v, x) => `MATCH (${v})-[:CITED_BY]->(${x}:Citation)`,
    (x) => `${x}.sourceId, ${x}.offset`,
  );
