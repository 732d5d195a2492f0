import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.loader';
import { Citation } from '../citation/citation.type';
import type { Context } from '../core/context';
import { regionByCode } from '../region/region.loader';
import { Region } from '../region/region.type';
import { Organization, Person, Position } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Where it is.' })
  region(@Root() o: Organization, @Ctx() ctx: Context): Promise<Region | null> {
    return o.regionCode ? regionByCode(ctx).load(o.regionCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that name it.' })
  citations(@Root() o: Organization, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, o.citationIds, o.id);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Citation], { description: 'Quotes that name them.' })
  citations(@Root() p: Person, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds, p.id);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Region, { nullable: true, description: 'Where.' })
  region(@Root() p: Position, @Ctx() ctx: Context): Promise<Region | null> {
    return p.regionCode ? regionByCode(ctx).load(p.regionCode) : Promise.resolve(null);
  }
}
