import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { clientMutationIdOf, figuresInOrder, proposalOf, readDraftFolder } from './draft-folder';
import {
  classifyAnswer,
  type Outcome,
  ProposeFailure,
  summaryLines,
  waitingReason,
} from './propose-classify';
import { EndpointUnavailableError, graphqlClient } from './propose-client';

/** A small draft folder as `zhili draft` writes it: one source, a candidate model, two figures and a rate of them. */
const TEXT =
  '测试县2021年共受理矛盾纠纷200件,调解成功190件,调解成功率95%。测试县推广“测试调解模式”。';
const QUOTE = {
  quote: '测试县2021年共受理矛盾纠纷200件,调解成功190件,调解成功率95%。',
  source: 'test-report',
};
const figure = (
  id: string,
  indicator: string,
  value: number,
  reported: string,
  more: Record<string, unknown> = {},
) => ({
  id,
  indicator,
  value,
  unit: indicator.endsWith('rate') ? 'percent' : 'case',
  qualifier: 'EXACT',
  time: 'YEAR',
  period: '2021',
  region: '530322',
  reported,
  citations: [QUOTE],
  ...more,
});
function writeFolder(dir: string): void {
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  writeFileSync(path.join(dir, 'sources', 'test-report.txt'), TEXT);
  const put = (file: string, value: unknown) =>
    writeFileSync(path.join(dir, file), `# drafted\n${stringify(value)}`);
  put('sources.yaml', {
    sources: [
      {
        id: 'test-report',
        file: 'test-report.txt',
        title: '测试报道',
        published: '2022-01-18T10:00:00+08:00',
        language: 'zh',
        kind: 'MEDIA',
        sha256: 'a'.repeat(64),
      },
    ],
  });
  put('models.yaml', {
    models: [
      {
        slug: 'ce-shi-tiao-jie-model',
        name: '测试调解模式',
        nameEn: 'Ce Shi Model',
        pinyin: 'cè shì tiáo jiě mó shì',
        kind: 'MODEL',
        summary: '候选',
        citations: [{ quote: '测试县推广“测试调解模式”。', source: 'test-report' }],
      },
    ],
  });
  put('observations.yaml', {
    observations: [
      figure('test-report-003-rate', 'mediation_success_rate', 95, '调解成功率95%', {
        numerator: 'test-report-002-successes',
        denominator: 'test-report-001-disputes',
      }),
      figure('test-report-001-disputes', 'draft_shou_li', 200, '共受理矛盾纠纷200件'),
      figure('test-report-002-successes', 'disputes_mediated_successfully', 190, '调解成功190件'),
    ],
  });
  put('indicators.yaml', {
    indicators: [
      { code: 'draft_shou_li', name: '受理矛盾纠纷数', nameEn: 'Shou li', unit: 'case' },
    ],
  });
}
const FOLDER = mkdtempSync(path.join(os.tmpdir(), 'zhili-propose-spec-'));
beforeAll(() => writeFolder(FOLDER));
afterAll(() => rmSync(FOLDER, { recursive: true, force: true }));

describe('propose: the plan', () => {
  it('gives a fact the same id whatever the order of its keys, and another fact another id', () => {
    const a = clientMutationIdOf('OBSERVATION', {
      id: 'x',
      value: 1,
      citations: [{ quote: 'q', source: 's' }],
    });
    expect(
      clientMutationIdOf('OBSERVATION', {
        citations: [{ source: 's', quote: 'q' }],
        value: 1,
        id: 'x',
      }),
    ).toBe(a);
    expect(
      clientMutationIdOf('OBSERVATION', {
        id: 'x',
        value: 2,
        citations: [{ quote: 'q', source: 's' }],
      }),
    ).not.toBe(a);
    expect(
      clientMutationIdOf('MODEL', { id: 'x', value: 1, citations: [{ quote: 'q', source: 's' }] }),
    ).not.toBe(a);
    expect(a.length).toBeLessThanOrEqual(100);
  });

  it("puts the parts of a rate before the rate, each group in the draft's order", () => {
    const order = figuresInOrder([
      { id: 'rate', numerator: 'b', denominator: 'a' },
      { id: 'a' },
      { id: 'b' },
    ]).map((o) => o.id);
    expect(order).toEqual(['a', 'b', 'rate']);
  });

  it('reads a draft folder in dependency order: the source with its text, models, figures', () => {
    const folder = readDraftFolder(FOLDER);
    const types = folder.proposals.map((p) => p.type);
    expect(types[0]).toBe('SOURCE');
    expect(types.lastIndexOf('MODEL')).toBeLessThan(types.indexOf('OBSERVATION'));
    const source = folder.proposals[0]!;
    expect(source.fact).not.toHaveProperty('file');
    expect(source.fact.text).toBe(TEXT);
    expect(source.requires).toEqual([]);
    expect(folder.proposals.map((p) => p.key)).toEqual([
      'test-report',
      'ce-shi-tiao-jie-model',
      'test-report-001-disputes',
      'test-report-002-successes',
      'test-report-003-rate',
    ]);
    expect(folder.proposals.flatMap((p) => p.problems)).toEqual([]);
    expect(folder.newIndicators.get('draft_shou_li')).toBe('受理矛盾纠纷数');
  });

  it('lists what a figure needs: its source, indicator, unit, region and the parts of a rate', () => {
    const rate = readDraftFolder(FOLDER).proposals.find((p) => p.key === 'test-report-003-rate')!;
    expect(rate.requires.map((r) => `${r.label}:${r.key}`)).toEqual([
      'Source:test-report',
      'Indicator:mediation_success_rate',
      'Unit:percent',
      'Region:530322',
      'Observation:test-report-002-successes',
      'Observation:test-report-001-disputes',
    ]);
  });

  it('keeps a fact its schema refuses from being sent, with its problems', () => {
    const bad = proposalOf('OBSERVATION', { id: 'x', value: 'many' });
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems.map((p) => p.field)).toContain('value');
  });
});

describe('propose: answers and reasons', () => {
  const vocabulary = {
    newIndicators: new Map([['draft_x', '新指标']]),
    newUnits: new Map<string, string>(),
  };

  it('explains each kind of wait', () => {
    expect(
      waitingReason({ label: 'Indicator', key: 'draft_x', field: 'indicator' }, vocabulary),
    ).toMatch(/new indicator draft_x \(新指标\).*seed\/indicators\.yaml/);
    expect(waitingReason({ label: 'Source', key: 's', field: 'citations' }, vocabulary)).toMatch(
      /source s is not published yet/,
    );
    expect(waitingReason({ label: 'Region', key: '530199', field: 'region' }, vocabulary)).toBe(
      'region 530199 is not in the graph',
    );
    expect(
      waitingReason({ label: 'Observation', key: 'o1', field: 'numerator' }, vocabulary),
    ).toMatch(/its numerator o1/);
  });

  it('tells a new change from one proposed before (same request again, or CONFLICT), keeps field problems, ends the run on anything else', () => {
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'DRAFT', version: 1 } } },
        new Set(),
      ),
    ).toMatchObject({ kind: 'proposed', changeId: 'c1' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'DRAFT', version: 1 } } },
        new Set(['c1']),
      ),
    ).toMatchObject({ kind: 'open' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        { data: { proposeFact: { id: 'c1', status: 'IN_REVIEW', version: 2 } } },
        new Set(),
      ),
    ).toMatchObject({ kind: 'open' });
    expect(
      classifyAnswer(
        'SOURCE',
        's',
        {
          data: null,
          errors: [{ message: 'open', extensions: { code: 'CONFLICT', changeId: 'c9' } }],
        },
        new Set(),
      ),
    ).toMatchObject({ kind: 'open', changeId: 'c9' });
    const refused = classifyAnswer(
      'OBSERVATION',
      'o',
      {
        errors: [
          {
            message: 'bad',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [{ field: 'fact.reported', message: 'is not inside any of its quotes' }],
            },
          },
        ],
      },
      new Set(),
    );
    expect(refused).toMatchObject({ kind: 'refused', problems: [{ field: 'fact.reported' }] });
    expect(() =>
      classifyAnswer(
        'SOURCE',
        's',
        { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] },
        new Set(),
      ),
    ).toThrow(ProposeFailure);
  });

  it('sums up by kind and type, and groups waiting facts under each of their reasons', () => {
    const outcomes: Outcome[] = [
      { kind: 'proposed', type: 'SOURCE', key: 's', changeId: 'c1' },
      { kind: 'proposed', type: 'OBSERVATION', key: 'o1', changeId: 'c2' },
      { kind: 'open', type: 'MODEL', key: 'm', changeId: 'c3' },
      { kind: 'waiting', type: 'OBSERVATION', key: 'o2', reasons: ['r1', 'r2'] },
      { kind: 'waiting', type: 'OBSERVATION', key: 'o3', reasons: ['r1'] },
    ];
    expect(summaryLines(outcomes)).toEqual([
      'proposed 2 (SOURCE 1, OBSERVATION 1)',
      'already open 1 (MODEL 1)',
      'waiting 2 (OBSERVATION 2)',
      '  r1:',
      '    OBSERVATION o2',
      '    OBSERVATION o3',
      '  r2:',
      '    OBSERVATION o2',
    ]);
  });
});

describe('propose: the HTTP client', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('waits as a 429 asks and sends the request again', async () => {
    const answers = [
      json(429, { errors: [{ message: 'slow down' }] }, { 'retry-after': '2' }),
      json(200, { data: { ok: true } }),
    ];
    const waits: number[] = [];
    const client = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () => answers.shift()!,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(await client.request('{ ok }')).toEqual({ data: { ok: true } });
    expect(waits).toEqual([2000]);
  });

  it('tells an unreachable or unavailable endpoint from a refused key', async () => {
    const refusedConnection = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      },
    });
    await expect(refusedConnection.request('{ ok }')).rejects.toThrow(EndpointUnavailableError);
    const down = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () =>
        json(503, { errors: [{ message: 'down', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
    });
    await expect(down.request('{ ok }')).rejects.toThrow(
      /unavailable: down \(DATABASE_UNAVAILABLE\)/,
    );
    const badKey = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () =>
        json(401, { errors: [{ message: 'bad key', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    await expect(badKey.request('{ ok }')).rejects.toThrow(ProposeFailure);
  });
});
