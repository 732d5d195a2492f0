import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/connection.type';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { PartialDate } from '../core/partial-date.type';
import { IsRegionCode, IsSlug } from '../core/validation';
import { PracticeCategory, PracticeStatus, SortDirection } from './practice-enums';

@ObjectType({
  implements: Node,
  description: 'One concrete implementation of one or more models in one region.',
})
export class Practice extends Node {
  @Field({ description: 'Stable key of the practice.' })
  key!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A place without an official code where it runs (a compound, a hospital …).',
  })
  site!: string | null;

  @Field(() => String, { nullable: true, description: 'The site in English.' })
  siteEn!: string | null;

  @Field(() => PracticeCategory, { description: 'The field it works in.' })
  category!: PracticeCategory;

  @Field(() => PracticeStatus, { description: 'Pilot, rolled out, planned or ended.' })
  status!: PracticeStatus;

  @Field(() => PartialDate, {
    nullable: true,
    description: 'When it started, at the precision the source gives.',
  })
  started!: PartialDate | null;

  @Field(() => String, {
    nullable: true,
    description: 'How far it reaches, as the source says (Chinese).',
  })
  scale!: string | null;

  @Field(() => String, { nullable: true, description: 'How far it reaches (English).' })
  scaleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Description in Chinese.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English.' })
  descriptionEn!: string | null;

  /** Code of the region it runs in (`region` resolves it). */
  regionCode!: string;
  citationIds!: string[];
}

export const PracticeConnection = ConnectionType(Practice, 'Practice');

@InputType({ description: 'Which practices to list. All criteria must hold.' })
export class PracticeFilter {
  @IsRegionCode()
  @Field(() => String, { nullable: true, description: 'Official code of a region, e.g. 530103.' })
  regionCode?: string | null;

  @Field({
    defaultValue: false,
    description:
      'With regionCode: include practices in every unit below it (a county covers its townships ' +
      'and villages).',
  })
  includeSubregions!: boolean;

  @IsSlug()
  @Field(() => String, {
    nullable: true,
    description: 'Only practices implementing this model (slug).',
  })
  model?: string | null;

  @IsSlug()
  @Field(() => String, {
    nullable: true,
    description: 'Only practices implementing a model built on this principle (slug).',
  })
  principle?: string | null;

  @Field(() => PracticeStatus, { nullable: true, description: 'Only practices with this status.' })
  status?: PracticeStatus | null;

  @Field(() => PracticeCategory, { nullable: true, description: 'Only practices in this field.' })
  category?: PracticeCategory | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Started on or after this day (a practice dated 2020-06 counts from 2020-06-01).',
  })
  startedFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Started on or before this day.' })
  startedTo?: string | null;
}

export const PracticeOrderField = graphqlEnum(
  'PracticeOrderField',
  ['START_DATE', 'NAME', 'REGION'],
  'Undated practices sort last by START_DATE.',
);
export type PracticeOrderField = keyof typeof PracticeOrderField;

@InputType({ description: 'Ordering of practices; ties break on the practice key.' })
export class PracticeOrder {
  @Field(() => PracticeOrderField, {
    defaultValue: PracticeOrderField.START_DATE,
    description: 'What to order by.',
  })
  field!: PracticeOrderField;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'Ascending or descending.',
  })
  direction!: SortDirection;
}
