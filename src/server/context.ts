import type { Executor } from '../db/executor';
import { createLoaders, type Loaders } from './loaders';

/** Per-request context: a request-scoped executor (own round-trip count) and fresh loaders. */
export interface Context {
  readonly executor: Executor;
  readonly loaders: Loaders;
  readonly requestId: string;
}

export function createContext(executor: Executor, requestId: string): Context {
  const scoped = executor.scoped(requestId);
  return { executor: scoped, loaders: createLoaders(scoped), requestId };
}
