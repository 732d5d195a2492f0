import { Field, Float, ObjectType } from 'type-graphql';
import { Practice } from '../practice/practice.type';
import { Region } from '../region/region.type';

@ObjectType({ description: 'A practice like the one asked about, with the reasons it scored.' })
export class PilotMatch {
  @Field(() => Practice, { description: 'The matching practice.' })
  practice!: Practice;

  @Field(() => Float, {
    description: 'Sum of the points in `reasons` (see README, "How matches are scored").',
  })
  score!: number;

  @Field(() => [String], { description: 'Each reason with the points it gave.' })
  reasons!: string[];
}

@ObjectType({
  description: 'A county-level unit that has not adopted a model but resembles those that have.',
})
export class RegionMatch {
  @Field(() => Region, { description: 'The candidate county-level unit.' })
  region!: Region;

  @Field(() => Float, {
    description: 'Its best likeness to an adopter (see README, "How matches are scored").',
  })
  score!: number;

  @Field(() => [String], {
    description: 'Each reason with the points it gave, naming the adopter it resembles.',
  })
  reasons!: string[];
}
