import { createApiKey } from '../src/auth/apikey.service';
import { testInstance } from '../src/core/db/local-instances';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { applySchema } from '../src/core/db/schema-statements';
import { SCHEMA } from '../src/modules';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Neo4j killed (SIGKILL) at random moments of a stream of review steps — propose, submit,
 * publish, retract — from three writers. A writer that gets a 503 (the database unavailable, or
 * a write whose outcome is unknown) or no answer waits and sends the same request again, as the
 * API tells it to. Every step is idempotent for its caller, so each retry answers with what
 * really happened: in the end every writer's view of every fact equals the graph's.
 */
const KILLS = Number(process.env.KILLS ?? 20);
const STEP = 'id status version';

interface Answer {
  readonly status: number;
  readonly code: string;
  readonly change?: { id: string; status: string; version: number };
}

interface Seen {
  key: string;
  change: { id: string; status: string; version: number };
  retraction?: string;
}

describe('review steps across repeated kills of Neo4j', () => {
  const instance = {
    ...testInstance('test-kills', Number(process.env.TEST_KILLS_NEO4J_PORT ?? 7697)),
    heap: '512m',
  };
  let server: TestServer;
  let token: string;
  const tally: Record<string, number> = {};

  beforeAll(async () => {
    await startLocalNeo4j(instance);
    server = await startTestServer(instance, {
      WRITE_LIMIT_PER_KEY: '100000',
      WRITE_LIMIT_PER_ADDRESS: '100000',
    });
    // Its own database: whatever an interrupted run left is removed first.
    await server.executor.write({ cypher: 'MATCH (n) DETACH DELETE n' });
    await applySchema(server.executor, [...SCHEMA.constraints]);
    ({ token } = await createApiKey(server.executor, { name: 'kills-reviewer', role: 'REVIEWER' }));
  }, 180_000);

  afterAll(async () => {
    await server?.executor.write({ cypher: 'MATCH (n) DETACH DELETE n' }).catch(() => undefined);
    await server?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  /** Sends one mutation until it gets an answer that is not a 503 or a dropped connection. */
  async function until(query: string, variables: Record<string, unknown>): Promise<Answer> {
    for (;;) {
      let answer: Answer;
      try {
        const res = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as {
          data?: Record<string, Answer['change']> | null;
          errors?: Array<{ extensions?: { code?: string } }>;
        };
        answer = {
          status: res.status,
          code: String(body.errors?.[0]?.extensions?.code ?? 'OK'),
          change: body.data ? Object.values(body.data)[0] : undefined,
        };
      } catch {
        answer = { status: 0, code: 'NO_ANSWER' };
      }
      tally[`${answer.status} ${answer.code}`] =
        (tally[`${answer.status} ${answer.code}`] ?? 0) + 1;
      if (answer.status !== 503 && answer.status !== 0) return answer;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('ends with every writer seeing each fact as the graph holds it', async () => {
    const seen: Seen[] = [];
    let killed = 0;
    const writer = async (w: number) => {
      for (let n = 0; killed < KILLS; n += 1) {
        const key = `kills-test-${w}-${n}`;
        const fact = {
          slug: key,
          name: `停机测试${w}-${n}`,
          nameEn: `Kill test ${w}-${n}`,
          kind: 'MEASURE',
        };
        const proposed = await until(
          `mutation($f: JSONObject!, $m: String) { proposeFact(input: { type: PRINCIPLE, fact: $f, clientMutationId: $m }) { ${STEP} } }`,
          { f: fact, m: key },
        );
        expect(proposed.code).toBe('OK');
        const entry: Seen = { key, change: proposed.change! };
        seen.push(entry);
        for (const name of ['submitChange', 'publishChange']) {
          const moved = await until(
            `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { ${STEP} } }`,
            { id: entry.change.id, v: entry.change.version },
          );
          expect(`${name} ${moved.code}`).toBe(`${name} OK`);
          entry.change = moved.change!;
        }
        if (n % 3 === 2) {
          const retracted = await until(
            `mutation($k: String!) { retractFact(type: PRINCIPLE, key: $k, version: 1, reason: "停机测试") { ${STEP} } }`,
            { k: key },
          );
          expect(`retract ${retracted.code}`).toBe('retract OK');
          entry.retraction = retracted.change!.id;
        }
      }
    };
    const restarts: number[] = [];
    const killer = async () => {
      for (; killed < KILLS; killed += 1) {
        // A random moment of the stream: writes are flowing again, then 0.2–1.5 s more.
        const written = seen.length;
        while (seen.length === written) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 1300));
        const { pid } = await localStatus(instance);
        process.kill(pid!, 'SIGKILL');
        const down = Date.now();
        while ((await localStatus(instance)).pid !== undefined)
          await new Promise((r) => setTimeout(r, 20));
        await startLocalNeo4j(instance, () => undefined);
        restarts.push(Date.now() - down);
      }
    };
    const started = Date.now();
    await Promise.all([writer(0), writer(1), writer(2), killer()]);

    const rows = await server.executor.read({
      cypher: `MATCH (c:Change) WHERE c.factKey STARTS WITH 'kills-test-'
        RETURN c.factKey AS key, collect({id: c.id, op: c.op, status: c.status, version: c.version}) AS changes,
          EXISTS { MATCH (:Principle {slug: c.factKey}) } AS shown`,
    });
    const graph = new Map(
      rows.map((r) => [
        String(r.key),
        r as {
          changes: Array<{ id: string; op: string; status: string; version: number }>;
          shown: boolean;
        },
      ]),
    );
    const differ = seen.flatMap((s) => {
      const g = graph.get(s.key);
      const proposal = g?.changes.filter((c) => c.op === 'CREATE') ?? [];
      const retractions = g?.changes.filter((c) => c.op === 'RETRACT').map((c) => c.id) ?? [];
      const same =
        proposal.length === 1 &&
        proposal[0]!.id === s.change.id &&
        proposal[0]!.status === s.change.status &&
        proposal[0]!.version === s.change.version &&
        JSON.stringify(retractions) === JSON.stringify(s.retraction ? [s.retraction] : []) &&
        g!.shown === !s.retraction;
      return same ? [] : [{ seen: s, graph: g }];
    });
    const retried = Object.entries(tally)
      .filter(([k]) => !k.startsWith('200'))
      .reduce((a, [, n]) => a + n, 0);
    console.log(
      `Review steps across ${killed} kills of Neo4j in ${((Date.now() - started) / 1000).toFixed(0)} s: ${seen.length} facts ` +
        `(${seen.filter((s) => s.retraction).length} also retracted), answers ${JSON.stringify(tally)}; ${retried} answers were retried; ` +
        `writer's view differs from the graph for ${differ.length}; Neo4j restarts took ${Math.min(...restarts)}–${Math.max(...restarts)} ms`,
    );
    expect(killed).toBeGreaterThanOrEqual(KILLS);
    expect(differ).toEqual([]);
    expect(graph.size).toBe(seen.length);
    expect(retried).toBeGreaterThan(0);
  }, 900_000);
});
