import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeOf, dataOf, type Editors, editorsOf } from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * A report from its file to published facts through the API alone, on the real Neo4j: a Word file
 * uploaded to POST /review/reports is drafted on the server into a change set; the editor corrects
 * what the drafter got wrong, in typed fields, and submits the set; a reviewer publishes it; the
 * county is found by search and its figures, the new indicator's and a rate's among them, are in
 * `region { observations }`. Each editor step is counted.
 */

jest.setTimeout(180_000);

const FILE = 'luquan-2024-dispute-work-summary.docx';
const BYTES = readFileSync(path.join(__dirname, 'fixtures', 'reports-e2e', FILE));
const SOURCE = 'luquan-2024-dispute-work-summary';
const COUNTY = '530128';

interface Member {
  id: string;
  version: number;
  status: string;
  factType: string;
  factKey: string;
  fact: Record<string, unknown>;
  confidence: number | null;
}

describe('taking in a report through the API', () => {
  let server: TestServer;
  let e: Editors;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(undefined, { UPLOAD_MAX_BYTES: '100000' });
    e = await editorsOf(server, 'intake');
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: `OPTIONAL MATCH (c:Change) WHERE c.factKey STARTS WITH $p OR c.factKey STARTS WITH 'draft_'
          OPTIONAL MATCH (ev:ChangeEvent)-[:ON]->(c) DETACH DELETE ev, c
        WITH count(*) AS _ OPTIONAL MATCH (s:ChangeSet {sourceId: $p}) DETACH DELETE s
        WITH count(*) AS _ OPTIONAL MATCH (n) WHERE (n:Source OR n:Observation OR n:Retracted) AND n.id STARTS WITH $p DETACH DELETE n
        WITH count(*) AS _ OPTIONAL MATCH (i:Indicator) WHERE i.code STARTS WITH 'draft_' DETACH DELETE i
        WITH count(*) AS _ OPTIONAL MATCH (q:Citation {sourceId: $p}) DETACH DELETE q`,
      params: { p: SOURCE },
    });
    await e?.close();
    await server?.close();
  });

  const upload = (name: string, body: Uint8Array, token?: string) =>
    fetch(`${base}/review/reports?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: new Blob([new Uint8Array(body)]),
    });
  const members = async (set: string) =>
    dataOf(
      await e.as<{ changeSet: { version: number; changes: Member[]; notes: string[] } }>(
        'editor',
        `query($id: ID!) { changeSet(id: $id) { version notes
          changes { id version status factType factKey fact confidence } } }`,
        { id: set },
      ),
    ).changeSet;

  it('refuses what it cannot take, with a code and a status', async () => {
    const refused = async (res: Response) => [
      res.status,
      ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!
        .extensions.code,
    ];
    expect(await refused(await upload(FILE, BYTES))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refused(await upload('report.exe', BYTES, e.token('editor')))).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    const big = new Uint8Array(100_001);
    expect(await refused(await upload('big.txt', big, e.token('editor')))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
    const broken = new TextEncoder().encode('%PDF-1.4\nnot really a PDF');
    expect(await refused(await upload('broken.pdf', broken, e.token('editor')))).toEqual([
      422,
      'DOCUMENT_UNREADABLE',
    ]);
  });

  it('takes a Word file to published, searchable facts', async () => {
    let steps = 0;
    const res = await upload(FILE, BYTES, e.token('editor'));
    steps += 1;
    expect(res.status).toBe(201);
    const taken = (await res.json()) as { changeSet: { id: string }; proposed: number };
    const set = taken.changeSet.id;
    // The same file again: the same set, nothing proposed twice.
    const again = (await (await upload(FILE, BYTES, e.token('editor'))).json()) as typeof taken;
    expect(again.changeSet.id).toBe(set);

    const drafted = await members(set);
    const byType = (t: string) => drafted.changes.filter((c) => c.factType === t);
    expect(byType('SOURCE').map((c) => c.fact.original)).toEqual([
      expect.objectContaining({ file: FILE, bytes: BYTES.length }),
    ]);
    expect(drafted.changes).toHaveLength(taken.proposed);
    const newIndicator = byType('INDICATOR')[0]!;
    expect(newIndicator.fact.unit).toBeDefined();
    const figure = (reported: string) =>
      byType('OBSERVATION').find((c) => String(c.fact.reported).includes(reported))!;

    // The editor's corrections, each one step: what was taken up, what succeeded, a target that
    // is not a figure.
    const revise = async (c: Member, fields: Record<string, unknown>) => {
      const fact = { ...c.fact, ...fields };
      const answer = await e.as<{ reviseChange: { status: string } }>(
        'editor',
        `mutation($id: ID!, $v: Int!, $in: FactInput!) {
          reviseChange(id: $id, version: $v, input: $in) { status } }`,
        { id: c.id, v: c.version, in: { observation: fact } },
      );
      if (!answer.errors) steps += 1;
      return answer;
    };
    const received = figure('1260件');
    const settled = figure('1218件');
    const rate = figure('96.7%');
    expect(
      dataOf(await revise(received, { indicator: 'disputes_mediated' })).reviseChange.status,
    ).toBe('DRAFT');
    const settledAnswer = await revise(settled, { indicator: 'disputes_mediated_successfully' });
    expect(dataOf(settledAnswer).reviseChange.status).toBe('DRAFT');
    // A wrong field is named: the rate's unit is its indicator's.
    const wrong = await revise(rate, { unit: 'case' });
    expect(wrong.errors?.[0]?.extensions?.field).toBe('fact.unit');
    const rateNow = (await members(set)).changes.find((c) => c.id === rate.id)!;
    const rated = await revise(rateNow, {
      numerator: settled.factKey,
      denominator: received.factKey,
    });
    expect(dataOf(rated).reviseChange.status).toBe('DRAFT');
    const target = figure('95%');
    if (target) {
      await e.as(
        'editor',
        'mutation($id: ID!, $v: Int!) { withdrawChange(id: $id, version: $v, reason: "a target for 2025, not a figure") { status } }',
        {
          id: target.id,
          v: target.version,
        },
      );
      steps += 1;
    }

    const before = await members(set);
    const submitted = await e.as<{ submitChangeSet: { version: number } }>(
      'editor',
      'mutation($id: ID!, $v: Int!) { submitChangeSet(id: $id, version: $v) { version } }',
      { id: set, v: before.version },
    );
    steps += 1;
    const published = await e.as<{ publishChangeSet: { status: string } }>(
      'reviewer',
      'mutation($id: ID!, $v: Int!) { publishChangeSet(id: $id, version: $v) { status } }',
      { id: set, v: dataOf(submitted).submitChangeSet.version },
    );
    expect(codeOf(published)).toBe('OK');
    expect(dataOf(published).publishChangeSet.status).toBe('PUBLISHED');

    const hits = dataOf(
      await e.as<{ search: Array<{ code: string | null }> }>(
        null,
        '{ search(text: "禄劝", types: [REGION]) { code } }',
      ),
    ).search;
    expect(hits.map((h) => h.code)).toContain(COUNTY);
    const figures = dataOf(
      await e.as<{
        region: {
          observations: {
            edges: Array<{
              node: { indicator: { code: string }; value: number; computedRate: number | null };
            }>;
          };
        };
      }>(
        null,
        `{ region(code: "${COUNTY}") { observations(first: 50) { edges { node { indicator { code } value computedRate } } } } }`,
      ),
    ).region.observations.edges.map((x) => x.node);
    expect(figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicator: { code: 'mediation_success_rate' }, value: 96.7 }),
        expect.objectContaining({ indicator: { code: String(newIndicator.fact.code) } }),
      ]),
    );
    const computed = figures.find((f) => f.value === 96.7)!.computedRate!;
    expect(computed).toBeCloseTo((1218 / 1260) * 100, 5);
    console.log(
      `intake e2e: ${taken.proposed} facts proposed from ${FILE}; ${steps} editor steps (upload, ` +
        `${steps - 2} corrections, submit) and 1 reviewer step to ${figures.length} published figures`,
    );
  });
});
