import { enumOf } from './enum';
import { DATE_PRECISIONS } from '../seed/seed.schema';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const DatePrecision = enumOf(DATE_PRECISIONS);
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precisely a source dates something.' });

@ObjectType({ description: 'A date known only to the precision a source gives (2020, 2020-06, 2020-06-18).' })
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
