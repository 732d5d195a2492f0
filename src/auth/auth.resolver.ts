import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { Caller } from './auth.type';

/**
 * Apollo's cache-control plugin adds `cacheControl` to info; typed here rather than through its
 * types package.
 */
type WithCacheControl = GraphQLResolveInfo & {
  cacheControl?: { setCacheHint(hint: { maxAge: number }): void };
};

@Resolver(() => Caller)
export class AuthResolver {
  @Query(() => Caller, {
    nullable: true,
    description:
      'Who the bearer token belongs to; null without one. Never cached: the answer depends on ' +
      'the caller.',
  })
  me(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Caller | null {
    // The anonymous answer (null) must not be stored and later served to a caller with a key.
    (info as WithCacheControl).cacheControl?.setCacheHint({ maxAge: 0 });
    return ctx.user ? { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role } : null;
  }
}
