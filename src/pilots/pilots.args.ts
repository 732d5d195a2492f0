import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SlugArgs } from '../core/args';
import { Between } from '../core/validation';

export const MAX_MATCHES = 50;

@ArgsType()
export class PilotArgs {
  @Field(() => ID, { description: 'Global id (Practice:…) or key of the practice.' })
  practiceId!: string;

  @Between(1, MAX_MATCHES)
  @Field(() => Int, { defaultValue: 10 })
  first!: number;
}

@ArgsType()
export class CandidateArgs extends SlugArgs {
  @Between(1, MAX_MATCHES)
  @Field(() => Int, { defaultValue: 10 })
  first!: number;
}
