import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../logger';
import { type SharedRedis, withinCommandTimeout } from '../redis';
import type { Executor } from './executor';
import { onRevisionNoted, revisionClock } from './revision';

/** The Redis channel on which API processes tell each other of the writes they committed. */
export const REVISION_CHANNEL = 'zhili:revision';

/** One message: the revision a write moved the graph to, and the write's bookmarks. */
const MESSAGE = z.object({
  from: z.string(),
  revision: z.number().int().nonnegative(),
  bookmarks: z.array(z.string()).max(64),
});
type Message = z.infer<typeof MESSAGE>;

/** What a process's revision clock does with another process's message (pure of Redis). */
export async function receiveRevision(executor: Executor, message: Message): Promise<void> {
  // Bookmarks first: once the clock says the new revision, every read of this process must see
  // the write, or it would cache the old answer under the new revision.
  await executor.learnBookmarks(message.bookmarks);
  revisionClock(executor).raise(message.revision);
}

/**
 * Shares the graph's revision through Redis pub/sub: a write committed here is announced at once,
 * and one announced by another process moves this process's clock without waiting for its next
 * read of the revision (REVISION_TTL_MS). A lost message costs nothing but that wait: the clock
 * still reads the revision from the graph, which stays the one counter. Answers the unsubscribe.
 */
export async function broadcastRevisions(
  executor: Executor,
  redis: SharedRedis,
  log: Logger,
): Promise<() => Promise<void>> {
  const self = randomUUID();
  const onMessage = (text: string) => {
    let message: Message;
    try {
      message = MESSAGE.parse(JSON.parse(text));
    } catch (err) {
      log.warn({ err }, `Ignored a message on ${REVISION_CHANNEL} that is not a revision`);
      return;
    }
    if (message.from === self) return;
    receiveRevision(executor, message).catch((err: unknown) =>
      log.warn({ err }, 'Could not apply a revision broadcast'),
    );
  };
  // A Redis down at start-up is subscribed to when it comes back (the client resubscribes by
  // itself only to channels it had).
  let subscribed = false;
  const subscribe = () =>
    withinCommandTimeout(redis.subscriber.subscribe(REVISION_CHANNEL, onMessage)).then(
      () => void (subscribed = true),
      (err: unknown) =>
        log.warn({ err }, 'Could not subscribe to revision broadcasts: changes seen by polling'),
    );
  const onReady = () => void (subscribed || subscribe());
  redis.subscriber.on('ready', onReady);
  if (redis.subscriber.isReady) await subscribe();
  const stopNoting = onRevisionNoted(executor, (revision, bookmarks) => {
    const message: Message = { from: self, revision, bookmarks: [...bookmarks] };
    withinCommandTimeout(redis.client.publish(REVISION_CHANNEL, JSON.stringify(message))).catch(
      (err: unknown) => log.warn({ err }, 'Could not broadcast a revision: others poll for it'),
    );
  });
  return async () => {
    stopNoting();
    redis.subscriber.off('ready', onReady);
    await redis.subscriber.unsubscribe(REVISION_CHANNEL).catch(() => {});
  };
}
