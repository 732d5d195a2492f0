import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { Caller } from './auth.type';

@Resolver(() => Caller)
export class AuthResolver {
  @Query(() => Caller, {
    nullable: true,
    description:
      'Who the bearer token belongs to; null without one. Never cached: the answer depends on ' +
      'the caller.',
  })
  me(@Ctx() ctx: Context): Caller | null {
    // The anonymous answer (null) is never stored: `me` is a caller field (cache-policy.plugin).
    return ctx.user ? { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role } : null;
  }
}
