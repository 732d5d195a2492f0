import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));

/**
 * No Docker engine runs on our machines: validate the file itself, and with Compose where present.
 */
describe('docker-compose.yml', () => {
  it('is valid for docker compose, where the plugin exists', () => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (probe.status !== 0) return; // no compose plugin here: the structural checks below still run
    const check = spawnSync(
      'docker',
      ['compose', '-f', path.join(root, 'docker-compose.yml'), 'config', '-q'],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('runs Neo4j 5.26 Community with a volume, a healthcheck and Bolt published', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.volumes.some((v: string) => v.endsWith(':/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain(neo4j.volumes[0].split(':')[0]);
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.ports.some((p: string) => p.endsWith(':7687'))).toBe(true);
  });

  it('builds the API from the Dockerfile and starts it once Neo4j is healthy', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.ports).toContain('4000:4000');
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
  });
});
