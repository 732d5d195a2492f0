import type { Driver, Session, SessionConfig } from 'neo4j-driver';

export type AccessMode = 'READ' | 'WRITE';
export type TransactionOutcome = 'ok' | 'error';

/**
 * Told of the Bolt work of every executor in this process (the server's metrics listen). The
 * executor knows nothing of who listens, or whether anyone does.
 */
export interface ExecutorObserver {
  /** A transaction ended: it committed (`ok`), or it failed after the retries. */
  transaction(mode: AccessMode, outcome: TransactionOutcome): void;
  /** How many sessions the executors hold open now, after one opened or closed. */
  sessions(open: number): void;
}

const observers = new Set<ExecutorObserver>();
let sessionsOpen = 0;

/** Adds an observer of every executor; returns what removes it. */
export function observeExecutors(observer: ExecutorObserver): () => void {
  observers.add(observer);
  observer.sessions(sessionsOpen);
  return () => {
    observers.delete(observer);
  };
}

function tell(event: (observer: ExecutorObserver) => void): void {
  for (const observer of observers) {
    try {
      event(observer);
    } catch {
      // Counting must never fail the query it counts.
    }
  }
}

/** `work`, a transaction of `mode`, told to the observers when it ends. */
export function observeTransaction<T>(mode: AccessMode, work: Promise<T>): Promise<T> {
  return work.then(
    (value) => {
      tell((o) => o.transaction(mode, 'ok'));
      return value;
    },
    (error: unknown) => {
      tell((o) => o.transaction(mode, 'error'));
      throw error;
    },
  );
}

/**
 * `driver.session(config)` for the executor, its transactions and its close observed. Done on the
 * session rather than at each call site so the executor's paths (reads raced against the breaker,
 * writes keeping bookmarks) stay as they are. Auto-commit reads are told by the executor itself
 * (observeTransaction).
 */
export function openSession(driver: Driver, config: SessionConfig): Session {
  const session = driver.session(config);
  const executeRead = session.executeRead.bind(session);
  const executeWrite = session.executeWrite.bind(session);
  const close = session.close.bind(session);
  session.executeRead = (work, txConfig) => observeTransaction('READ', executeRead(work, txConfig));
  session.executeWrite = (work, txConfig) =>
    observeTransaction('WRITE', executeWrite(work, txConfig));
  let closed = false;
  session.close = async () => {
    try {
      await close();
    } finally {
      if (!closed) {
        closed = true;
        sessionsOpen -= 1;
        tell((o) => o.sessions(sessionsOpen));
      }
    }
  };
  sessionsOpen += 1;
  tell((o) => o.sessions(sessionsOpen));
  return session;
}
