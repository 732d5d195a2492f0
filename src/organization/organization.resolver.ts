import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.resolver';
import { Citation } from '../citation/citation.type';
import { Region } from '../region/region.type';
import type { Context } from '../server/context';
import { Organization, Person, Position } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Where it is.' })
  region(@Root() o: Organization, @Ctx() ctx: Context): Promise<Region | null> {
    return o.regionCode ? ctx.loaders.region.load(o.regionCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that name it.' })
  citations(@Root() o: Organization, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, o.citationIds);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Citation], { description: 'Quotes that name them.' })
  citations(@Root() p: Person, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() p: Position, @Ctx() ctx: Context): Promise<Region | null> {
    return p.regionCode ? ctx.loaders.region.load(p.regionCode) : Promise.resolve(null);
  }
}
