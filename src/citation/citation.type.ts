import { GraphQLDateTime, GraphQLNonNegativeInt, GraphQLURL } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { type SourceKind as Kind, SOURCE_KINDS } from '../core/vocabulary';

export const SourceKind = graphqlEnum(
  'SourceKind',
  SOURCE_KINDS,
  'Who produced a source: figures from an official self-report carried by the media are not ' +
    'independent evaluations.',
);
export type SourceKind = Kind;

@ObjectType({ implements: Node, description: 'A document that facts are quoted from.' })
export class Source extends Node {
  @Field({ description: 'Stable key, e.g. kunming-2020.' })
  key!: string;

  @Field({ description: 'Title in the original language.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'English title (editorial translation).' })
  titleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Author as credited.' })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Who published this copy.' })
  publisher!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who first published the text, if another outlet.',
  })
  originalPublisher!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was published.' })
  published!: string | null;

  @Field({ description: 'Language code, e.g. zh.' })
  language!: string;

  @Field(() => SourceKind, { description: 'Who produced it.' })
  kind!: SourceKind;

  @Field({ description: 'SHA-256 of the exact text the quotes are located in.' })
  sha256!: string;

  @Field(() => GraphQLURL, { nullable: true, description: 'Where it can be read, if known.' })
  url!: string | null;
}

@ObjectType({
  implements: Node,
  description: 'A verbatim quote from a source that supports a fact.',
})
export class Citation extends Node {
  @Field({ description: 'The quote, character for character as in the source.' })
  quote!: string;

  @Field(() => GraphQLNonNegativeInt, {
    description: 'Where the quote starts in the source text, in Unicode code points.',
  })
  offset!: number;

  @Field(() => GraphQLNonNegativeInt, {
    description: 'Length of the quote in Unicode code points.',
  })
  length!: number;

  /** Its key (the global id without the type). */
  key!: string;

  /** Key of the source it is quoted from (`source` resolves it). */
  sourceKey!: string;
}

@ObjectType({
  description:
    'Why a fact is in the graph: verbatim quotes, or an editorial basis where no source states it.',
})
export class Provenance {
  /** Ids of the quotes that state the fact (`citations` resolves them). */
  citationIds!: readonly string[];

  @Field({
    description:
      'True when the fact is an editorial addition that no source in the project states.',
  })
  editorial!: boolean;

  @Field(() => String, { nullable: true, description: 'For an editorial fact: what it rests on.' })
  basis!: string | null;

  @Field(() => String, { nullable: true, description: 'For an editorial fact: any further note.' })
  note!: string | null;
}
