import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from './graphql-enum';
import { periodBounds } from './period';
import { DATE_PRECISIONS, type DatePrecision as Precision } from './vocabulary';

export const DatePrecision = graphqlEnum(
  'DatePrecision',
  DATE_PRECISIONS,
  'How precisely a source dates something.',
);
export type DatePrecision = Precision;

@ObjectType({
  description: 'A date known only to the precision a source gives (2020, 2020-06, 2020-06-18).',
})
export class PartialDate {
  @Field({ description: 'The date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.' })
  value!: string;

  @Field(() => DatePrecision, { description: 'Its precision.' })
  precision!: DatePrecision;

  @Field(() => GraphQLLocalDate, { description: 'First day it can mean.' })
  earliest!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day it can mean.' })
  latest!: string;
}

/** A stored date and its precision → a PartialDate; null when there is no date. */
export function toPartialDate(
  value: string | null,
  precision: DatePrecision | null,
): PartialDate | null {
  if (!value || !precision) return null;
  const { start, end } = periodBounds(value);
  return { value, precision, earliest: start ?? value, latest: end ?? value };
}
