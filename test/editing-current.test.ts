import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { currentFactQuery } from '../src/editing/editing-current';
import type { FactType } from '../src/editing/editing-facts';
import { locateQuote } from '../src/facts/citations';
import { readSeed } from '../src/seed/seed-files';
import {
  cleanEditing,
  dataOf,
  type Editors,
  editorsOf,
  factVersion,
  publishFact,
  type Step,
  STEP,
} from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * `fact(type, key)`: the published fact in the seed's format. Every seeded fact reads back as its
 * seed file wrote it; a fetched fact proposed unchanged is accepted as an update, and a fetched,
 * edited and published fact reads back as edited.
 */
describe('editing: the current fact, in the seed format', () => {
  let server: TestServer;
  let e: Editors;
  const PREFIX = 'current-test-';
  const SOURCE = `${PREFIX}source`;
  const REGION = '530322';
  const TEXT =
    '2021年,当前县共调解纠纷120件,调解成功118件,调解成功率为98.3%。2021年,当前县受理纠纷120件,办结120件。' +
    '当前县探索形成“当前调解法”,这是当前县首创的调解机制,发展了“枫桥经验”。当前县调解委员会参与调解。当前县调解委员会参与调解。';
  const drafts: string[] = [];
  let texts = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '1000',
      WRITE_LIMIT_PER_ADDRESS: '1000',
    });
    e = await editorsOf(server, 'current-test');
    const rows = await server.executor.read({
      cypher: "MATCH (s:Source) WHERE s.id IN ['kunming-2020'] RETURN s.id AS id, s.text AS text",
    });
    texts = new Map(rows.map((r) => [String(r.id), String(r.text)]));
    texts.set(SOURCE, TEXT);
  });
  afterAll(async () => {
    await server.executor.write({
      cypher:
        'MATCH (c:Change) WHERE c.id IN $ids OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c',
      params: { ids: drafts },
    });
    await cleanEditing(server.executor, PREFIX, [SOURCE]);
    await e.close();
    await server.close();
  });

  /**
   * What two writings of one fact share: quotes as the ids they locate to, sorted (the graph keeps
   * no order of quotes, models or parents), absent fields and empty lists dropped.
   */
  const canonical = (value: unknown, key?: string): unknown => {
    if (key === 'citations' && Array.isArray(value)) {
      return value
        .map((c) => {
          const q = locateQuote(c as never, texts);
          return typeof q === 'string' ? `unlocated ${q}` : q.id;
        })
        .sort();
    }
    if (key === 'published' && typeof value === 'string') return new Date(value).toISOString();
    if (Array.isArray(value)) {
      const items = value.map((v) => canonical(v));
      return key === 'models' || key === 'organizations' || key === 'derivedFrom'
        ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : items;
    }
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([k, v]) => [k, canonical(v, k)] as const);
    return Object.fromEntries(
      entries
        .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  };
  const stored = async (type: FactType, key: string) =>
    (await server.executor.read(currentFactQuery(type, key), 'test-current'))[0]?.fact ?? null;
  const fetched = async (type: string, key: string) =>
    dataOf(
      await e.as<{ fact: Record<string, unknown> | null }>(
        'editor',
        'query($t: FactType!, $k: String!) { fact(type: $t, key: $k) }',
        { t: type, k: key },
      ),
    ).fact;

  it('reads every seeded fact back as its seed file wrote it', async () => {
    const { bundle } = readSeed(path.join(PROJECT_ROOT, 'seed'));
    const kindOf = new Map(bundle.sources.map((s) => [s.item.id, s.item.kind]));
    const expected: Array<[FactType, string, unknown]> = [
      ...bundle.sources.map(
        ({ item: { file, ...s } }) =>
          [
            'SOURCE',
            s.id,
            { ...s, text: readFileSync(path.join(PROJECT_ROOT, 'seed', 'sources', file), 'utf8') },
          ] as [FactType, string, unknown],
      ),
      ...bundle.principles.map(
        ({ item }) => ['PRINCIPLE', item.slug, item] as [FactType, string, unknown],
      ),
      ...bundle.organizations.map(
        ({ item }) => ['ORGANIZATION', item.id, item] as [FactType, string, unknown],
      ),
      ...bundle.practices.map(
        ({ item }) => ['PRACTICE', item.id, item] as [FactType, string, unknown],
      ),
      // A figure's source kind, when the file leaves it out, is its source's: the graph stores it
      // so.
      ...bundle.observations.map(
        ({ item }) =>
          ['OBSERVATION', item.id, { sourceKind: kindOf.get('kunming-2020'), ...item }] as [
            FactType,
            string,
            unknown,
          ],
      ),
      ...bundle.models.map(({ item }) => ['MODEL', item.slug, item] as [FactType, string, unknown]),
      ...bundle.models.flatMap(({ item: m }) =>
        (m.derivedFrom ?? []).map(
          ({ slug, ...d }) =>
            ['LINEAGE_LINK', `${m.slug}>${slug}`, { from: m.slug, to: slug, ...d }] as [
              FactType,
              string,
              unknown,
            ],
        ),
      ),
    ];
    const differing: string[] = [];
    for (let i = 0; i < expected.length; i += 16) {
      await Promise.all(
        expected.slice(i, i + 16).map(async ([type, key, fact]) => {
          const got = await stored(type, key);
          if (JSON.stringify(canonical(got)) !== JSON.stringify(canonical(fact)))
            differing.push(
              `${type}:${key}\n  stored ${JSON.stringify(canonical(got))}\n  seed   ${JSON.stringify(canonical(fact))}`,
            );
        }),
      );
    }
    const tally = expected.reduce<Record<string, number>>(
      (t, [type]) => ({ ...t, [type]: (t[type] ?? 0) + 1 }),
      {},
    );
    console.log(
      `Seeded facts read back in the seed format: ${expected.length} (${JSON.stringify(tally)}), differing: ${differing.length}`,
    );
    expect(differing).toEqual([]);
  }, 60_000);

  it('is for editors only, and null for a fact that is not published', async () => {
    const anonymous = await e.as(null, '{ fact(type: MODEL, key: "fengqiao-experience") }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fetched('MODEL', `${PREFIX}nothing`)).toBeNull();
    expect(await fetched('LINEAGE_LINK', 'no-arrow-here')).toBeNull();
  });

  /**
   * A seeded fact of each kind and an edit to it; drafts only: the seed graph the other suites read
   * is left as it is.
   */
  const SEEDED: Array<[FactType, string, (f: Record<string, unknown>) => Record<string, unknown>]> =
    [
      [
        'SOURCE',
        'kunming-2020',
        (f) => ({ ...f, titleEn: 'Kunming political and legal work, 2020 (edited)' }),
      ],
      ['PRINCIPLE', 'rule-of-law', (f) => ({ ...f, nameEn: `${String(f.nameEn)} (edited)` })],
      ['MODEL', 'wuhua-model', (f) => ({ ...f, summaryEn: 'Edited.' })],
      [
        'ORGANIZATION',
        'wuhua-invited-mediators',
        (f) => ({ ...f, nameEn: `${String(f.nameEn)} (edited)` }),
      ],
      ['PRACTICE', 'wuhua-municipal-social-governance-model', (f) => ({ ...f, status: 'ENDED' })],
      ['OBSERVATION', 'wuhua-pre-litigation-success-rate', (f) => ({ ...f, note: 'edited' })],
      [
        'LINEAGE_LINK',
        'wuhua-model>municipal-social-governance-pilot',
        (f) => ({ ...f, note: 'edited' }),
      ],
    ];

  it.each(SEEDED)(
    'takes a fetched seeded %s %s back unchanged as an update, and an edited copy as its revision',
    async (type, key, edit) => {
      const fact = await fetched(type, key);
      expect(fact).not.toBeNull();
      const version = await factVersion(e, type, key);
      const draft = await e.as<{ proposeFact: Step & { baseVersion: number; fact: unknown } }>(
        'editor',
        `mutation($t: FactType!, $f: JSONObject!) { proposeFact(input: { type: $t, fact: $f }) { ${STEP} baseVersion fact } }`,
        { t: type, f: fact },
      );
      const change = dataOf(draft).proposeFact;
      drafts.push(change.id);
      expect(change).toMatchObject({ operation: 'UPDATE', status: 'DRAFT', baseVersion: version });
      expect(canonical(change.fact)).toEqual(canonical(fact));
      const revised = await e.as<{ reviseChange: Step }>(
        'editor',
        `mutation($id: ID!, $f: JSONObject!) { reviseChange(id: $id, version: 1, fact: $f) { ${STEP} } }`,
        { id: change.id, f: edit(fact!) },
      );
      expect(dataOf(revised).reviseChange).toMatchObject({ status: 'DRAFT', version: 2 });
    },
  );

  const cite = (quote: string, occurrence?: number) => [
    { quote, source: SOURCE, ...(occurrence ? { occurrence } : {}) },
  ];
  /**
   * Facts of every kind written through the API, each with an edit; in the order they can be
   * published.
   */
  const OWN: Array<[FactType, Record<string, unknown>, Record<string, unknown>]> = [
    [
      'SOURCE',
      {
        id: SOURCE,
        title: '当前报道',
        published: '2021-03-01T10:00:00+08:00',
        language: 'zh',
        kind: 'MEDIA',
        text: TEXT,
        sha256: createHash('sha256').update(TEXT).digest('hex'),
      },
      { title: '当前报道(修订)', titleEn: 'Current report' },
    ],
    [
      'PRINCIPLE',
      {
        slug: `${PREFIX}principle`,
        name: '当前原则',
        nameEn: 'Current principle',
        kind: 'MEASURE',
      },
      { description: '修订说明' },
    ],
    [
      'ORGANIZATION',
      {
        id: `${PREFIX}org`,
        name: '当前县调解委员会',
        nameEn: 'Current county mediation committee',
        kind: 'COMMITTEE',
        region: REGION,
        citations: cite('当前县调解委员会参与调解', 2),
      },
      { nameEn: 'Mediation committee' },
    ],
    [
      'MODEL',
      {
        slug: `${PREFIX}method`,
        name: '当前调解法',
        nameEn: 'Current mediation method',
        pinyin: 'Dāngqián Tiáojiě Fǎ',
        kind: 'MECHANISM',
        aliases: ['当前法'],
        citations: cite('当前县探索形成“当前调解法”'),
        principles: [
          { slug: `${PREFIX}principle`, note: '测试', citations: cite('当前县探索形成') },
        ],
        principlesComplete: false,
        origin: {
          region: REGION,
          citations: cite('这是当前县首创的调解机制'),
          review: { verdict: 'STATED', reason: '首创 says it began there' },
        },
      },
      { summaryEn: 'A method of the test.', aliases: ['当前法', '当前办法'] },
    ],
    [
      'LINEAGE_LINK',
      {
        from: `${PREFIX}method`,
        to: 'fengqiao-experience',
        relation: 'EXTENSION',
        citations: cite('发展了“枫桥经验”'),
        review: { verdict: 'STATED', reason: '发展 names 枫桥经验' },
      },
      { since: 2021, note: '测试' },
    ],
    [
      'PRACTICE',
      {
        id: `${PREFIX}practice`,
        name: '当前实践',
        nameEn: 'Current practice',
        region: REGION,
        models: [`${PREFIX}method`],
        category: 'MEDIATION',
        status: 'PILOT',
        organizations: [`${PREFIX}org`],
        citations: cite('当前县调解委员会参与调解', 1),
      },
      { status: 'ROLLED_OUT', started: { date: '2021-03', precision: 'MONTH' } },
    ],
    [
      'OBSERVATION',
      {
        id: `${PREFIX}disputes`,
        indicator: 'disputes_mediated',
        value: 120,
        unit: 'case',
        qualifier: 'EXACT',
        time: 'YEAR',
        period: '2021',
        region: REGION,
        practice: `${PREFIX}practice`,
        reported: '共调解纠纷120件',
        citations: cite('2021年,当前县共调解纠纷120件'),
      },
      { note: '修订' },
    ],
    [
      'OBSERVATION',
      {
        id: `${PREFIX}rate`,
        indicator: 'mediation_success_rate',
        value: 98.3,
        unit: 'percent',
        qualifier: 'EXACT',
        time: 'YEAR',
        period: '2021',
        region: REGION,
        denominator: `${PREFIX}disputes`,
        reported: '调解成功率为98.3%',
        citations: cite('2021年,当前县共调解纠纷120件,调解成功118件,调解成功率为98.3%'),
      },
      { scope: '全县' },
    ],
    [
      'OBSERVATION',
      {
        id: `${PREFIX}closed`,
        indicator: 'disputes_mediated_successfully',
        value: 120,
        unit: 'case',
        qualifier: 'EXACT',
        time: 'YEAR',
        period: '2021',
        region: REGION,
        reported: '120件',
        reportedOccurrence: 2,
        citations: cite('2021年,当前县受理纠纷120件,办结120件'),
      },
      { qualifier: 'ABOUT' },
    ],
  ];
  const keyOf = (type: FactType, f: Record<string, unknown>) =>
    type === 'LINEAGE_LINK' ? `${String(f.from)}>${String(f.to)}` : String(f.id ?? f.slug);

  it('reads a published fact of every kind back as proposed; publishing it unchanged keeps it, publishing an edit shows the edit', async () => {
    const rounds: string[] = [];
    for (const [type, fact, edit] of OWN) {
      const key = keyOf(type, fact);
      expect((await publishFact(e, type, fact)).status).toBe('PUBLISHED');
      const first = await fetched(type, key);
      expect(canonical(first)).toEqual(canonical(fact));
      // An identical update is accepted as a change like any other: publishing it bumps the version
      // and changes nothing else.
      const same = await publishFact(e, type, first!);
      expect(same.operation).toBe('UPDATE');
      expect(canonical(await fetched(type, key))).toEqual(canonical(fact));
      const edited = { ...first!, ...edit };
      await publishFact(e, type, edited);
      expect(canonical(await fetched(type, key))).toEqual(canonical(edited));
      expect(await factVersion(e, type, key)).toBe(3);
      rounds.push(`${type}:${key}`);
    }
    console.log(`Published, read back, republished unchanged and edited: ${rounds.length} facts`);
    const publicRead = await server.gql<{ observation: { qualifier: string } }>(
      `{ observation(id: "${PREFIX}closed") { qualifier } }`,
    );
    expect(publicRead.data?.observation.qualifier).toBe('ABOUT');
  }, 60_000);
});
