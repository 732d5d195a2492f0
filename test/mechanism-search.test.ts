import path from 'node:path';
import { readSeed } from '../src/seed/seed-files';
import { type GqlResponse, startTestServer, type TestServer } from './support/harness';

/**
 * One thing per node: the mechanisms and groups of people the report names are found by their own
 * names as nodes of their own type (seed/mechanisms.yaml), not as aliases of a studio or mechanism.
 */
type Hit = {
  type: string;
  name: string;
  node: {
    __typename: string;
    key?: string;
    slug?: string;
    modelKind?: string;
    orgKind?: string;
    citations?: Array<{ quote: string }>;
  };
};

const HIT_FIELDS = `type name node { __typename
  ... on GovernanceModel { slug modelKind: kind citations { quote } }
  ... on Organization { key orgKind: kind citations { quote } region { code } } }`;

describe('search finds named mechanisms and teams as their own nodes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const search = async (text: string, types?: string[]): Promise<Hit[]> => {
    const res = await server.gql<{ search: Hit[] }>(
      `query($t: String!, $types: [SearchHitType!]) { search(text: $t, types: $types, first: 10) { ${HIT_FIELDS} } }`,
      { t: text, types },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.search;
  };

  it('finds 危机干预机制 as a mechanism of its own, first', async () => {
    const [top] = await search('危机干预机制');
    expect(top).toMatchObject({
      type: 'MODEL',
      name: '危机干预机制',
      node: {
        __typename: 'GovernanceModel',
        slug: 'crisis-intervention-mechanism',
        modelKind: 'MECHANISM',
      },
    });
    expect(top!.node.citations!.map((c) => c.quote)).toContain(
      '健全矛盾疏导化解机制、危机干预机制',
    );
  });

  it('finds 特邀调解员 as a team (organisation), first, not the mediation centre that works with them', async () => {
    const hits = await search('特邀调解员');
    expect(hits[0]).toMatchObject({
      type: 'ORGANIZATION',
      name: '特邀调解员',
      node: {
        __typename: 'Organization',
        key: 'wuhua-invited-mediators',
        orgKind: 'TEAM',
        region: { code: '530102' },
      },
    });
    expect(hits.filter((h) => h.name === '特邀调解员')).toHaveLength(1);
  });

  it('finds 红袖标 as the volunteer group 红袖标治安志愿者, also when only organisations are asked for', async () => {
    for (const types of [undefined, ['ORGANIZATION']]) {
      const hit = (await search('红袖标', types)).find((h) => h.name === '红袖标治安志愿者');
      expect(hit).toMatchObject({
        type: 'ORGANIZATION',
        node: {
          __typename: 'Organization',
          key: 'dongchuan-red-armband-volunteers',
          orgKind: 'VOLUNTEER_GROUP',
          region: { code: '530113' },
        },
      });
    }
    expect(await search('红袖标', ['MODEL'])).toEqual([]);
  });

  it('finds organisations in English and pinyin too', async () => {
    expect((await search('red-armband volunteers')).map((h) => h.name)).toContain(
      '红袖标治安志愿者',
    );
    expect((await search('teyaotiaojieyuan')).map((h) => h.name)).toContain('特邀调解员');
  });

  it('links the groups and mechanisms to the practices that use them', async () => {
    const res = await server.gql<{
      practice: { models: Array<{ slug: string }> };
      joint: { organizations: Array<{ key: string }> };
    }>(`{
      practice: practice(id: "xishan-five-zeros-creation") { models { slug } }
      joint: practice(id: "dongchuan-relocation-joint-prevention") { organizations { key } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.practice.models.map((m) => m.slug)).toContain('crisis-intervention-mechanism');
    expect(res.data!.joint.organizations.map((o) => o.key)).toContain(
      'dongchuan-red-armband-volunteers',
    );
  });

  it('keeps no group of people as an alias of a model', async () => {
    type Page = {
      models: {
        edges: Array<{ node: { slug: string; aliases: string[] } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const models: Array<{ slug: string; aliases: string[] }> = [];
    for (let after: string | null = null, more = true; more;) {
      const res: GqlResponse<Page> = await server.gql<Page>(
        'query($after: String) { models(first: 100, after: $after) { edges { node { slug aliases } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(res.errors).toBeUndefined();
      models.push(...res.data!.models.edges.map((e) => e.node));
      ({ hasNextPage: more, endCursor: after } = res.data!.models.pageInfo);
    }
    expect(models.map((m) => m.slug)).toContain('crisis-intervention-mechanism');
    const groups = [
      '特邀调解员',
      '红袖标治安志愿者',
      '家事观察员',
      '“娘子军”化解家事矛盾',
      '彝族长老',
      '双语综治网格员',
      '少数民族语言辅警队伍',
      '大党委',
      '派驻检察室',
    ];
    const aliased = models.flatMap((m) =>
      m.aliases.filter((a) => groups.includes(a)).map((a) => `${m.slug}: ${a}`),
    );
    expect(aliased).toEqual([]);
  });

  it('finds every mechanism and team of seed/mechanisms.yaml by its name, among the first three hits', async () => {
    const { bundle } = readSeed(path.resolve(__dirname, '..', 'seed'));
    const mine = <T extends { file: string }>(xs: readonly T[]) =>
      xs.filter((x) => x.file.endsWith('mechanisms.yaml'));
    const named = [
      ...mine(bundle.models).map((m) => m.item.name),
      ...mine(bundle.organizations).map((o) => o.item.name),
    ];
    expect(named.length).toBeGreaterThanOrEqual(40);
    const missed: string[] = [];
    for (const name of named)
      if (!(await search(name)).slice(0, 3).some((h) => h.name === name)) missed.push(name);
    expect(missed).toEqual([]);
  });
});
