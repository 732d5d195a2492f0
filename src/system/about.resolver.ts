import { Ctx, Query, Resolver } from 'type-graphql';
import { APP_NAME, APP_VERSION } from '../config/version';
import type { Context } from '../server/context';
import { About } from './about.type';
import { findDatabaseInfo } from './about.repository';

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About, { description: 'Service name and version, and the Neo4j behind it.' })
  async about(@Ctx() ctx: Context): Promise<About> {
    return { name: APP_NAME, version: APP_VERSION, database: await findDatabaseInfo(ctx.executor) };
  }
}
