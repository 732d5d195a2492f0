import { type AuthUser, type Context, LoaderScope } from '../core/context';
import type { Executor } from '../core/db/executor';
import { nodeDispatch } from '../core/entity';
import type { Logger } from '../core/logger';
import { ENTITIES } from '../modules';

const nodesIn = nodeDispatch(ENTITIES);

/**
 * A request's context: its own executor (own round-trip count), loaders made on first use, `node`
 * dispatch.
 */
export function createContext(
  executor: Executor,
  requestId: string,
  log: Logger,
  user: AuthUser | null = null,
  clientAddress = 'unknown',
  after: readonly string[] = [],
): Context {
  const tagged = executor.scoped(requestId);
  const scoped = after.length > 0 ? tagged.after(after) : tagged;
  const loaders = new LoaderScope(scoped);
  return {
    requestId,
    executor: scoped,
    log,
    loaders,
    nodes: nodesIn(loaders),
    user,
    clientAddress,
  };
}
