import neo4j from 'neo4j-driver';
import { CircuitBreaker } from './breaker';
import { Executor } from './executor';

/**
 * Which failures open the breaker, against a real driver and a port where nothing listens: a read
 * that cannot reach the database opens it; a write alone does not (on a cluster it fails alone
 * while a leader is elected, and reads go on).
 */
describe('the executor and the circuit breaker', () => {
  const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), {
    maxTransactionRetryTime: 0,
    connectionTimeout: 500,
  });
  afterAll(() => driver.close());

  const guarded = () => {
    const breaker = new CircuitBreaker(async () => Promise.reject(new Error('down')), {
      probeIntervalMs: 60_000,
      probeTimeoutMs: 1_000,
    });
    const executor = new Executor(driver, { database: 'neo4j', timeoutMs: 1_000, app: 't' });
    return { breaker, executor: executor.guardedBy(breaker) };
  };

  it('opens on a read that cannot reach Neo4j', async () => {
    const { breaker, executor } = guarded();
    await expect(executor.read({ cypher: 'RETURN 1' })).rejects.toMatchObject({
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(breaker.isOpen).toBe(true);
    breaker.stop();
  });

  it('stays closed on a write that cannot reach Neo4j', async () => {
    const { breaker, executor } = guarded();
    await expect(executor.write({ cypher: 'CREATE (:X)' })).rejects.toBeDefined();
    expect(breaker.isOpen).toBe(false);
    breaker.stop();
  });
});
