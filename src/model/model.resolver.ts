import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.loader';
import { Citation } from '../citation/citation.type';
import { PageArgs, SlugArgs } from '../core/args';
import type { Context } from '../core/context';
import { loadOne } from '../core/loader';
import { type Connection, toConnection, toPage } from '../core/pagination';
import { prefetchedOr } from '../core/plan';
import { prefetchOne } from '../core/prefetch';
import { asksFor } from '../core/selection';
import { observationConnection, observationPageKey } from '../observation/observation.loader';
import {
  type Observation,
  ObservationConnection,
  ObservationOrder,
} from '../observation/observation.type';
import { practiceByKey, practiceConnection, practicePageKey } from '../practice/practice.loader';
import {
  Practice,
  PracticeConnection,
  PracticeFilter,
  PracticeOrder,
} from '../practice/practice.type';
import { Principle } from '../principle/principle.type';
import { regionByCode } from '../region/region.loader';
import { ModelFilter } from './model.args';
import { loadAdoptions, loadPrinciples, modelLoaders } from './model.loader';
import { ModelPlan } from './model.plan';
import { modelListQuery } from './model.repository';
import {
  Adoption,
  GovernanceModel,
  GovernanceModelConnection,
  LineageLink,
  ModelComponent,
  ModelOrigin,
} from './model.type';

@Resolver(() => GovernanceModel)
export class ModelResolver {
  @Query(() => GovernanceModel, {
    nullable: true,
    description: 'A model by slug, e.g. fengqiao-experience.',
  })
  async model(
    @Args() { slug }: SlugArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GovernanceModel | null> {
    // The model and what is asked below it, in one statement.
    return prefetchOne(
      ctx,
      ModelPlan,
      info,
      (x, s) => `MATCH (${x}:GovernanceModel {slug: ${s.param(slug)}})`,
      'model',
    );
  }

  @Query(() => GovernanceModelConnection, {
    description: 'Models by kind and principle, ordered by slug.',
  })
  async models(
    @Arg('filter', () => ModelFilter, { nullable: true }) filter: ModelFilter | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<GovernanceModel>> {
    const page = toPage(first, after);
    const [row] = await ctx.executor.read(
      modelListQuery({ ...filter }, page.skip, page.limit),
      'models',
    );
    return toConnection(row?.items ?? [], page, row?.total ?? 0);
  }

  @FieldResolver(() => [Principle], {
    description: 'Its components, in the order its source lists them.',
  })
  principles(
    @Root() m: GovernanceModel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Principle[]> {
    return prefetchedOr(m, info, () => loadPrinciples(ctx, m.slug));
  }

  @FieldResolver(() => [ModelComponent], {
    description: 'Its components with order, notes and the quotes that list them.',
  })
  components(
    @Root() m: GovernanceModel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ModelComponent[]> {
    return prefetchedOr(m, info, () => modelLoaders(ctx).components.load(m.slug));
  }

  @FieldResolver(() => ModelOrigin, {
    nullable: true,
    description: 'Where and when it began, if known.',
  })
  async origin(@Root() m: GovernanceModel, @Ctx() ctx: Context): Promise<ModelOrigin | null> {
    const o = await modelLoaders(ctx).origin.load(m.slug);
    if (!o) return null;
    const region = o.regionCode
      ? await loadOne(regionByCode(ctx), o.regionCode, 'Region', `the origin of ${m.slug}`)
      : null;
    return { region, year: o.year, provenance: o.provenance };
  }

  @FieldResolver(() => [LineageLink], { description: 'Models it derives from.' })
  parents(@Root() m: GovernanceModel, @Ctx() ctx: Context): Promise<LineageLink[]> {
    return modelLoaders(ctx).parents.load(m.slug);
  }

  @FieldResolver(() => [LineageLink], { description: 'Models derived from it.' })
  children(@Root() m: GovernanceModel, @Ctx() ctx: Context): Promise<LineageLink[]> {
    return modelLoaders(ctx).children.load(m.slug);
  }

  @FieldResolver(() => [Adoption], {
    description:
      'Where it has been adopted, as a diffusion timeline: dated adoptions first, by start date.',
  })
  adopters(@Root() m: GovernanceModel, @Ctx() ctx: Context): Promise<Adoption[]> {
    return loadAdoptions(ctx, m.slug);
  }

  @FieldResolver(() => PracticeConnection, { description: 'Practices implementing it.' })
  practices(
    @Root() m: GovernanceModel,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PracticeFilter, {
      nullable: true,
      description: 'Further criteria; its model field is ignored.',
    })
    filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    return practiceConnection(
      ctx,
      practicePageKey(
        { ...filter, model: m.slug },
        orderBy,
        first,
        after,
        asksFor(info, 'totalCount'),
      ),
    );
  }

  @FieldResolver(() => ObservationConnection, {
    description: 'Figures reported about its practices.',
  })
  observations(
    @Root() m: GovernanceModel,
    @Args() { first, after }: PageArgs,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Observation>> {
    return observationConnection(
      ctx,
      observationPageKey({ model: m.slug }, orderBy, first, after, asksFor(info, 'totalCount')),
    );
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that name or describe it.' })
  citations(
    @Root() m: GovernanceModel,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citation[]> {
    return prefetchedOr(m, info, () => loadCitations(ctx, m.provenance.citationIds, m.id));
  }
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  @FieldResolver(() => Practice, { description: 'The practice that adopted it.' })
  practice(@Root() a: Adoption, @Ctx() ctx: Context): Promise<Practice> {
    return loadOne(practiceByKey(ctx), a.practiceKey, 'Practice', 'an adoption');
  }
}
