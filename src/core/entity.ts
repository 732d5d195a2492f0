import type DataLoader from 'dataloader';
import { z } from 'zod';
import { type LoaderFactory, type LoaderScope, type NodeLookup, perRequest } from './context';
import type { CypherQuery, DecodedQuery } from './db/executor';
import { BadInputError } from './errors';
import { keyedLoader } from './loader';

/**
 * Everything the code needs to know about one node type, in one place. From it come the by-key
 * loader, `node`/`nodes` dispatch, the uniqueness constraint and the seed's reload keys.
 */
export interface Entity<T extends object = object> {
  /** Neo4j label; for a `node` entity also its GraphQL type and global-id prefix. */
  readonly label: string;
  /** The property that identifies a node, unique by constraint. */
  readonly key: string;
  /** True when `node(id:)` resolves it (its GraphQL type implements Node). */
  readonly node: boolean;
  /** Cypher map projection of the node bound to `v`: what `decode` reads (see Projection). */
  readonly projection: Projection;
  readonly decode: z.ZodType<T>;
  /** Further properties to index, beyond the key. */
  readonly indexes?: readonly string[];
}

/** `v {.a, .b, extra: expr}`: a map projection of properties plus computed entries. */
export function mapProjection(
  v: string,
  props: readonly string[],
  computed: Readonly<Record<string, string>> = {},
): string {
  const parts = [
    ...props.map((p) => `.${p}`),
    ...Object.entries(computed).map(([k, expr]) => `${k}: ${expr}`),
  ];
  return `${v} {${parts.join(', ')}}`;
}

/**
 * The map projection of a node bound to `v`. Given the GraphQL fields selected on it, entries no
 * selected field needs (long texts, quote ids …) are left out: the record still decodes (they
 * are optional) and only this answer, which does not read them, sees it.
 */
export type Projection = (v: string, selected?: ReadonlySet<string>) => string;

/** An entry a selection may leave out: read only when one of `fields` is selected. */
export interface Lazy {
  readonly fields: readonly string[];
}

/** Entries read only when the field of the same name is selected. */
export const lazyByName = (names: readonly string[]): Record<string, Lazy> =>
  Object.fromEntries(names.map((n) => [n, { fields: [n] }]));

/**
 * A projection built once per variable and set of left-out entries (queries are built per request).
 */
export function projector(
  props: readonly string[],
  computed: (v: string) => Readonly<Record<string, string>> = () => ({}),
  lazy: Readonly<Record<string, Lazy>> = {},
): Projection {
  const made = new Map<string, string>();
  const lazyNames = Object.keys(lazy);
  return (v, selected) => {
    const skipped = selected
      ? lazyNames.filter((name) => !lazy[name]!.fields.some((f) => selected.has(f)))
      : [];
    const memo = `${v}|${skipped.join(',')}`;
    let projection = made.get(memo);
    if (projection === undefined) {
      const kept = (name: string) => !skipped.includes(name);
      const parts = [
        ...props.filter(kept).map((p) => `.${p}`),
        ...Object.entries(computed(v))
          .filter(([k]) => kept(k))
          .map(([k, expr]) => `${k}: ${expr}`),
      ];
      made.set(memo, (projection = `${v} {${parts.join(', ')}}`));
    }
    return projection;
  };
}

/** Ids of the quotes that cite node `v`. */
export const citedBy = (v: string) => `[(${v})-[:CITED_BY]->(x_cit:Citation) | x_cit.id]`;

/**
 * Memoises per entity what is built from it: zod compiles a schema on its first parse, so a row
 * schema made per query would be compiled per request.
 */
function perEntity(
  make: (entity: Entity) => z.ZodType<unknown>,
): (entity: Entity) => z.ZodType<unknown> {
  const made = new WeakMap<Entity, z.ZodType<unknown>>();
  return (entity) => {
    let value = made.get(entity);
    if (value === undefined) made.set(entity, (value = make(entity)));
    return value;
  };
}

const keyedRow = perEntity((e) => z.object({ key: z.string(), n: e.decode }));
const nodeRow = perEntity((e) => z.object({ n: e.decode }));

export function byKeysQuery<T extends object>(
  entity: Entity<T>,
  keys: readonly string[],
): DecodedQuery<{ key: string; n: T }> {
  return {
    cypher: `UNWIND $keys AS key MATCH (n:${entity.label} {${entity.key}: key}) RETURN key, ${entity.projection('n')} AS n`,
    params: { keys },
    // Built from this very entity, so its rows hold this entity's T.
    row: keyedRow(entity) as z.ZodType<{ key: string; n: T }>,
  };
}

/** Every node of a (short) list-like entity, ordered by `orderBy` over the projected `n`. */
export function allOfQuery<T extends object>(
  entity: Entity<T>,
  orderBy: string,
): DecodedQuery<{ n: T }> {
  return {
    cypher: `MATCH (n:${entity.label}) RETURN ${entity.projection('n')} AS n ORDER BY ${orderBy}`,
    row: nodeRow(entity) as z.ZodType<{ n: T }>,
  };
}

const factories = new WeakMap<Entity, LoaderFactory<unknown>>();

type EntityLoader<T> = DataLoader<string, T | null, unknown>;

/** The by-key loader factory of an entity: one per entity, so a request shares its loader. */
function loaderFactory<T extends object>(entity: Entity<T>): LoaderFactory<EntityLoader<T>> {
  let factory = factories.get(entity);
  if (!factory) {
    factory = (executor) =>
      keyedLoader<string, T>(async (keys) =>
        (await executor.read(byKeysQuery(entity, keys), `by-key:${entity.label}`)).map(
          (r) => [r.key, r.n] as const,
        ),
      );
    factories.set(entity, factory);
  }
  // Made above for this very entity, so it loads this entity's T.
  return factory as LoaderFactory<EntityLoader<T>>;
}

/** The request's loader of `entity` by key: `byKey(RegionEntity)(ctx).load('530103')`. */
export const byKey = <T extends object>(entity: Entity<T>) => perRequest(loaderFactory(entity));

/**
 * `node(id:)` dispatch over the registered entities: built once, then bound to each request's
 * loaders.
 */
export function nodeDispatch(entities: readonly Entity[]): (scope: LoaderScope) => NodeLookup {
  const byType = new Map(entities.filter((e) => e.node).map((e) => [e.label, e]));
  const known = [...byType.keys()].join(', ');
  return (scope) => ({
    load(type, key) {
      const entity = byType.get(type);
      if (!entity)
        throw new BadInputError(`"${type}" is not a type of node (one of ${known})`, 'id');
      return scope.get(loaderFactory(entity)).load(key);
    },
  });
}

/** Uniqueness constraints (which also index the keys), idempotent: needed before any write. */
export const constraintStatements = (entities: readonly Entity[]): CypherQuery[] =>
  entities.map((e) => ({
    cypher: `CREATE CONSTRAINT ${e.label.toLowerCase()}_${e.key}_unique IF NOT EXISTS FOR (n:${e.label}) REQUIRE n.${e.key} IS UNIQUE`,
  }));

/** Property indexes, idempotent: a bulk load may create them after its writes, which is faster. */
export const indexStatements = (entities: readonly Entity[]): CypherQuery[] =>
  entities.flatMap((e) =>
    (e.indexes ?? []).map((p) => ({
      cypher: `CREATE INDEX ${e.label.toLowerCase()}_${p} IF NOT EXISTS FOR (n:${e.label}) ON (n.${p})`,
    })),
  );
