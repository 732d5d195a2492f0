import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InMemoryLRUCache, PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Driver } from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT } from '../core/config';
import { openSession } from '../core/db/executor-observer';
import { countCacheLookups, createMetrics } from './metrics';

/** What the registry of createMetrics holds, the cache wrapper, and the dashboard over them. */

const TOKEN = 'a-metrics-token-0123456789';

describe('countCacheLookups', () => {
  it('counts get() hits and misses, and passes everything through', async () => {
    const counts = { hit: 0, miss: 0 };
    const inner = new InMemoryLRUCache<string>();
    const cache = countCacheLookups(inner, (result) => (counts[result] += 1));
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', 'v', { ttl: 60 });
    expect(await cache.get('k')).toBe('v');
    expect(await inner.get('k')).toBe('v');
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    expect(counts).toEqual({ hit: 1, miss: 2 });
  });

  it('keeps a cache that needs no key prefix free of one', () => {
    const unprefixed = PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(
      new InMemoryLRUCache<string>(),
    );
    const counted = countCacheLookups(unprefixed, () => {});
    expect(PrefixingKeyValueCache.prefixesAreUnnecessaryForIsolation(counted)).toBe(true);
    const plain = countCacheLookups(new InMemoryLRUCache<string>(), () => {});
    expect(PrefixingKeyValueCache.prefixesAreUnnecessaryForIsolation(plain)).toBe(false);
  });
});

/** The value of `name{labels}` in a scrape, or undefined. */
function valueOf(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('createMetrics', () => {
  const stats = { inFlight: 3, queued: 2, shed: 5 };
  const resilience = {
    breaker: { isOpen: true },
    admission: { stats },
  } as never;

  it('does nothing unless METRICS_PORT or METRICS_TOKEN asks for metrics', async () => {
    const metrics = createMetrics(loadConfig({}), resilience);
    expect(metrics.enabled).toBe(false);
    const cache = new InMemoryLRUCache<string>();
    expect(metrics.countingCache(cache)).toBe(cache);
    expect(await metrics.listen()).toBeUndefined();
    expect((await metrics.registry.metrics()).trim()).toBe('');
  });

  it('reads the breaker, admission and the pool when scraped, and counts Bolt work', async () => {
    const metrics = createMetrics(
      loadConfig({ METRICS_TOKEN: TOKEN, NEO4J_MAX_POOL_SIZE: '42' }),
      resilience,
    );
    const driver = {
      session: () => ({
        executeRead: async () => 'rows',
        executeWrite: async () => Promise.reject(new Error('lost')),
        close: async () => {},
      }),
    } as unknown as Driver;
    const held = openSession(driver, {});
    const session = openSession(driver, {});
    await session.executeRead(async () => 'rows');
    await expect(session.executeWrite(async () => 1)).rejects.toThrow('lost');
    await session.close();
    await session.close();
    let text = await metrics.registry.metrics();
    expect(valueOf(text, 'zhili_breaker_open')).toBe(1);
    expect(valueOf(text, 'zhili_admission_in_flight')).toBe(3);
    expect(valueOf(text, 'zhili_admission_queued')).toBe(2);
    expect(valueOf(text, 'zhili_admission_shed_total')).toBe(5);
    expect(valueOf(text, 'zhili_neo4j_pool_max')).toBe(42);
    expect(valueOf(text, 'zhili_neo4j_sessions_open')).toBe(1);
    expect(valueOf(text, 'zhili_bolt_transactions_total', 'mode="READ",outcome="ok"')).toBe(1);
    expect(valueOf(text, 'zhili_bolt_transactions_total', 'mode="WRITE",outcome="error"')).toBe(1);
    expect(valueOf(text, 'zhili_bolt_transactions_total', 'mode="WRITE",outcome="ok"')).toBe(0);
    expect(valueOf(text, 'zhili_process_cpu_seconds_total')).toBeGreaterThanOrEqual(0);
    stats.shed = 8;
    await metrics.stop();
    await held.close();
    text = await metrics.registry.metrics();
    expect(valueOf(text, 'zhili_admission_shed_total')).toBe(8);
    // Stopped: no longer told of sessions.
    expect(valueOf(text, 'zhili_neo4j_sessions_open')).toBe(1);
  });
});

describe('the Grafana dashboard (deploy/grafana/zhili-dashboard.json)', () => {
  const file = path.join(PROJECT_ROOT, 'deploy', 'grafana', 'zhili-dashboard.json');
  const dashboard = JSON.parse(readFileSync(file, 'utf8'));

  it('asks for its Prometheus data source on import, and every panel uses it', () => {
    expect(dashboard.__inputs).toEqual([
      expect.objectContaining({
        name: 'DS_PROMETHEUS',
        type: 'datasource',
        pluginId: 'prometheus',
      }),
    ]);
    for (const panel of dashboard.panels.filter((p: any) => p.type !== 'row'))
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${DS_PROMETHEUS}' });
  });

  it('graphs only metrics the registry has', async () => {
    const metrics = createMetrics(loadConfig({ METRICS_TOKEN: TOKEN }), {
      breaker: { isOpen: false },
      admission: { stats: { inFlight: 0, queued: 0, shed: 0 } },
    } as never);
    const exported = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    await metrics.stop();
    const used = dashboard.panels.flatMap((p: any) =>
      (p.targets ?? []).flatMap((t: any) => t.expr.match(/zhili_\w+/g) ?? []),
    );
    const base = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    expect(used.length).toBeGreaterThan(10);
    expect(used.map(base).filter((n: string) => !exported.includes(n))).toEqual([]);
  });
});
