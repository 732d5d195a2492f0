import { ConfigError, loadConfig, LOCAL_DEFAULT_PASSWORD } from './config';

describe('loadConfig', () => {
  it('gives documented defaults, with the local Neo4j when NEO4J_URI is unset', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 4000 });
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.password).toBe(LOCAL_DEFAULT_PASSWORD);
    expect(config.localNeo4j.port).toBe(7687);
    expect(config.localNeo4j.dataDir).toMatch(/\.neo4j[\\/]dev$/);
    expect(config.seedOnStart).toBe(true);
  });

  it('accepts every URI scheme of an existing server or cluster', () => {
    for (const uri of [
      'bolt://db:7687',
      'neo4j://cluster:7687',
      'neo4j+s://abc.databases.neo4j.io',
      'bolt+s://db:7687',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' }).neo4j.uri).toBe(uri);
    }
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        NEO4J_URI: 'http://db',
        LOCAL_NEO4J_HEAP: 'lots',
        NEO4J_QUERY_TIMEOUT_MS: '-5',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'NEO4J_URI',
      'LOCAL_NEO4J_HEAP',
      'NEO4J_QUERY_TIMEOUT_MS',
      'NEO4J_PASSWORD',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('requires a password for an existing server rather than guessing one', () => {
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://db:7687' })).toThrow(
      /NEO4J_PASSWORD is required/,
    );
  });
});
