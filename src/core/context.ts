import type { Logger } from 'pino';
import type { Executor } from './db/executor';

/** Makes a module's loaders for one request, over that request's executor. */
export type LoaderFactory<T> = (executor: Executor) => T;

/**
 * A request's loaders, each made on first use. Keyed by factory, so modules add loaders without
 * a central list, and a request pays only for the loaders it touches (DataLoader README: one set
 * per request, never shared).
 */
export class LoaderScope {
  private readonly made = new Map<LoaderFactory<unknown>, unknown>();

  constructor(private readonly executor: Executor) {}

  get<T>(factory: LoaderFactory<T>): T {
    let loaders = this.made.get(factory);
    if (loaders === undefined) {
      loaders = factory(this.executor);
      this.made.set(factory, loaders);
    }
    // Stored under its own factory, so the value is that factory's T.
    return loaders as T;
  }
}

/** Finds any node by GraphQL type and key; null when there is none. */
export interface NodeLookup {
  load(type: string, key: string): Promise<object | null>;
}

/**
 * Roles, each allowed what the ones before it are: an editor drafts, a reviewer publishes, an admin
 * manages keys.
 */
export const ROLES = ['EDITOR', 'REVIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who sent the request, from a valid bearer token; null for an anonymous (public) read. */
export interface AuthUser {
  /** The API key's id (never its secret). */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** Whether `user` may act in `role` (roles are ordered: each includes the ones before it). */
export const hasRole = (user: AuthUser | null, role: Role): boolean =>
  user !== null && ROLES.indexOf(user.role) >= ROLES.indexOf(role);

/** What every resolver receives: built per request by the server. */
export interface Context {
  readonly requestId: string;
  /** The request's executor: its round trips are the request's. */
  readonly executor: Executor;
  /** The service's logger: give each line `reqId: requestId`. */
  readonly log: Logger;
  readonly loaders: LoaderScope;
  readonly nodes: NodeLookup;
  /** The authenticated caller, or null. */
  readonly user: AuthUser | null;
  /** The client's address, for per-address limits. */
  readonly clientAddress: string;
}

/** A module's per-request loaders, reached as `xLoaders(ctx).something.load(key)`. */
export function perRequest<T>(factory: LoaderFactory<T>): (ctx: Pick<Context, 'loaders'>) => T {
  return (ctx) => ctx.loaders.get(factory);
}
