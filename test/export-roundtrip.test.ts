import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { runCli } from '../src/cli/zhili';
import { PROJECT_ROOT } from '../src/core/config';
import { Executor } from '../src/core/db/executor';
import { testInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { revisionQuery } from '../src/core/db/revision';
import { NotFoundError } from '../src/core/errors';
import { memorySink } from '../src/export/export-sink';
import { streamGraphJson } from '../src/export/export-stream';
import { exportGraph } from '../src/export/export.service';
import { type ExportScope, type GraphDocument, toJson } from '../src/export/graph-format';
import { importGraph, type ImportSummary } from '../src/export/import.service';
import { readGraphFile } from '../src/export/import.validate';
import { ENTITIES, SCHEMA } from '../src/modules';
import { graphmlProblems } from './support/graphml';
import { openTestDatabase, startTestServer, type TestDatabase } from './support/harness';

/**
 * Export → import into an empty database → export is byte-identical, importing twice changes
 * nothing, every Neo4j type survives, parts hold what they should, and the same parts download
 * over HTTP and come out of the command line. The seed graph is read from the shared test
 * database (never written); imports go to a Neo4j of this suite's own, stopped at the end.
 */
const instance = testInstance('test-export', Number(process.env.TEST_EXPORT_NEO4J_PORT ?? 7696));
const KINDS = ENTITIES.map(({ label, key }) => ({ label, key }));
const COUNTS = z.object({ nodes: z.number(), relationships: z.number() });
const exec = promisify(execFile);

const mb = (s: string) => `${(Buffer.byteLength(s) / 1e6).toFixed(2)} MB`;
const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** The first line where two exports differ, so a failure says where without printing megabytes. */
function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, k) => line !== y[k]);
  return i < 0
    ? x.length === y.length
      ? 'none'
      : `lengths ${x.length} vs ${y.length}`
    : `line ${i + 1}:\n  ${x[i]?.slice(0, 300)}\n  ${y[i]?.slice(0, 300)}`;
}

describe('export and import of the graph', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  /**
   * A whole-graph read or an import in one transaction is far from an API request's 10 s budget (as
   * for the seed).
   */
  const patient = (db: TestDatabase): TestDatabase => ({
    ...db,
    executor: new Executor(db.driver, {
      database: db.config.neo4j.database,
      timeoutMs: 300_000,
      app: 'zhili-test-export',
    }),
  });
  let first: string;
  let firstDoc: GraphDocument;
  const exportOf = async (db: TestDatabase, scope: ExportScope = { kind: 'graph' }) =>
    toJson(await exportGraph(db.executor, scope, KINDS));
  const importInto = (text: string, replace = false): Promise<ImportSummary> =>
    importGraph(target.executor, readGraphFile(text, KINDS), {
      kinds: KINDS,
      replace,
      schema: SCHEMA,
    });
  const countsOf = async (db: TestDatabase) =>
    (
      await db.executor.read({
        cypher:
          'RETURN COUNT { (n) WHERE NOT n:GraphState } AS nodes, COUNT { ()-[]->() } AS relationships',
        row: COUNTS,
      })
    )[0]!;

  beforeAll(async () => {
    await startLocalNeo4j(instance);
    source = patient(openTestDatabase());
    target = patient(openTestDatabase(instance));
    // Empty, without constraints or indexes: the import must make them.
    await target.executor.write({ cypher: 'MATCH (n) DETACH DELETE n' });
    for (const { name } of await target.executor.read({
      cypher: 'SHOW CONSTRAINTS YIELD name RETURN name',
      row: z.object({ name: z.string() }),
    })) {
      await target.executor.write({ cypher: `DROP CONSTRAINT \`${name}\`` });
    }
    for (const { name } of await target.executor.read({
      cypher: "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
      row: z.object({ name: z.string() }),
    })) {
      await target.executor.write({ cypher: `DROP INDEX \`${name}\`` });
    }
  }, 240_000);

  afterAll(async () => {
    await source?.close();
    await target?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  it('exports the seed graph, imports it into an empty database and exports it again, byte for byte', async () => {
    let t0 = Date.now();
    firstDoc = await exportGraph(source.executor, { kind: 'graph' }, KINDS);
    first = toJson(firstDoc);
    const exported = secs(t0);
    t0 = Date.now();
    const summary = await importInto(first);
    const imported = secs(t0);
    t0 = Date.now();
    const second = await exportOf(target);
    console.log(
      `Round trip: ${firstDoc.nodes.length} nodes, ${firstDoc.relationships.length} relationships, ${mb(first)} of JSON; ` +
        `export ${exported}, import ${imported} (in batches, schema included), export again ${secs(t0)}; identical: ${second === first}`,
    );
    if (second !== first) console.log(`First difference: ${firstDifference(first, second)}`);
    expect(second === first).toBe(true);
    // Streamed a page at a time (pages of 500 here, so every kind spans several), the same bytes.
    const sink = memorySink();
    const streamed = await streamGraphJson(source.executor, KINDS, sink, { pageSize: 500 });
    if (sink.text() !== first)
      console.log(`First difference, streamed: ${firstDifference(first, sink.text())}`);
    expect(sink.text() === first).toBe(true);
    const [{ revision } = { revision: null }] = await source.executor.read(revisionQuery());
    expect(streamed).toEqual({
      nodes: firstDoc.nodes.length,
      relationships: firstDoc.relationships.length,
      // The revision the file holds: the source graph's, which nothing moved while it was read.
      revision,
    });
    expect(summary.nodes).toEqual({ created: firstDoc.nodes.length, updated: 0 });
    expect(summary.relationships).toEqual({ created: firstDoc.relationships.length, present: 0 });
    expect(await countsOf(target)).toEqual({
      nodes: firstDoc.nodes.length,
      relationships: firstDoc.relationships.length,
    });
    const constraints = (
      await target.executor.read({
        cypher: 'SHOW CONSTRAINTS YIELD name RETURN name',
        row: z.object({ name: z.string() }),
      })
    ).map((c) => c.name);
    const indexes = (
      await target.executor.read({
        cypher: 'SHOW INDEXES YIELD name RETURN name',
        row: z.object({ name: z.string() }),
      })
    ).map((c) => c.name);
    const named = (statements: ReadonlyArray<{ cypher: string }>) =>
      statements.flatMap(
        (q) =>
          /^CREATE (CONSTRAINT|(?:FULLTEXT |TEXT |RANGE )?INDEX) (\w+)/.exec(q.cypher)?.[2] ?? [],
      );
    expect(constraints.length).toBeGreaterThan(10);
    expect([...constraints, ...indexes]).toEqual(
      expect.arrayContaining([...named(SCHEMA.constraints), ...named(SCHEMA.indexes)]),
    );
    expect(firstDoc.header.sources.length).toBeGreaterThan(0);
  }, 180_000);

  it('imports a file again without changing anything', async () => {
    // The whole graph is imported a second time below (under its types, after --replace); here a
    // part, twice, into a graph that holds it.
    const part = await exportOf(source, { kind: 'region', code: '530103' });
    const before = await countsOf(target);
    for (let round = 0; round < 2; round += 1) {
      const t0 = Date.now();
      const summary = await importInto(part);
      console.log(
        `Region 530103 imported again (round ${round + 1}): ${secs(t0)}, ${JSON.stringify({ nodes: summary.nodes, relationships: summary.relationships })}`,
      );
      expect(summary.nodes.created).toBe(0);
      expect(summary.relationships.created).toBe(0);
      expect(summary.relationships.present).toBe(readGraphFile(part, KINDS).relationships.length);
      expect(await countsOf(target)).toEqual(before);
    }
    expect(await exportOf(target)).toBe(first);
  }, 120_000);

  it('keeps every Neo4j type and retracted facts, and --replace makes the database hold exactly the file', async () => {
    await target.executor.write({
      cypher: `MATCH (p:Practice)-[:IN]->(:Region)-[:PART_OF*0..]->(:Region {code: '530103'}) WITH p ORDER BY p.id LIMIT 1
        MATCH (g:Region {code: '53'})
        SET p.zzInt = 9223372036854775807, p.zzFloat = 0.1, p.zzNan = 0.0 / 0.0, p.zzNegZero = -0.0, p.zzDate = date('2020-02-29'),
            p.zzZoned = datetime('2024-01-01T08:00:00.123456789+08:00[Asia/Shanghai]'), p.zzLocal = localdatetime('2024-01-01T08:00'),
            p.zzTime = time('10:00:00+08:00'), p.zzLocalTime = localtime('10:00:00.5'), p.zzDuration = duration('P1Y2M3DT4H5M6.7S'),
            p.zzPoint = point({longitude: 102.7, latitude: 25.0}), p.zzPoint3d = point({x: 1.0, y: 2.0, z: 3.0}),
            p.zzInts = [1, -2, 3], p.zzDates = [date('2020-01-01')], p.zzFloats = [1.5, 2.0], p.zzBools = [true, false], p.zzEmpty = []
        CREATE (p)-[:ZZ_TYPED {n: 42, when: date('2021-06-30'), xs: ['a', 'b'], f: 0.5}]->(g)
        CREATE (r:Retracted {retractedLabel: 'Practice', id: 'zz-retracted', retractedAt: datetime('2025-03-01T00:00:00Z'), retractionReason: 'test'})-[:IN]->(g)`,
    });
    const exotic = await exportOf(target);
    expect(exotic).toMatch(/"zzInt":\{"\$type":"INTEGER","value":"9223372036854775807"\}/);
    expect(exotic).toMatch(/"id":"Retracted:Practice:zz-retracted:2025-03-01T00:00:00Z"/);

    let t0 = Date.now();
    const replaced = await importInto(first, true);
    console.log(`Import --replace: ${secs(t0)}, deleted ${JSON.stringify(replaced.deleted)}`);
    expect(replaced.deleted.nodes).toBe(1);
    expect(await countsOf(target)).toEqual({
      nodes: firstDoc.nodes.length,
      relationships: firstDoc.relationships.length,
    });
    expect(
      (
        await target.executor.read({
          cypher: 'MATCH (p:Practice) WHERE p.zzInt IS NOT NULL RETURN p',
        })
      ).length,
    ).toBe(0);

    t0 = Date.now();
    const merged = await importInto(exotic);
    // Everything of the first export was there already: imported again, it adds nothing.
    expect(merged.nodes).toEqual({ created: 1, updated: firstDoc.nodes.length });
    expect(merged.relationships).toEqual({ created: 2, present: firstDoc.relationships.length });
    const again = await exportOf(target);
    console.log(`Every type back: import ${secs(t0)}; identical: ${again === exotic}`);
    if (again !== exotic) console.log(`First difference: ${firstDifference(exotic, again)}`);
    expect(again === exotic).toBe(true);
    const [types] = await target.executor.read({
      cypher: `MATCH (p:Practice) WHERE p.zzInt IS NOT NULL
        RETURN p.zzInt = 9223372036854775807 AS int, valueType(p.zzInt) AS intType, isNaN(p.zzNan) AS nan, valueType(p.zzZoned) AS zoned,
          p.zzZoned = datetime('2024-01-01T08:00:00.123456789+08:00[Asia/Shanghai]') AS zonedSame, p.zzDuration = duration('P1Y2M3DT4H5M6.7S') AS duration,
          p.zzPoint.srid AS srid, valueType(p.zzInts) AS ints`,
    });
    expect(types).toEqual({
      int: true,
      intType: 'INTEGER NOT NULL',
      nan: true,
      zoned: 'ZONED DATETIME NOT NULL',
      zonedSame: true,
      duration: true,
      srid: 4326,
      ints: 'LIST<INTEGER NOT NULL> NOT NULL',
    });
  }, 180_000);

  it('exports a region with its subregions and what they need', async () => {
    const doc = await exportGraph(source.executor, { kind: 'region', code: '530103' }, KINDS);
    const ids = new Set(doc.nodes.map((n) => n.id));
    const below = (
      await source.executor.read({
        cypher: "MATCH (r:Region)-[:PART_OF*0..]->(:Region {code: '530103'}) RETURN r.code AS code",
        row: z.object({ code: z.string() }),
      })
    ).map((r) => `Region:${r.code}`);
    const practices = (
      await source.executor.read({
        cypher:
          "MATCH (p:Practice)-[:IN]->(:Region)-[:PART_OF*0..]->(:Region {code: '530103'}) RETURN p.id AS id",
        row: z.object({ id: z.string() }),
      })
    ).map((r) => `Practice:${r.id}`);
    console.log(
      `Region 530103: ${doc.nodes.length} nodes (${below.length} regions below it, ${practices.length} practices), ${doc.relationships.length} relationships, counts ${JSON.stringify(doc.header.counts.nodes)}`,
    );
    expect(practices.length).toBeGreaterThan(0);
    for (const id of [...below, ...practices, 'Region:5301', 'Region:53'])
      expect(ids).toContain(id);
    expect(ids.has('Region:530102')).toBe(false);
    expect(doc.header.counts.nodes.Source).toBe(1);
    // Every quote in the part cites something in it; every relationship joins two of its nodes (the
    // reader checks that).
    const cited = new Set(doc.relationships.filter((r) => r.type === 'CITED_BY').map((r) => r.to));
    const edgeQuotes = new Set(
      doc.relationships.flatMap((r) =>
        Array.isArray(r.properties.citationIds)
          ? (r.properties.citationIds as string[]).map((c) => `Citation:${c}`)
          : [],
      ),
    );
    expect(
      doc.nodes.filter(
        (n) => n.id.startsWith('Citation:') && !cited.has(n.id) && !edgeQuotes.has(n.id),
      ),
    ).toEqual([]);
    expect(toJson(readGraphFile(toJson(doc), KINDS))).toBe(toJson(doc));
    await expect(
      exportGraph(source.executor, { kind: 'region', code: '999999' }, KINDS),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('exports a model with its lineage family', async () => {
    const doc = await exportGraph(
      source.executor,
      { kind: 'model', slug: 'fengqiao-experience' },
      KINDS,
    );
    const family = await source.executor.read({
      cypher: `MATCH (root:GovernanceModel {slug: 'fengqiao-experience'})
        RETURN COLLECT { MATCH (root)-[:DERIVED_FROM*0..]->(m) RETURN m.slug UNION MATCH (m)-[:DERIVED_FROM*1..]->(root) RETURN m.slug } AS slugs,
               COLLECT { MATCH (root)-[:DERIVED_FROM*0..]->(m) MATCH (p:Practice)-[:IMPLEMENTS]->(m) RETURN p.id UNION MATCH (m)-[:DERIVED_FROM*1..]->(root) MATCH (p:Practice)-[:IMPLEMENTS]->(m) RETURN p.id } AS practices`,
      row: z.object({ slugs: z.array(z.string()), practices: z.array(z.string()) }),
    });
    const models = doc.nodes
      .filter((n) => n.id.startsWith('GovernanceModel:'))
      .map((n) => n.id.slice('GovernanceModel:'.length));
    const practices = doc.nodes
      .filter((n) => n.id.startsWith('Practice:'))
      .map((n) => n.id.slice('Practice:'.length));
    console.log(
      `Model fengqiao-experience: ${models.length} models in the family, ${practices.length} practices, ${doc.nodes.length} nodes, ${doc.relationships.length} relationships`,
    );
    expect(models.sort()).toEqual([...family[0]!.slugs].sort());
    expect(practices.sort()).toEqual([...family[0]!.practices].sort());
    expect(models.length).toBeGreaterThan(1);
    expect(doc.relationships.some((r) => r.type === 'DERIVED_FROM')).toBe(true);
  });

  it('serves the parts over HTTP: JSON, GraphML and zipped CSV, 404 for an unknown region or model, 400 for a bad format', async () => {
    const server = await startTestServer();
    const base = server.url.replace('/graphql', '/export');
    try {
      const json = await fetch(`${base}/region/530103.json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(json.headers.get('content-disposition')).toBe(
        'attachment; filename="zhili-region-530103.json"',
      );
      expect(await json.text()).toBe(await exportOf(source, { kind: 'region', code: '530103' }));
      // A whole province: its area read in pages, its facts in one statement.
      const t0 = Date.now();
      const province = await fetch(`${base}/region/53.json`);
      const text = await province.text();
      const counts = readGraphFile(text, KINDS).header.counts.nodes;
      console.log(
        `GET /export/region/53.json: ${province.status}, ${mb(text)} in ${secs(t0)}; nodes ${JSON.stringify(counts)}`,
      );
      expect(province.status).toBe(200);
      expect(counts.Region).toBeGreaterThan(16_000);
      expect(counts.Practice).toBeGreaterThan(50);
      const graphml = await fetch(`${base}/model/fengqiao-experience.graphml`);
      expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
      expect(graphmlProblems(await graphml.text())).toEqual([]);
      const zip = await fetch(`${base}/region/530103.csv.zip`);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      const regions = parseCsv(Buffer.from(files['nodes/Region.csv']!).toString('utf8'), {
        bom: true,
        columns: true,
      }) as Array<Record<string, string>>;
      expect(regions.map((r) => r.code)).toContain('530103');
      for (const [url, status, code] of [
        [`${base}/region/999999.json`, 404, 'NOT_FOUND'],
        [`${base}/model/no-such-model.graphml`, 404, 'NOT_FOUND'],
        [`${base}/model/fengqiao-experience.xml`, 400, 'BAD_USER_INPUT'],
      ] as const) {
        const res = await fetch(url);
        expect([
          res.status,
          res.headers.get('content-type'),
          ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!
            .extensions.code,
        ]).toEqual([status, 'application/json; charset=utf-8', code]);
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('runs as `npx zhili` with exit codes scripts can rely on', async () => {
    const env = { ...process.env, LOG_LEVEL: 'silent' };
    const help = await exec('npx', ['--no-install', 'zhili', '--help'], { cwd: PROJECT_ROOT, env });
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 {2}the database is unavailable/);
    const t0 = Date.now();
    const out = await exec(
      'npx',
      [
        '--no-install',
        'zhili',
        'export',
        '--region',
        '530103',
        '--format',
        'json',
        '--uri',
        `bolt://127.0.0.1:${testInstance().port}`,
        '--password',
        'zhili-test',
      ],
      { cwd: PROJECT_ROOT, env, maxBuffer: 64e6 },
    );
    console.log(`npx zhili export --region 530103: exit 0 in ${secs(t0)}; ${out.stderr.trim()}`);
    expect(out.stdout).toBe(await exportOf(source, { kind: 'region', code: '530103' }));

    // The rest in-process: the same code, without starting node each time.
    const lines: string[] = [];
    const io = {
      out: (c: string | Uint8Array) => void lines.push(String(c)),
      err: (l: string) => void lines.push(l),
      env,
      interactive: false,
    };
    expect(await runCli(['export', '--uri', 'bolt://127.0.0.1:1', '--password', 'x'], io)).toBe(3);
    expect(lines.join('\n')).toMatch(/database is unavailable/);
    expect(await runCli(['export', '--format', 'xml'], io)).toBe(2);
    expect(await runCli(['export', '--region', '53', '--model', 'x'], io)).toBe(2);
    expect(await runCli(['export', '--format', 'csv'], io)).toBe(2);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-export-'));
    try {
      writeFileSync(
        path.join(dir, 'part.json'),
        await exportOf(source, { kind: 'region', code: '530103' }),
      );
      expect(await runCli(['import', path.join(dir, 'part.json'), '--check'], io)).toBe(0);
      writeFileSync(
        path.join(dir, 'bad.json'),
        (await exportOf(source, { kind: 'region', code: '530103' })).replace(
          '"formatVersion": 1',
          '"formatVersion": 2',
        ),
      );
      expect(await runCli(['import', path.join(dir, 'bad.json'), '--check'], io)).toBe(1);
      expect(lines.join('\n')).toMatch(
        /format version 2 is not the version this zhili reads \(1\)/,
      );
      expect(await runCli(['import', path.join(dir, 'missing.json')], io)).toBe(2);
      // A part cannot replace the graph: refused before any database is reached (this one would
      // answer 3).
      expect(
        await runCli(
          [
            'import',
            path.join(dir, 'part.json'),
            '--replace',
            '--uri',
            'bolt://127.0.0.1:1',
            '--password',
            'x',
          ],
          io,
        ),
      ).toBe(1);
      expect(lines.join('\n')).toMatch(
        /--replace empties the graph, so it takes a whole-graph export/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('finishes an import killed half-way by running it again, from its checkpoint, to a byte-identical export', async () => {
    await target.executor.write({ cypher: 'MATCH (n) DETACH DELETE n' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-import-'));
    const file = path.join(dir, 'graph.json');
    const checkpoint = `${file}.import-checkpoint.json`;
    writeFileSync(file, first);
    const args = [
      '--no-install',
      'zhili',
      'import',
      file,
      '--uri',
      `bolt://127.0.0.1:${instance.port}`,
      '--password',
      instance.password,
    ];
    const env = { ...process.env, LOG_LEVEL: 'silent' };
    try {
      // Killed (SIGKILL) once a third of its batches are committed.
      const child = spawn('npx', args, { cwd: PROJECT_ROOT, env, stdio: 'ignore', detached: true });
      const stand = () =>
        existsSync(checkpoint)
          ? (JSON.parse(readFileSync(checkpoint, 'utf8')) as { done: number; total: number })
          : { done: 0, total: 1 };
      while (stand().done < stand().total / 3) await new Promise((r) => setTimeout(r, 10));
      process.kill(-child.pid!, 'SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const killedAt = stand();
      expect(killedAt.done).toBeLessThan(killedAt.total);
      const t0 = Date.now();
      const again = await exec('npx', args, { cwd: PROJECT_ROOT, env });
      console.log(
        `Import killed after ${killedAt.done} of ${killedAt.total} batches; run again: ${again.stdout.trim()} (${secs(t0)})`,
      );
      expect(again.stdout).toMatch(new RegExp(`resuming after ${killedAt.done} `));
      expect(existsSync(checkpoint)).toBe(false);
      const second = await exportOf(target);
      if (second !== first) console.log(`First difference: ${firstDifference(first, second)}`);
      expect(second === first).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
