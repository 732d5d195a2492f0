import { serverForSuite, startTestServer } from './support/harness';

type Hit = { type: string; id: string; name: string; snippet: string; score: number };

describe('the read API on the seed graph', () => {
  const suite = serverForSuite();
  const { ok } = suite;
  const slugByName = async (name: string): Promise<string> => {
    const data = await ok<{ search: Array<Hit & { node: { slug: string; name: string } }> }>(
      'query($t: String!) { search(text: $t, types: [MODEL], first: 20) { node { ... on GovernanceModel { slug name } } } }',
      { t: name },
    );
    const hit = data.search.find((h) => h.node.name === name);
    if (!hit) throw new Error(`no model named ${name}`);
    return hit.node.slug;
  };

  describe('search', () => {
    it('finds 枫桥经验 and 网上枫桥经验 for 枫桥, each id resolving through node', async () => {
      const data = await ok<{ search: Hit[] }>(
        '{ search(text: "枫桥", first: 10) { type id name snippet score } }',
      );
      const names = data.search.map((h) => h.name);
      expect(names).toContain('枫桥经验');
      expect(names.some((n) => n.includes('网上') && n.includes('枫桥'))).toBe(true);
      expect(data.search.every((h, i, all) => i === 0 || all[i - 1]!.score >= h.score)).toBe(true);
      expect(data.search.find((h) => h.name === '枫桥经验')!.snippet).toContain('枫桥');
      const ids = data.search.map((h) => h.id);
      const nodes = await ok<{ nodes: Array<{ id: string } | null> }>(
        'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        { ids },
      );
      expect(nodes.nodes.map((n) => n?.id)).toEqual(ids);
    });

    it('finds models in English too', async () => {
      const data = await ok<{ search: Hit[] }>(
        '{ search(text: "Fengqiao", types: [MODEL]) { type name } }',
      );
      expect(data.search.map((h) => h.name)).toContain('枫桥经验');
      expect(data.search.every((h) => h.type === 'MODEL')).toBe(true);
    });

    it('finds regions by Chinese name', async () => {
      const data = await ok<{ search: Array<Hit & { node: { code: string } }> }>(
        '{ search(text: "盘龙区", types: [REGION]) { name node { ... on Region { code } } } }',
      );
      expect(data.search[0]!.node.code).toBe('530103');
    });

    it('refuses empty text with BAD_USER_INPUT, and survives Lucene syntax', async () => {
      const res = await suite.server().gql('{ search(text: "  ") { id } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await ok('{ search(text: "枫桥 AND (\\"x\\" OR y:*)") { id } }');
    });
  });

  it('traces 网上枫桥经验 upstream to 枫桥经验, with a Mermaid rendering', async () => {
    const online = await ok<{ search: Array<{ node: { slug: string; name: string } }> }>(
      '{ search(text: "网上枫桥经验", types: [MODEL]) { node { ... on GovernanceModel { slug name } } } }',
    );
    const slug = online.search.find((h) => h.node.name.includes('网上'))!.node.slug;
    const data = await ok<{
      lineage: {
        nodes: Array<{ slug: string; name: string }>;
        edges: Array<{
          from: { slug: string };
          to: { slug: string };
          relation: string;
          provenance: {
            editorial: boolean;
            basis: string | null;
            citations: Array<{ quote: string }>;
          };
        }>;
        mermaid: string;
      };
    }>(
      'query($s: String!) { lineage(slug: $s, direction: UPSTREAM, maxDepth: 5) { nodes { slug name } edges { from { slug } to { slug } relation provenance { editorial basis citations { quote } } } mermaid } }',
      { s: slug },
    );
    const fengqiao = data.lineage.nodes.find((n) => n.name === '枫桥经验');
    expect(fengqiao).toBeDefined();
    expect(data.lineage.edges.length).toBeGreaterThan(0);
    for (const e of data.lineage.edges)
      expect(
        e.provenance.citations.length > 0 || (e.provenance.editorial && e.provenance.basis),
      ).toBeTruthy();
    expect(data.lineage.mermaid.startsWith('flowchart TD')).toBe(true);
    expect(data.lineage.mermaid).toContain(`m_${fengqiao!.slug.replace(/-/g, '_')}`);
  });

  it('compares the 五治 variants and shows how their principles differ', async () => {
    const all = await ok<{ models: { edges: Array<{ node: { slug: string; name: string } }> } }>(
      '{ models(first: 100) { edges { node { slug name } } } }',
    );
    const wuzhi = all.models.edges.map((e) => e.node).filter((m) => m.name.includes('五治'));
    expect(wuzhi.length).toBeGreaterThanOrEqual(2);
    const data = await ok<{
      compareModels: {
        sharedPrinciples: Array<{ slug: string }>;
        perModel: Array<{
          model: { slug: string };
          principles: Array<{ slug: string }>;
          onlyPrinciples: Array<{ slug: string }>;
        }>;
      };
    }>(
      'query($s: [String!]!) { compareModels(slugs: $s) { sharedPrinciples { slug } perModel { model { slug } principles { slug } onlyPrinciples { slug } } } }',
      { s: wuzhi.map((m) => m.slug) },
    );
    const sides = data.compareModels.perModel.filter((s) => s.principles.length >= 5);
    expect(sides.length).toBeGreaterThanOrEqual(2);
    expect(sides.some((s) => s.onlyPrinciples.length > 0)).toBe(true);
    const shared = data.compareModels.sharedPrinciples.map((p) => p.slug);
    for (const s of data.compareModels.perModel)
      for (const p of shared) expect(s.principles.map((x) => x.slug)).toContain(p);
    expect(shared).toContain('rule-of-law');
  });

  it('lists the practices of 盘龙区 and, with includeSubregions, of its streets and communities', async () => {
    const q = `query($sub: Boolean!) { region(code: "530103") { name nameEn level ancestors { code } children(first: 100) { totalCount }
      practices(includeSubregions: $sub, first: 100) { totalCount edges { node { key region { code } } } } } }`;
    type R = {
      region: {
        name: string;
        level: string;
        ancestors: Array<{ code: string }>;
        children: { totalCount: number };
        practices: {
          totalCount: number;
          edges: Array<{ node: { key: string; region: { code: string } } }>;
        };
      };
    };
    const own = await ok<R>(q, { sub: false });
    const all = await ok<R>(q, { sub: true });
    expect(own.region).toMatchObject({ name: '盘龙区', level: 'COUNTY' });
    expect(own.region.ancestors.map((a) => a.code)).toEqual(['53', '5301']);
    expect(own.region.children.totalCount).toBeGreaterThan(5);
    expect(own.region.practices.edges.every((e) => e.node.region.code === '530103')).toBe(true);
    const below = all.region.practices.edges.filter((e) => e.node.region.code.length > 6);
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((e) => e.node.region.code.startsWith('530103'))).toBe(true);
    expect(all.region.practices.totalCount).toBe(own.region.practices.totalCount + below.length);
  });

  it("reports 盘龙区's mediation rate beside the rate computed from its counts, with its quote", async () => {
    const data = await ok<{
      observations: {
        edges: Array<{
          node: {
            value: number;
            unit: string;
            reported: string;
            computedRate: number | null;
            numerator: { value: number };
            denominator: { value: number };
            indicator: { nameEn: string };
            period: string;
            citations: Array<{ quote: string; offset: number; source: { title: string } }>;
          };
        }>;
      };
    }>(
      `{ observations(filter: { regionCode: "530103" }, first: 100) { edges { node { value unit reported computedRate period
         numerator { value } denominator { value } indicator { nameEn } citations { quote offset source { title } } } } } }`,
    );
    const rate = data.observations.edges.map((e) => e.node).find((o) => o.value === 99.97)!;
    expect(rate).toMatchObject({
      unit: 'percent',
      numerator: { value: 7279 },
      denominator: { value: 7281 },
      period: '2020',
    });
    expect(rate.computedRate).toBeCloseTo((7279 / 7281) * 100, 6);
    expect(rate.citations[0]!.source.title).toContain('2020');
    expect(rate.citations[0]!.offset).toBeGreaterThan(0);
  });

  it('pages through every practice once, with a stable totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let i = 0; i < 50; i += 1) {
      const page: {
        practices: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { key: string } }>;
        };
      } = await ok(
        'query($a: String) { practices(first: 7, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { key } } } }',
        { a: after },
      );
      total = page.practices.totalCount;
      seen.push(...page.practices.edges.map((e) => e.node.key));
      if (!page.practices.pageInfo.hasNextPage) break;
      after = page.practices.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThan(50);
  });

  it('bounds first and rejects bad ids with BAD_USER_INPUT', async () => {
    for (const q of [
      '{ practices(first: 101) { totalCount } }',
      '{ node(id: "nonsense") { id } }',
      '{ region(code: "53010") { name } }',
      '{ practices(first: 5, after: "zzz") { totalCount } }',
    ]) {
      const res = await suite.server().gql(q);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('resolves every kind of node by global id', async () => {
    const data = await ok<{
      a: { __typename: string; name: string };
      b: { __typename: string } | null;
    }>(
      '{ a: node(id: "Region:530103") { __typename ... on Region { name } } b: node(id: "Region:999999") { __typename } }',
    );
    expect(data.a).toEqual({ __typename: 'Region', name: '盘龙区' });
    expect(data.b).toBeNull();
  });

  it('finds comparable pilots for a village-compact practice, best first, each with reasons', async () => {
    const compacts = await ok<{
      practices: { edges: Array<{ node: { id: string; models: Array<{ slug: string }> } }> };
    }>(
      '{ practices(filter: { category: VILLAGE_COMPACT }, first: 10) { edges { node { id models { slug } } } } }',
    );
    const target = compacts.practices.edges[0]!.node;
    const data = await ok<{
      comparablePilots: Array<{
        score: number;
        reasons: string[];
        practice: { id: string; category: string; models: Array<{ slug: string }> };
      }>;
    }>(
      'query($id: ID!) { comparablePilots(practiceId: $id, first: 5) { score reasons practice { id category models { slug } } } }',
      { id: target.id },
    );
    const matches = data.comparablePilots;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.practice.id !== target.id && m.reasons.length > 0)).toBe(true);
    expect(matches.every((m, i) => i === 0 || matches[i - 1]!.score >= m.score)).toBe(true);
    const top = matches[0]!;
    expect(
      top.practice.category === 'VILLAGE_COMPACT' ||
        top.practice.models.some((m) => target.models.some((t) => t.slug === m.slug)),
    ).toBe(true);
  });

  it('ranks adoption candidates that have not adopted the model, naming the adopter each resembles', async () => {
    const slug = await slugByName('村规民约');
    const data = await ok<{
      model: { adopters: Array<{ region: { code: string } }> };
      adoptionCandidates: Array<{
        score: number;
        reasons: string[];
        region: { code: string; level: string };
      }>;
    }>(
      'query($s: String!) { model(slug: $s) { adopters { region { code } } } adoptionCandidates(slug: $s, first: 10) { score reasons region { code level } } }',
      { s: slug },
    );
    const adopterCounties = new Set(data.model.adopters.map((a) => a.region.code.slice(0, 6)));
    expect(data.adoptionCandidates.length).toBeGreaterThan(0);
    for (const c of data.adoptionCandidates) {
      expect(c.region.level).toBe('COUNTY');
      expect(adopterCounties.has(c.region.code)).toBe(false);
      expect(c.reasons.length).toBeGreaterThan(0);
    }
  });

  it('rejects an operation that would cost too much, before touching the database', async () => {
    const res = await suite
      .server()
      .gql(
        '{ practices(first: 100) { edges { node { observations(first: 100) { edges { node { citations { quote source { title } } } } } } } } }',
      );
    // A request error under application/json: 200, as GraphQL over HTTP asks (400 under
    // application/graphql-response+json).
    expect(res.status).toBe(200);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('rejects a query nested deeper than the limit', async () => {
    const deep = `{ region(code: "530103") { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`;
    const res = await suite.server().gql(deep);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('lets portals cache answers, and serves a repeated lookup without the database', async () => {
    const cached = await startTestServer(undefined, { RESPONSE_CACHE_SECONDS: '300' });
    try {
      const post = () =>
        fetch(cached.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ region(code: "530103") { name nameEn } }' }),
        });
      const first = await post();
      expect(first.headers.get('cache-control')).toBe('max-age=300, public');
      expect(first.headers.get('age')).toBeNull();
      const again = await post();
      expect(again.headers.get('age')).not.toBeNull();
      expect(await again.json()).toEqual(await first.json());
    } finally {
      await cached.close();
    }
  });
});
