import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { APP_NAME, APP_VERSION } from '../core/version';
import { dbmsComponentsQuery } from './about.repository';
import { About } from './about.type';

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About, { description: 'Service name and version, and the Neo4j behind it.' })
  async about(@Ctx() ctx: Context): Promise<About> {
    const [row] = await ctx.executor.read(dbmsComponentsQuery(), 'about');
    return {
      name: APP_NAME,
      version: APP_VERSION,
      database: { edition: row?.edition ?? 'unknown', version: row?.version ?? 'unknown' },
    };
  }
}
