import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import { loadCitations, provenanceOf } from '../citation/citation.resolver';
import { Citation, Provenance } from '../citation/citation.type';
import { checkSlug, PageArgs } from '../common/args';
import { toConnection, toPage, type Connection } from '../common/pagination';
import type { Row } from '../db/executor';
import { ObservationConnection, ObservationOrder, type Observation } from '../observation/observation.type';
import { observationConnection, practiceConnection } from '../practice/practice.connections';
import { toPartialDate } from '../practice/practice.repository';
import { Practice, PracticeConnection, PracticeFilter, PracticeOrder } from '../practice/practice.type';
import type { PracticeStatus } from '../practice/practice.enums';
import { toPrinciple } from '../principle/principle.repository';
import { Principle } from '../principle/principle.type';
import type { Context } from '../server/context';
import { modelListQuery, toModel, type ModelRecord } from './model.repository';
import { Adoption, GovernanceModel, GovernanceModelConnection, LineageLink, ModelComponent, ModelKind, ModelOrigin } from './model.type';

@InputType({ description: 'Which models to list.' })
class ModelFilter {
  @Field(() => ModelKind, { nullable: true, description: 'Only models of this kind.' })
  kind?: ModelKind | null;

  @Field(() => String, { nullable: true, description: 'Only models built on this principle (slug).' })
  principle?: string | null;
}

const toLink = (l: Row): LineageLink =>
  ({ model: toModel(l.model as Row), relation: l.relation, since: (l.since as number) ?? null, note: (l.note as string) ?? null, provenance: provenanceOf(l) }) as unknown as LineageLink;

/** A model's principles in its source's order (shared with compareModels). */
export async function principlesOf(ctx: Context, slug: string): Promise<Principle[]> {
  return (await ctx.loaders.components.load(slug)).map((c) => toPrinciple(c.principle as Row));
}

/** A model's adoptions as a diffusion timeline (shared with compareModels). */
export async function adoptionsOf(ctx: Context, slug: string): Promise<Adoption[]> {
  const rows = await ctx.loaders.adoptions.load(slug);
  const regions = await ctx.loaders.region.loadMany(rows.map((r) => String(r.regionCode)));
  return rows.map((r, i) => ({ region: regions[i], practiceKey: r.practiceKey, status: r.status as PracticeStatus, started: toPartialDate(r.startDate, r.startPrecision) }) as unknown as Adoption);
}

@Resolver(() => GovernanceModel)
export class ModelResolver {
  @Query(() => GovernanceModel, { nullable: true, description: 'A model by slug, e.g. fengqiao-experience.' })
  model(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<ModelRecord | null> {
    return ctx.loaders.model.load(checkSlug(slug));
  }

  @Query(() => GovernanceModelConnection, { description: 'Models by kind and principle, ordered by slug.' })
  async models(@Arg('filter', () => ModelFilter, { nullable: true }) filter: ModelFilter | null, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<ModelRecord>> {
    const page = toPage(first, after);
    const [row] = await ctx.executor.read(modelListQuery({ kind: filter?.kind, principle: filter?.principle ? checkSlug(filter.principle, 'principle') : null }, page.skip, page.limit), 'models');
    return toConnection(((row?.items as Row[]) ?? []).map(toModel), page, Number(row?.total ?? 0));
  }

  @FieldResolver(() => [Principle], { description: 'Its components, in the order its source lists them.' })
  principles(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<Principle[]> {
    return principlesOf(ctx, m.slug);
  }

  @FieldResolver(() => [ModelComponent], { description: 'Its components with order, notes and the quotes that list them.' })
  async components(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<ModelComponent[]> {
    return (await ctx.loaders.components.load(m.slug)).map(
      (c) => ({ principle: toPrinciple(c.principle as Row), order: Number(c.order), note: (c.note as string) ?? null, provenance: provenanceOf(c) }) as unknown as ModelComponent,
    );
  }

  @FieldResolver(() => ModelOrigin, { nullable: true, description: 'Where and when it began, if known.' })
  async origin(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<ModelOrigin | null> {
    const o = await ctx.loaders.origin.load(m.slug);
    if (!o) return null;
    return { region: o.regionCode ? await ctx.loaders.region.load(String(o.regionCode)) : null, year: (o.year as number) ?? null, provenance: provenanceOf(o) } as unknown as ModelOrigin;
  }

  @FieldResolver(() => [LineageLink], { description: 'Models it derives from.' })
  async parents(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<LineageLink[]> {
    return (await ctx.loaders.parents.load(m.slug)).map(toLink);
  }

  @FieldResolver(() => [LineageLink], { description: 'Models derived from it.' })
  async children(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<LineageLink[]> {
    return (await ctx.loaders.children.load(m.slug)).map(toLink);
  }

  @FieldResolver(() => [Adoption], { description: 'Where it has been adopted, as a diffusion timeline: dated adoptions first, by start date.' })
  adopters(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<Adoption[]> {
    return adoptionsOf(ctx, m.slug);
  }

  @FieldResolver(() => PracticeConnection, { description: 'Practices implementing it.' })
  practices(
    @Root() m: ModelRecord,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Further criteria; its model field is ignored.' }) filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, { ...filter, model: m.slug }, orderBy, first, after);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures reported about its practices.' })
  observations(@Root() m: ModelRecord, @Args() { first, after }: PageArgs, @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null, @Ctx() ctx: Context): Promise<Connection<Observation>> {
    return observationConnection(ctx, { model: m.slug }, orderBy, first, after);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that name or describe it.' })
  citations(@Root() m: ModelRecord, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, m.citationIds);
  }

  @FieldResolver(() => Provenance, { description: 'Its provenance: quotes, or the editorial basis for a model no source names.' })
  provenance(@Root() m: ModelRecord): Provenance {
    return provenanceOf(m) as unknown as Provenance;
  }
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  @FieldResolver(() => Practice, { description: 'The practice that adopted it.' })
  async practice(@Root() a: Adoption & { practiceKey: string }, @Ctx() ctx: Context): Promise<Practice> {
    const practice = await ctx.loaders.practice.load(a.practiceKey);
    if (!practice) throw new Error(`adoption points at a missing practice ${a.practiceKey}`);
    return practice;
  }
}
