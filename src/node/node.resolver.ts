import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../common/global-id';
import { loadNode } from './node.loader';
import { BadInputError } from '../errors/errors';
import type { Context } from '../server/context';
import { Node } from './node.interface';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id, e.g. Region:530103.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<unknown> {
    const { type, key } = fromGlobalId(id);
    return loadNode(ctx, type, key);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id (at most 100), null where an id resolves to nothing.' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<unknown[]> {
    if (ids.length > MAX_NODES) throw new BadInputError(`at most ${MAX_NODES} ids at once`, 'ids');
    return Promise.all(ids.map((id) => {
      const { type, key } = fromGlobalId(id);
      return loadNode(ctx, type, key);
    }));
  }
}
