import type { Executor } from '../db/executor';

/** Per-request context: a request-scoped executor (own round-trip count) and, later, loaders. */
export interface Context {
  readonly executor: Executor;
  readonly requestId: string;
}

export function createContext(executor: Executor, requestId: string): Context {
  return { executor: executor.scoped(requestId), requestId };
}
