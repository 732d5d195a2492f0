import type { CypherQuery } from '../db/executor';
import { codePointOffset, locateQuote, locateReported, type LocatedQuote } from './citations';
import { periodBounds } from './period';
import { searchText } from '../common/search-text';
import type { SeedBundle } from './seed.files';
import type { Citation, Editorial } from './seed.schema';

/**
 * Turns the checked seed into parameterised Cypher: one statement per kind, each an UNWIND over
 * rows. Labels, types and keys are constants here. Every node the seed owns is marked
 * `seeded: true`, so a reload can drop what the files no longer hold and nothing else.
 */

type Cited = { citations?: Citation[]; editorial?: Editorial };

export interface ProvenanceRow {
  citationIds: string[];
  editorial: boolean;
  editorialBasis: string | null;
  editorialNote: string | null;
}

function provenance(cited: Cited, texts: ReadonlyMap<string, string>, sink: Map<string, LocatedQuote>): ProvenanceRow {
  const ids: string[] = [];
  for (const c of cited.citations ?? []) {
    const q = locateQuote(c, texts);
    if (typeof q === 'string') throw new Error(`unchecked seed: ${q}`);
    sink.set(q.id, q);
    ids.push(q.id);
  }
  return { citationIds: ids, editorial: Boolean(cited.editorial), editorialBasis: cited.editorial?.basis ?? null, editorialNote: cited.editorial?.note ?? null };
}

/** Re-link a node's citations: drop its old CITED_BY edges, then link the current ones. */
const LINK_CITATIONS = `
  WITH n, r
  OPTIONAL MATCH (n)-[old:CITED_BY]->(:Citation)
  DELETE old
  WITH DISTINCT n, r
  UNWIND r.prov.citationIds AS cid
  MATCH (c:Citation {id: cid})
  MERGE (n)-[:CITED_BY]->(c)`;

export function knowledgePlan(bundle: SeedBundle, texts: ReadonlyMap<string, string>): CypherQuery[] {
  const quotes = new Map<string, LocatedQuote>();
  const prov = (c: Cited) => provenance(c, texts, quotes);
  const rows = <T, R>(list: ReadonlyArray<{ item: T }>, f: (t: T) => R) => list.map((x) => f(x.item));

  const sources = rows(bundle.sources, (s) => ({ ...s, reporters: s.reporters ?? [], text: texts.get(s.id) ?? '', titleEn: s.titleEn ?? null, url: s.url ?? null }));
  const units = rows(bundle.units, (u) => u);
  const indicators = rows(bundle.indicators, (i) => ({ ...i, description: i.description ?? null, descriptionEn: i.descriptionEn ?? null }));
  const principles = rows(bundle.principles, (p) => ({ ...p, pinyin: p.pinyin ?? null, description: p.description ?? null, descriptionEn: p.descriptionEn ?? null, pinyinPlain: searchText(p.name).pinyinPlain }));
  const models = rows(bundle.models, (m) => ({
    slug: m.slug,
    props: {
      name: m.name, nameEn: m.nameEn, pinyin: m.pinyin, aliases: m.aliases ?? [], kind: m.kind, summary: m.summary ?? null, summaryEn: m.summaryEn ?? null,
      principlesComplete: m.principlesComplete ?? null, ...searchText(m.name, m.aliases),
    },
    prov: prov(m),
    origin: m.origin?.region ? { region: m.origin.region, year: m.origin.year ?? null, prov: prov(m.origin) } : null,
    originYear: m.origin?.year ?? null,
    principles: (m.principles ?? []).map((p, order) => ({ slug: p.slug, order: order + 1, note: p.note ?? null, prov: prov(p) })),
    parents: (m.derivedFrom ?? []).map((d) => ({ slug: d.slug, relation: d.relation, since: d.since ?? null, note: d.note ?? null, prov: prov(d) })),
  }));
  const organizations = rows(bundle.organizations, (o) => ({ id: o.id, props: { name: o.name, nameEn: o.nameEn, kind: o.kind }, region: o.region ?? null, prov: prov(o) }));
  const people = rows(bundle.people, (p) => ({
    id: p.id,
    props: { name: p.name, nameEn: p.nameEn ?? null },
    positions: p.positions.map((pos) => ({ title: pos.title, titleEn: pos.titleEn, organization: pos.organization ?? null, region: pos.region ?? null, period: pos.period ?? null })),
    prov: prov(p),
  }));
  const practices = rows(bundle.practices, (p) => ({
    id: p.id,
    props: {
      name: p.name, nameEn: p.nameEn, site: p.site ?? null, siteEn: p.siteEn ?? null, category: p.category, status: p.status,
      startDate: p.started?.date ?? null, startPrecision: p.started?.precision ?? null,
      scale: p.scale ?? null, scaleEn: p.scaleEn ?? null, description: p.description ?? null, descriptionEn: p.descriptionEn ?? null,
      aliasesText: p.site ?? '', pinyinPlain: searchText(p.name).pinyinPlain,
    },
    startSort: p.started ? periodBounds(p.started.date).start : null,
    region: p.region,
    models: p.models,
    organizations: p.organizations ?? [],
    prov: prov(p),
  }));
  const sourceKindOf = new Map(bundle.sources.map((s) => [s.item.id, s.item.kind]));
  const observations = rows(bundle.observations, (o) => {
    const bounds = periodBounds(o.period);
    const p = prov(o);
    const firstQuote = quotes.get(p.citationIds[0] ?? '');
    const firstSource = firstQuote?.source;
    const reportedAt = firstQuote ? locateReported(firstQuote, o.reported, o.reportedOccurrence) : undefined;
    return {
      id: o.id,
      props: {
        value: o.value, unit: o.unit, qualifier: o.qualifier, period: o.period, reported: o.reported,
        reportedOffset: typeof reportedAt === 'number' ? codePointOffset(texts.get(firstSource!)!, reportedAt) : null,
        comparisonKind: o.comparison?.kind ?? null, basePeriod: o.comparison?.basePeriod ?? null, scope: o.scope ?? null, note: o.note ?? null,
        sourceKind: o.sourceKind ?? (firstSource ? sourceKindOf.get(firstSource) : null) ?? null,
      },
      periodStart: bounds.start,
      periodEnd: bounds.end,
      indicator: o.indicator,
      region: o.region,
      practice: o.practice ?? null,
      numerator: o.numerator ?? null,
      denominator: o.denominator ?? null,
      prov: p,
    };
  });
  const citations = [...quotes.values()].map((q) => ({ id: q.id, source: q.source, quote: q.quote, offset: q.offset, length: q.length }));

  const keep = {
    Source: sources.map((s) => s.id), Citation: citations.map((c) => c.id), Unit: units.map((u) => u.code), Indicator: indicators.map((i) => i.code),
    Principle: principles.map((p) => p.slug), GovernanceModel: models.map((m) => m.slug), Organization: organizations.map((o) => o.id),
    Person: people.map((p) => p.id), Practice: practices.map((p) => p.id), Observation: observations.map((o) => o.id),
  };
  const KEY: Record<keyof typeof keep, string> = {
    Source: 'id', Citation: 'id', Unit: 'code', Indicator: 'code', Principle: 'slug', GovernanceModel: 'slug',
    Organization: 'id', Person: 'id', Practice: 'id', Observation: 'id',
  };

  return [
    // What the files no longer hold goes first, so renamed keys cannot collide.
    ...Object.entries(keep).map(([label, keys]) => ({
      cypher: `MATCH (n:${label} {seeded: true}) WHERE NOT n.${KEY[label as keyof typeof keep]} IN $keys DETACH DELETE n`,
      params: { keys },
    })),
    {
      cypher: `UNWIND $rows AS r MERGE (n:Source {id: r.id})
        SET n += {file: r.file, title: r.title, titleEn: r.titleEn, author: r.author, publisher: r.publisher, originalPublisher: r.originalPublisher,
                  reporters: r.reporters, published: datetime(r.published), language: r.language, kind: r.kind, sha256: r.sha256, url: r.url, text: r.text, seeded: true}`,
      params: { rows: sources },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (c:Citation {id: r.id})
        SET c += {quote: r.quote, offset: r.offset, length: r.length, sourceId: r.source, seeded: true}
        WITH c, r MATCH (s:Source {id: r.source}) MERGE (c)-[:FROM]->(s)`,
      params: { rows: citations },
    },
    { cypher: 'UNWIND $rows AS r MERGE (u:Unit {code: r.code}) SET u += {name: r.name, nameEn: r.nameEn, kind: r.kind, seeded: true}', params: { rows: units } },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Indicator {code: r.code})
        SET n += {name: r.name, nameEn: r.nameEn, unit: r.unit, higherIsBetter: r.higherIsBetter, description: r.description, descriptionEn: r.descriptionEn, seeded: true}
        WITH n, r OPTIONAL MATCH (n)-[old:HAS_UNIT]->() DELETE old
        WITH DISTINCT n, r MATCH (u:Unit {code: r.unit}) MERGE (n)-[:HAS_UNIT]->(u)`,
      params: { rows: indicators },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Principle {slug: r.slug})
        SET n += {name: r.name, nameEn: r.nameEn, pinyin: r.pinyin, pinyinPlain: r.pinyinPlain, kind: r.kind, description: r.description, descriptionEn: r.descriptionEn, seeded: true}`,
      params: { rows: principles },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:GovernanceModel {slug: r.slug})
        SET n += r.props, n.seeded = true, n.editorial = r.prov.editorial, n.editorialBasis = r.prov.editorialBasis, n.originYear = r.originYear
        ${LINK_CITATIONS}`,
      params: { rows: models },
    },
    {
      // Lineage, principles and origin after every model exists. Edges carry their citation ids.
      cypher: `UNWIND $rows AS r MATCH (n:GovernanceModel {slug: r.slug})
        OPTIONAL MATCH (n)-[old:DERIVED_FROM|HAS_PRINCIPLE|ORIGINATED_IN]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) {
          UNWIND r.parents AS d MATCH (p:GovernanceModel {slug: d.slug})
          CREATE (n)-[:DERIVED_FROM {relation: d.relation, since: d.since, note: d.note, citationIds: d.prov.citationIds,
                  editorial: d.prov.editorial, editorialBasis: d.prov.editorialBasis, editorialNote: d.prov.editorialNote}]->(p)
        }
        CALL (n, r) {
          UNWIND r.principles AS h MATCH (p:Principle {slug: h.slug})
          CREATE (n)-[:HAS_PRINCIPLE {order: h.order, note: h.note, citationIds: h.prov.citationIds, editorial: h.prov.editorial, editorialBasis: h.prov.editorialBasis}]->(p)
        }
        CALL (n, r) {
          WITH r.origin AS o WHERE o IS NOT NULL MATCH (g:Region {code: o.region})
          CREATE (n)-[:ORIGINATED_IN {year: o.year, citationIds: o.prov.citationIds, editorial: o.prov.editorial, editorialBasis: o.prov.editorialBasis, editorialNote: o.prov.editorialNote}]->(g)
        }`,
      params: { rows: models },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Organization {id: r.id}) SET n += r.props, n.seeded = true
        WITH n, r OPTIONAL MATCH (n)-[old:IN]->(:Region) DELETE old
        WITH DISTINCT n, r CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:IN]->(g) }
        ${LINK_CITATIONS}`,
      params: { rows: organizations },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Person {id: r.id}) SET n += r.props, n.seeded = true
        WITH n, r OPTIONAL MATCH (n)-[old:HOLDS_POSITION]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) {
          UNWIND r.positions AS pos
          OPTIONAL MATCH (o:Organization {id: pos.organization})
          OPTIONAL MATCH (g:Region {code: pos.region})
          WITH pos, coalesce(o, g) AS target WHERE target IS NOT NULL
          CREATE (n)-[:HOLDS_POSITION {title: pos.title, titleEn: pos.titleEn, period: pos.period, region: pos.region}]->(target)
        }
        ${LINK_CITATIONS}`,
      params: { rows: people },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Practice {id: r.id})
        SET n += r.props, n.seeded = true, n.startSort = CASE WHEN r.startSort IS NULL THEN null ELSE date(r.startSort) END
        WITH n, r OPTIONAL MATCH (n)-[old:IN|IMPLEMENTS|INVOLVES]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:IN]->(g) }
        CALL (n, r) { UNWIND r.models AS slug MATCH (m:GovernanceModel {slug: slug}) MERGE (n)-[:IMPLEMENTS]->(m) }
        CALL (n, r) { UNWIND r.organizations AS oid MATCH (o:Organization {id: oid}) MERGE (n)-[:INVOLVES]->(o) }
        ${LINK_CITATIONS}`,
      params: { rows: practices },
    },
    {
      cypher: `UNWIND $rows AS r MERGE (n:Observation {id: r.id})
        SET n += r.props, n.seeded = true,
            n.periodStart = CASE WHEN r.periodStart IS NULL THEN null ELSE date(r.periodStart) END,
            n.periodEnd = CASE WHEN r.periodEnd IS NULL THEN null ELSE date(r.periodEnd) END
        WITH n, r OPTIONAL MATCH (n)-[old:MEASURES|FOR|ABOUT]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (i:Indicator {code: r.indicator}) MERGE (n)-[:MEASURES]->(i) }
        CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:FOR]->(g) }
        CALL (n, r) { MATCH (p:Practice {id: r.practice}) MERGE (n)-[:ABOUT]->(p) }
        ${LINK_CITATIONS}`,
      params: { rows: observations },
    },
    {
      // Rates point at the counts they were computed from, once every observation exists.
      cypher: `UNWIND $rows AS r MATCH (n:Observation {id: r.id})
        OPTIONAL MATCH (n)-[old:NUMERATOR|DENOMINATOR]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (x:Observation {id: r.numerator}) MERGE (n)-[:NUMERATOR]->(x) }
        CALL (n, r) { MATCH (x:Observation {id: r.denominator}) MERGE (n)-[:DENOMINATOR]->(x) }`,
      params: { rows: observations.map((o) => ({ id: o.id, numerator: o.numerator, denominator: o.denominator })) },
    },
  ];
}
