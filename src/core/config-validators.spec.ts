import { ConfigError, loadConfig } from './config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('configuration checked before anything starts', () => {
  it('names every bad value at once: heap sizes, negative or fractional durations, a port clash', () => {
    const problems = problemsOf({
      LOCAL_NEO4J_HEAP: '64m',
      RESPONSE_CACHE_SECONDS: '-1',
      NEO4J_MAX_RETRY_MS: '-5',
      QUEUE_TIMEOUT_MS: '1.5',
      MAX_CONCURRENT_REQUESTS: '0',
      NEO4J_PROBE_INTERVAL_MS: 'soon',
      PORT: '7687',
    }).join('\n');
    for (const name of [
      'LOCAL_NEO4J_HEAP',
      'RESPONSE_CACHE_SECONDS',
      'NEO4J_MAX_RETRY_MS',
      'QUEUE_TIMEOUT_MS',
      'MAX_CONCURRENT_REQUESTS',
      'NEO4J_PROBE_INTERVAL_MS',
      'PORT and LOCAL_NEO4J_PORT',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('refuses a heap that is not a JVM size, or one larger than the machine', () => {
    for (const heap of ['lots', '2', '0g', '1m', '100000g'])
      expect(problemsOf({ LOCAL_NEO4J_HEAP: heap }).join()).toContain('LOCAL_NEO4J_HEAP');
    expect(loadConfig({ LOCAL_NEO4J_HEAP: '512M' }).localNeo4j.heap).toBe('512m');
  });

  it('accepts 0 where 0 means off, and gives admission defaults', () => {
    const config = loadConfig({
      RESPONSE_CACHE_SECONDS: '0',
      NEO4J_MAX_RETRY_MS: '0',
      MAX_QUEUED_REQUESTS: '0',
    });
    expect(config.http.cacheSeconds).toBe(0);
    expect(config.neo4j.maxRetryMs).toBe(0);
    expect(config.admission).toEqual({
      maxConcurrent: 16,
      maxQueued: 0,
      queueTimeoutMs: 50,
      latencyTargetMs: 250,
    });
    expect(config.neo4j).toMatchObject({ maxPoolSize: 50, probeIntervalMs: 1000 });
  });

  it('does not hold the local Neo4j to the port and memory checks when NEO4J_URI names a server', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x', PORT: '7687' })).toEqual(
      [],
    );
  });
});
