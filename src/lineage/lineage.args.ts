import { ArgsType, Field, Int } from 'type-graphql';
import { SlugArgs } from '../core/args';
import { Between } from '../core/validation';
import { MAX_LINEAGE_DEPTH } from './lineage.repository';
import { LineageDirection } from './lineage.type';

@ArgsType()
export class LineageArgs extends SlugArgs {
  @Field(() => LineageDirection, { defaultValue: LineageDirection.BOTH })
  direction!: LineageDirection;

  @Between(1, MAX_LINEAGE_DEPTH)
  @Field(() => Int, {
    defaultValue: 3,
    description: `How many derivation steps to follow (1 to ${MAX_LINEAGE_DEPTH}).`,
  })
  maxDepth!: number;
}
