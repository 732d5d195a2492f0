import { z } from 'zod';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { AppError, IntegrityError } from '../src/core/errors';
import { RegionEntity } from '../src/region/region.repository';
import { openTestDatabase, testConfig } from './support/harness';

describe('the executor on the real Neo4j', () => {
  const db = openTestDatabase();
  afterAll(() => db.close());

  it('converts integers and temporals to plain values and counts round trips', async () => {
    const exec = db.executor.scoped('convert');
    const rows = await exec.read({
      cypher: 'RETURN $n + 1 AS n, date($d) AS d, [1, 2] AS list',
      params: { n: 41, d: '2020-06-01' },
    });
    expect(rows).toEqual([{ n: 42, d: '2020-06-01', list: [1, 2] }]);
    await exec.read({ cypher: 'RETURN 1 AS one' });
    expect(exec.roundTrips).toBe(2);
  });

  it('maps a transaction timeout to QUERY_TIMEOUT', async () => {
    const slow = new Executor(db.driver, { database: 'neo4j', timeoutMs: 200, app: 'zhili-test' });
    const err = await slow
      .read({
        cypher: 'UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS c',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('QUERY_TIMEOUT');
  });

  it('maps an unreachable database to DATABASE_UNAVAILABLE within the short retry budget', async () => {
    const config = testConfig(undefined, {
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_MAX_RETRY_MS: '500',
    });
    const driver = createDriver(config.neo4j, config.neo4j.uri!);
    const exec = new Executor(driver, { database: 'neo4j', timeoutMs: 1000, app: 'zhili-test' });
    const started = Date.now();
    const err = await exec.read({ cypher: 'RETURN 1' }).catch((e: unknown) => e);
    await driver.close();
    expect((err as AppError).code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rolls back every statement of a failed write', async () => {
    const marker = `executor-test-${Date.now()}`;
    await expect(
      db.executor.writeAll([
        { cypher: 'CREATE (:ExecutorProbe {marker: $marker})', params: { marker } },
        { cypher: 'RETURN 1 / 0 AS boom' },
      ]),
    ).rejects.toBeInstanceOf(AppError);
    const rows = await db.executor.read({
      cypher: 'MATCH (p:ExecutorProbe {marker: $marker}) RETURN count(p) AS n',
      params: { marker },
    });
    expect(rows[0]?.n).toBe(0);
  });
});

describe('decoded reads on the real Neo4j', () => {
  const db = openTestDatabase();
  afterAll(() => db.close());

  it('decodes rows with the query schema, Neo4j integers and lists included', async () => {
    const rows = await db.executor.read({
      cypher: 'RETURN 7 AS n, ["a"] AS xs',
      row: z.object({ n: z.number(), xs: z.array(z.string()) }),
    });
    expect(rows).toEqual([{ n: 7, xs: ['a'] }]);
  });

  it('refuses a row of the wrong shape with INTEGRITY_ERROR, never a half-decoded value', async () => {
    const err = await db.executor
      .read(
        { cypher: 'RETURN {code: 530103} AS n', row: z.object({ n: RegionEntity.decode }) },
        'probe',
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as IntegrityError).code).toBe('INTEGRITY_ERROR');
    expect((err as IntegrityError).message).toContain('probe');
  });
});
