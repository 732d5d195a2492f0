import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { fromGlobalId } from '../core/global-id';
import { Node } from '../core/node.type';
import { NodeIdsArgs } from './node.args';

const load = (ctx: Context, id: string): Promise<object | null> => {
  const { type, key } = fromGlobalId(id);
  return ctx.nodes.load(type, key);
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id, e.g. Region:530103.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return load(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Several objects by global id (at most 100), null where an id resolves to nothing.',
  })
  nodes(@Args() { ids }: NodeIdsArgs, @Ctx() ctx: Context): Promise<Array<object | null>> {
    return Promise.all(ids.map((id) => load(ctx, id)));
  }
}
