import { createHash } from 'node:crypto';
import { createClient } from '@redis/client';
import { createApiKey } from '../src/auth/apikey.service';
import { testInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { openTestDatabase, type TestDatabase } from './support/harness';
import { TEST_REDIS_PORT } from './support/redis';

/**
 * Several API processes on one Neo4j (through `neo4j://` routing) and one real Redis, as replicas
 * run behind a load balancer. Replicas started together seed an empty database once; a write
 * through A is in B's next answer (cached on B before); a write's bookmark is honoured by B; the
 * write budget is one for both; ETags agree across them; readiness is 503 from SIGTERM.
 */
const PORT = Number(process.env.TEST_REPLICAS_NEO4J_PORT ?? 7693);
const instance = { ...testInstance('test-replicas', PORT), heap: '768m', pageCacheMb: 128 };
/** A Redis database of this suite's own, emptied first. */
const REDIS_URL = `redis://127.0.0.1:${TEST_REDIS_PORT}/3`;
const WRITE_LIMIT = 60;
/** The bound README states for a change to reach another process through Redis. */
const BROADCAST_BOUND_MS = 250;

interface Answer<T> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
}

async function post<T>(
  p: ApiProcess,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const res = await fetch(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Answer<T>['body'],
  };
}

const codeOf = (a: Answer<unknown>) => a.body.errors?.[0]?.extensions?.code ?? 'OK';
const PRINCIPLE = 'query($s: String!) { principle(slug: $s) { slug name } }';

describe('replicas: two API processes, one Neo4j, one Redis', () => {
  let db: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let waiting: ApiProcess;
  let tokens: { editor: string; reviewer: string; budget: string };
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    await startLocalNeo4j(instance);
    db = openTestDatabase(instance);
    // An empty database, as a first deployment finds it.
    for (let deleted = 1; deleted > 0;) {
      const [row] = await db.executor.write({
        cypher: 'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted',
      });
      deleted = Number(row?.deleted ?? 0);
    }
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    await redis.flushDb();
    await redis.close();
    const env = {
      NEO4J_URI: `neo4j://127.0.0.1:${PORT}`,
      NEO4J_PASSWORD: instance.password,
      REDIS_URL,
      RESPONSE_CACHE_SECONDS: '300',
      WRITE_LIMIT_PER_KEY: String(WRITE_LIMIT),
      WRITE_LIMIT_PER_ADDRESS: '1000',
      // Nothing but the Redis broadcast can tell B of A's writes within the test's bound.
      REVISION_POLL_MS: '60000',
    };
    // Started together: two that may migrate, one that waits for a migration.
    [a, b, waiting] = await Promise.all([
      startApiProcess('A', { ...env, SEED_ON_START: 'true' }),
      startApiProcess('B', { ...env, SEED_ON_START: 'true' }),
      startApiProcess('C', { ...env, SEED_ON_START: 'false', SHUTDOWN_DRAIN_MS: '1500' }),
    ]);
    await Promise.all([a.ready(), b.ready(), waiting.ready()]);
    const key = async (name: string, role: 'EDITOR' | 'REVIEWER') =>
      (await createApiKey(db.executor, { name: `replicas-${name}`, role })).token;
    tokens = {
      editor: await key('editor', 'EDITOR'),
      reviewer: await key('reviewer', 'REVIEWER'),
      budget: await key('budget', 'EDITOR'),
    };
  }, 600_000);

  afterAll(async () => {
    await Promise.all([a, b, waiting].map((p) => p?.stop()));
    await db?.close();
    await stopLocalNeo4j(instance);
  }, 120_000);

  it('seeds an empty database once when replicas start together', async () => {
    const loaded = [a, b].filter((p) =>
      p.messages().some((m) => m.startsWith('Seed graph loaded')),
    );
    const found = [a, b].filter((p) =>
      p.messages().some((m) => m.startsWith('Database already holds data')),
    );
    const [state] = await db.executor.read({
      cypher: "MATCH (s:GraphState {key: 'migration'}) RETURN s.migrations AS m, s.seeds AS s",
    });
    console.log(
      `replicas: seed loaded by ${loaded.map((p) => p.name).join(', ')}; found loaded by ` +
        `${found.map((p) => p.name).join(', ')}; migrations ${state?.m}, seed loads ${state?.s}`,
    );
    expect(loaded).toHaveLength(1);
    expect(found).toHaveLength(1);
    expect(state).toEqual({ m: 2, s: 1 });
    // C (SEED_ON_START=false) waited for the migration instead of running one.
    expect(waiting.messages().some((m) => m.includes('waiting'))).toBe(true);
    expect(waiting.messages().some((m) => m.startsWith('Seed graph loaded'))).toBe(false);
  });

  it("shows a fact published through A in B's next answer, and its retraction", async () => {
    const slug = `replicas-principle-${Date.now()}`;
    const read = () => post<{ principle: { slug: string } | null }>(b, PRINCIPLE, { s: slug });
    expect((await read()).body.data?.principle).toBeNull();
    // Asked again, B answers from the shared cache.
    const cached = await read();
    expect(cached.headers.get('age')).not.toBeNull();

    const fact = { slug, name: '副本原则', nameEn: 'Replica principle', kind: 'MEASURE' };
    const published = await publish(a, 'PRINCIPLE', fact);
    const seen = await until(async () => (await read()).body.data?.principle?.slug === slug);
    console.log(
      `replicas: a publish through A seen on B after ${seen.ms} ms (${seen.tries} reads)`,
    );
    expect(seen.ok).toBe(true);
    expect(seen.ms).toBeLessThan(BROADCAST_BOUND_MS);

    const retracted = await post<{ retractFact: { status: string } }>(
      a,
      'mutation($k: String!, $v: Int!) { retractFact(type: PRINCIPLE, key: $k, version: $v, reason: "副本测试") { status } }',
      { k: slug, v: published.version },
      auth(tokens.reviewer),
    );
    expect(codeOf(retracted)).toBe('OK');
    const gone = await until(async () => (await read()).body.data?.principle === null);
    console.log(`replicas: a retraction through A seen on B after ${gone.ms} ms`);
    expect(gone.ok).toBe(true);
    expect(gone.ms).toBeLessThan(BROADCAST_BOUND_MS);
  });

  it("lets a client bring A's bookmark to B and read its write", async () => {
    const slug = `replicas-bookmark-${Date.now()}`;
    const proposed = await post<{ proposeFact: { id: string } }>(
      a,
      'mutation($f: JSONObject!) { proposeFact(input: { type: PRINCIPLE, fact: $f }) { id } }',
      { f: { slug, name: '书签原则', nameEn: 'Bookmark principle', kind: 'MEASURE' } },
      auth(tokens.editor),
    );
    const bookmark = proposed.headers.get('zhili-bookmark');
    expect(bookmark).toMatch(/^[A-Za-z0-9_-]+$/);
    const id = proposed.body.data!.proposeFact.id;
    const onB = await post<{ change: { id: string; status: string } | null }>(
      b,
      'query($id: ID!) { change(id: $id) { id status } }',
      { id },
      { ...auth(tokens.editor), 'zhili-bookmark': bookmark! },
    );
    expect(onB.status).toBe(200);
    expect(onB.body.data?.change).toEqual({ id, status: 'DRAFT' });
  });

  it('shares one write budget: 60 writes through A and B together, the 61st refused', async () => {
    const codes: string[] = [];
    for (let i = 0; i < WRITE_LIMIT + 1; i++) {
      // An invalid proposal: it counts against the budget and writes nothing.
      const answer = await post(
        i % 2 === 0 ? a : b,
        'mutation { proposeFact(input: { type: PRINCIPLE, fact: {} }) { id } }',
        {},
        auth(tokens.budget),
      );
      codes.push(codeOf(answer));
    }
    const refused = codes.filter((c) => c === 'RATE_LIMITED').length;
    console.log(`replicas: ${codes.length} writes through A and B, ${refused} refused`);
    expect(codes.slice(0, WRITE_LIMIT).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    expect(codes[WRITE_LIMIT]).toBe('RATE_LIMITED');
  });

  it('knows on B a persisted query registered on A', async () => {
    const query = `{ principle(slug: "replicas-apq-${Date.now()}") { slug } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const get = (p: ApiProcess, withQuery: boolean) =>
      fetch(
        `${p.url}?${new URLSearchParams({ extensions: JSON.stringify(extensions), ...(withQuery ? { query } : {}) })}`,
      ).then(async (r) => (await r.json()) as Answer<unknown>['body']);
    expect((await get(a, true)).errors).toBeUndefined();
    const onB = await get(b, false);
    expect(onB.errors).toBeUndefined();
    expect(onB.data).toEqual({ principle: null });
  });

  it('gives the same ETag on both, revalidated with 304, new after a publish', async () => {
    const slug = `replicas-etag-${Date.now()}`;
    const url = (p: ApiProcess) =>
      `${p.url}?${new URLSearchParams({ query: `{ principle(slug: "${slug}") { slug } }` })}`;
    const first = await fetch(url(a));
    const etag = first.headers.get('etag');
    expect(etag).not.toBeNull();
    const onB = await fetch(url(b), { headers: { 'if-none-match': etag! } });
    expect(onB.status).toBe(304);
    await publish(a, 'PRINCIPLE', {
      slug,
      name: '标签原则',
      nameEn: 'ETag principle',
      kind: 'MEASURE',
    });
    const after = await until(async () => {
      const r = await fetch(url(b), { headers: { 'if-none-match': etag! } });
      return r.status === 200 && r.headers.get('etag') !== etag;
    });
    expect(after.ok).toBe(true);
  });

  it('answers readiness 503 from SIGTERM while still serving, then exits 0', async () => {
    const ready = await fetch(`${waiting.base}/health/ready`);
    expect(ready.status).toBe(200);
    const exit = waiting.stop();
    await new Promise((r) => setTimeout(r, 300));
    const draining = await fetch(`${waiting.base}/health/ready`);
    const served = await post<{ about: { name: string } }>(waiting, '{ about { name } }');
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { status: string }).status).toBe('shutting-down');
    expect(served.status).toBe(200);
    expect(await exit).toBe(0);
  });

  async function publish(p: ApiProcess, type: string, fact: Record<string, unknown>) {
    type Step = { id: string; version: number; status: string };
    const proposed = await post<{ proposeFact: Step }>(
      p,
      'mutation($t: FactType!, $f: JSONObject!) { proposeFact(input: { type: $t, fact: $f }) { id version status } }',
      { t: type, f: fact },
      auth(tokens.editor),
    );
    expect(codeOf(proposed)).toBe('OK');
    const move = (name: string, who: string, s: Step) =>
      post<Record<string, Step>>(
        p,
        `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id version status } }`,
        { id: s.id, v: s.version },
        auth(who),
      );
    const submitted = (await move('submitChange', tokens.editor, proposed.body.data!.proposeFact))
      .body.data!.submitChange!;
    const done = (await move('publishChange', tokens.reviewer, submitted)).body.data!
      .publishChange!;
    expect(done.status).toBe('PUBLISHED');
    // The version of the published fact (what a retraction names).
    const version = await post<{ factVersion: number }>(
      p,
      'query($t: FactType!, $k: String!) { factVersion(type: $t, key: $k) }',
      { t: type, k: fact.slug },
      auth(tokens.editor),
    );
    return { version: version.body.data!.factVersion };
  }
});

/** Polls `check` every 20 ms for up to 5 s: whether it came true, how soon, after how many tries. */
async function until(
  check: () => Promise<boolean>,
): Promise<{ ok: boolean; ms: number; tries: number }> {
  const started = performance.now();
  let tries = 0;
  while (performance.now() - started < 5_000) {
    tries += 1;
    if (await check()) return { ok: true, ms: Math.round(performance.now() - started), tries };
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ok: false, ms: Math.round(performance.now() - started), tries };
}
