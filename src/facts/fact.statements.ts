/**
 * The seed's write statements, one per kind, each an UNWIND over rows (see fact-rows.ts). Labels,
 * types and keys are constants here, never input. Every node the seed owns is marked
 * `seeded: true`, so a reload can drop what the files no longer hold and nothing else. A node
 * written through the API (`seeded: false`) is the API's: the seed's statements pass over it
 * unless `$api` is true (the API's own publishing, which reuses these statements).
 */

/** Re-link a node's citations: drop its old CITED_BY edges, then link the current ones. */
const LINK_CITATIONS = `
  WITH n, r
  OPTIONAL MATCH (n)-[old:CITED_BY]->(:Citation)
  DELETE old
  WITH DISTINCT n, r
  UNWIND r.prov.citationIds AS cid
  MATCH (c:Citation {id: cid})
  MERGE (n)-[:CITED_BY]->(c)`;

/**
 * Drops the seeded nodes of `label` whose `key` the files no longer list (`$keys`). A quote that a
 * fact written through the API still cites stays (that fact is the API's, not the seed's).
 */
export const dropUnlisted = (label: string, key: string) =>
  label === 'Citation'
    ? `MATCH (n:Citation {seeded: true}) WHERE NOT n.${key} IN $keys AND NOT EXISTS { MATCH (x)-[:CITED_BY]->(n) WHERE x.seeded = false } DETACH DELETE n`
    : `MATCH (n:${label} {seeded: true}) WHERE NOT n.${key} IN $keys DETACH DELETE n`;

export const WRITE = {
  /**
   * Zones published through the API laid over the regions: their host and basis, and their code on
   * every unit under them (so roll-ups of the host leave them out). Run after a gazetteer load too.
   */
  apiZones: `MATCH (z:Region) WHERE z.apiCountyLevelHost IS NOT NULL
        SET z.countyLevelHost = z.apiCountyLevelHost, z.countyLevelBasis = z.apiCountyLevelBasis
        WITH z MATCH (u:Region) WHERE u.code STARTS WITH z.code SET u.zone = z.code`,
  source: `UNWIND $rows AS r MERGE (n:Source {id: r.id}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += {file: r.file, title: r.title, titleEn: r.titleEn, author: r.author, publisher: r.publisher, originalPublisher: r.originalPublisher,
                  reporters: r.reporters, published: datetime(r.published), language: r.language, kind: r.kind, sha256: r.sha256, url: r.url, text: r.text, seeded: true}`,
  citation: `UNWIND $rows AS r MERGE (c:Citation {id: r.id})
        SET c += {quote: r.quote, offset: r.offset, length: r.length, sourceId: r.source, seeded: true}
        WITH c, r MATCH (s:Source {id: r.source}) MERGE (c)-[:FROM]->(s)`,
  unit:
    'UNWIND $rows AS r MERGE (u:Unit {code: r.code}) WITH u, r WHERE $api OR coalesce(u.seeded, true) ' +
    'SET u += {name: r.name, nameEn: r.nameEn, kind: r.kind, seeded: true}',
  indicator: `UNWIND $rows AS r MERGE (n:Indicator {code: r.code}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += {name: r.name, nameEn: r.nameEn, unit: r.unit, higherIsBetter: r.higherIsBetter, description: r.description, descriptionEn: r.descriptionEn, seeded: true}
        WITH n, r OPTIONAL MATCH (n)-[old:HAS_UNIT]->() DELETE old
        WITH DISTINCT n, r MATCH (u:Unit {code: r.unit}) MERGE (n)-[:HAS_UNIT]->(u)`,
  principle: `UNWIND $rows AS r MERGE (n:Principle {slug: r.slug}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += {name: r.name, nameEn: r.nameEn, pinyin: r.pinyin, searchNames: r.searchNames, searchParts: r.searchParts, searchKeys: r.searchKeys, kind: r.kind, description: r.description, descriptionEn: r.descriptionEn, seeded: true}`,
  model: `UNWIND $rows AS r MERGE (n:GovernanceModel {slug: r.slug}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += r.props, n.seeded = true, n.editorial = r.prov.editorial, n.editorialBasis = r.prov.editorialBasis, n.editorialNote = r.prov.editorialNote, n.originYear = r.originYear
        ${LINK_CITATIONS}`,
  // Lineage, principles and origin after every model exists. Edges carry their citation ids.
  modelEdges: `UNWIND $rows AS r MATCH (n:GovernanceModel {slug: r.slug}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        OPTIONAL MATCH (n)-[old:DERIVED_FROM|HAS_PRINCIPLE|ORIGINATED_IN]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) {
          UNWIND r.parents AS d MATCH (p:GovernanceModel {slug: d.slug})
          CREATE (n)-[:DERIVED_FROM {relation: d.relation, since: d.since, note: d.note, citationIds: d.prov.citationIds,
                  editorial: d.prov.editorial, editorialBasis: d.prov.editorialBasis, editorialNote: d.prov.editorialNote, reviewVerdict: d.reviewVerdict, reviewReason: d.reviewReason}]->(p)
        }
        CALL (n, r) {
          UNWIND r.principles AS h MATCH (p:Principle {slug: h.slug})
          CREATE (n)-[:HAS_PRINCIPLE {order: h.order, note: h.note, citationIds: h.prov.citationIds, editorial: h.prov.editorial, editorialBasis: h.prov.editorialBasis, editorialNote: h.prov.editorialNote}]->(p)
        }
        CALL (n, r) {
          WITH r.origin AS o WHERE o IS NOT NULL MATCH (g:Region {code: o.region})
          CREATE (n)-[:ORIGINATED_IN {year: o.year, citationIds: o.prov.citationIds, editorial: o.prov.editorial, editorialBasis: o.prov.editorialBasis, editorialNote: o.prov.editorialNote, reviewVerdict: o.reviewVerdict, reviewReason: o.reviewReason}]->(g)
        }`,
  organization: `UNWIND $rows AS r MERGE (n:Organization {id: r.id}) WITH n, r WHERE $api OR coalesce(n.seeded, true) SET n += r.props, n.seeded = true, n.editorial = r.prov.editorial, n.editorialBasis = r.prov.editorialBasis, n.editorialNote = r.prov.editorialNote
        WITH n, r OPTIONAL MATCH (n)-[old:IN]->(:Region) DELETE old
        WITH DISTINCT n, r CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:IN]->(g) }
        ${LINK_CITATIONS}`,
  person: `UNWIND $rows AS r MERGE (n:Person {id: r.id}) SET n += r.props, n.seeded = true
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
  practice: `UNWIND $rows AS r MERGE (n:Practice {id: r.id}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += r.props, n.seeded = true, n.editorial = r.prov.editorial, n.editorialBasis = r.prov.editorialBasis, n.editorialNote = r.prov.editorialNote, n.startSort = CASE WHEN r.startSort IS NULL THEN null ELSE date(r.startSort) END
        WITH n, r OPTIONAL MATCH (n)-[old:IN|IMPLEMENTS|INVOLVES]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:IN]->(g) }
        CALL (n, r) { UNWIND r.models AS slug MATCH (m:GovernanceModel {slug: slug}) MERGE (n)-[:IMPLEMENTS]->(m) }
        CALL (n, r) { UNWIND r.organizations AS oid MATCH (o:Organization {id: oid}) MERGE (n)-[:INVOLVES]->(o) }
        ${LINK_CITATIONS}`,
  observation: `UNWIND $rows AS r MERGE (n:Observation {id: r.id}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        SET n += r.props, n.seeded = true, n.editorial = r.prov.editorial, n.editorialBasis = r.prov.editorialBasis, n.editorialNote = r.prov.editorialNote,
            n.periodStart = CASE WHEN r.periodStart IS NULL THEN null ELSE date(r.periodStart) END,
            n.periodEnd = CASE WHEN r.periodEnd IS NULL THEN null ELSE date(r.periodEnd) END
        WITH n, r OPTIONAL MATCH (n)-[old:MEASURES|FOR|ABOUT]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (i:Indicator {code: r.indicator}) MERGE (n)-[:MEASURES]->(i) }
        CALL (n, r) { MATCH (g:Region {code: r.region}) MERGE (n)-[:FOR]->(g) }
        CALL (n, r) { MATCH (p:Practice {id: r.practice}) MERGE (n)-[:ABOUT]->(p) }
        ${LINK_CITATIONS}`,
  // Rates point at the counts they were computed from, once every observation exists.
  rates: `UNWIND $rows AS r MATCH (n:Observation {id: r.id}) WITH n, r WHERE $api OR coalesce(n.seeded, true)
        OPTIONAL MATCH (n)-[old:NUMERATOR|DENOMINATOR]->() DELETE old
        WITH DISTINCT n, r
        CALL (n, r) { MATCH (x:Observation {id: r.numerator}) MERGE (n)-[:NUMERATOR]->(x) }
        CALL (n, r) { MATCH (x:Observation {id: r.denominator}) MERGE (n)-[:DENOMINATOR]->(x) }`,
} as const;
