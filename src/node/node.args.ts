import { ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

export const MAX_NODES = 100;

@ArgsType()
export class NodeIdsArgs {
  @ArrayMaxSize(MAX_NODES, { message: `at most ${MAX_NODES} ids at once` })
  @Field(() => [ID])
  ids!: string[];
}
