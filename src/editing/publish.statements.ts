import type { CypherQuery } from '../core/db/executor';
import { sha256 as sha256Of } from '../core/digest';
import { RowBuilder, verdict } from '../facts/fact-rows';
import {
  type CollectionName,
  emptyBundle,
  type Located,
  type SeedBundle,
} from '../facts/fact.schema';
import { WRITE } from '../facts/fact.statements';
import type { Actor } from './change.statements';
import { type Fact, FACT_NODES, type FactType } from './editing-facts';

/**
 * The statements that write a published fact: the seed's own statements over a bundle of one
 * item (so a fact written through the API is stored exactly as a seed file's would be), then the
 * marks that make it the API's: its version, who changed it and when, and `seeded: false`, so a
 * seed reload neither drops nor overwrites it.
 */

/** The kinds written by the seed's statements for one of its collections. */
type SeedKind = Exclude<FactType, 'SOURCE' | 'LINEAGE_LINK' | 'ZONE'>;

const COLLECTION: Record<SeedKind, CollectionName> = {
  UNIT: 'units',
  INDICATOR: 'indicators',
  MODEL: 'models',
  PRINCIPLE: 'principles',
  PRACTICE: 'practices',
  OBSERVATION: 'observations',
  ORGANIZATION: 'organizations',
};

const EMPTY: SeedBundle = emptyBundle();

function bundleOf(type: SeedKind, fact: Fact): SeedBundle {
  const one: Located<unknown> = { item: fact, file: 'api', path: 'fact' };
  return { ...EMPTY, [COLLECTION[type]]: [one] } as SeedBundle;
}

/** The node statements of the seed for one kind of fact. */
function nodeStatements(type: SeedKind, rows: RowBuilder): CypherQuery[] {
  switch (type) {
    case 'UNIT':
      return [{ cypher: WRITE.unit, params: { api: true, rows: rows.units() } }];
    case 'INDICATOR':
      return [{ cypher: WRITE.indicator, params: { api: true, rows: rows.indicators() } }];
    case 'MODEL': {
      const models = rows.models();
      return [
        { cypher: WRITE.model, params: { api: true, rows: models } },
        { cypher: WRITE.modelEdges, params: { api: true, rows: models } },
      ];
    }
    case 'PRINCIPLE':
      return [{ cypher: WRITE.principle, params: { api: true, rows: rows.principles() } }];
    case 'PRACTICE':
      return [{ cypher: WRITE.practice, params: { api: true, rows: rows.practices() } }];
    case 'ORGANIZATION':
      return [{ cypher: WRITE.organization, params: { api: true, rows: rows.organizations() } }];
    case 'OBSERVATION': {
      const observations = rows.observations();
      const rates = observations.map((o) => ({
        id: o.id,
        numerator: o.numerator,
        denominator: o.denominator,
      }));
      return [
        { cypher: WRITE.observation, params: { api: true, rows: observations } },
        { cypher: WRITE.rates, params: { api: true, rows: rates } },
      ];
    }
  }
}

const MARK = (label: string, key: string) => `MATCH (n:${label} {${key}: $key})
  SET n.seeded = false, n.version = $version, n.updatedAt = datetime(), n.updatedBy = $by
  WITH n OPTIONAL MATCH (n)-[:CITED_BY]->(c:Citation) SET c.seeded = false`;

/** Writes `fact` as version `version` of its node (or edge), in the caller's transaction. */
export function publishStatements(
  type: FactType,
  fact: Fact,
  key: string,
  version: number,
  texts: ReadonlyMap<string, string>,
  actor: Actor,
): CypherQuery[] {
  if (type === 'SOURCE') return [sourceStatement(fact as Fact<'SOURCE'>, version, actor)];
  if (type === 'LINEAGE_LINK')
    return lineageStatements(fact as Fact<'LINEAGE_LINK'>, version, texts, actor);
  if (type === 'ZONE') return zoneStatements(fact as Fact<'ZONE'>, version, texts, actor);
  const rows = new RowBuilder(bundleOf(type, fact), texts);
  const nodes = nodeStatements(type, rows);
  const { label, key: prop } = FACT_NODES[type];
  return [
    { cypher: WRITE.citation, params: { api: true, rows: rows.citations() } },
    ...nodes,
    { cypher: MARK(label, prop), params: { key, version, by: actor.by } },
  ];
}

/**
 * A zone's status: its host and basis on the zone, and the zone's code on every unit under it (so
 * roll-ups of the host leave them out), from `apiCountyLevel*`, which a reload of the gazetteer
 * lays back over the seed's regions.
 */
function zoneStatements(
  zone: Fact<'ZONE'>,
  version: number,
  texts: ReadonlyMap<string, string>,
  actor: Actor,
): CypherQuery[] {
  const rows = new RowBuilder(EMPTY, texts);
  const prov = rows.prov(zone);
  return [
    { cypher: WRITE.citation, params: { api: true, rows: rows.citations() } },
    {
      cypher: `MATCH (z:Region {code: $code})
        SET z.apiCountyLevelHost = $host, z.apiCountyLevelBasis = $basis, z.zoneVersion = $version,
          z.zoneUpdatedAt = datetime(), z.zoneUpdatedBy = $by
        WITH z OPTIONAL MATCH (z)-[old:CITED_BY]->(:Citation) DELETE old
        WITH DISTINCT z UNWIND $prov.citationIds AS cid MATCH (c:Citation {id: cid})
        MERGE (z)-[:CITED_BY]->(c) SET c.seeded = false`,
      params: { code: zone.code, host: zone.host, basis: zone.basis, prov, version, by: actor.by },
    },
    { cypher: WRITE.apiZones },
  ];
}

function sourceStatement(s: Fact<'SOURCE'>, version: number, actor: Actor): CypherQuery {
  const sha256 = sha256Of(s.text);
  return {
    cypher: `MERGE (n:Source {id: $id})
      SET n += {title: $title, titleEn: $titleEn, author: $author, publisher: $publisher, originalPublisher: $originalPublisher, reporters: $reporters,
                published: datetime($published), language: $language, kind: $kind, url: $url, text: $text, sha256: $sha256, file: null,
                originalFile: $original.file, originalMediaType: $original.mediaType, originalSha256: $original.sha256, originalBytes: $original.bytes,
                seeded: false, version: $version, updatedAt: datetime(), updatedBy: $by}`,
    params: {
      id: s.id,
      title: s.title,
      titleEn: s.titleEn ?? null,
      author: s.author ?? null,
      publisher: s.publisher ?? null,
      originalPublisher: s.originalPublisher ?? null,
      reporters: s.reporters ?? [],
      published: s.published,
      language: s.language,
      kind: s.kind,
      url: s.url ?? null,
      text: s.text,
      sha256,
      original: s.original ?? { file: null, mediaType: null, sha256: null, bytes: null },
      version,
      by: actor.by,
    },
  };
}

function lineageStatements(
  link: Fact<'LINEAGE_LINK'>,
  version: number,
  texts: ReadonlyMap<string, string>,
  actor: Actor,
): CypherQuery[] {
  const rows = new RowBuilder(EMPTY, texts);
  const prov = rows.prov(link);
  return [
    { cypher: WRITE.citation, params: { api: true, rows: rows.citations() } },
    {
      cypher: `MATCH (a:GovernanceModel {slug: $from}), (b:GovernanceModel {slug: $to})
        OPTIONAL MATCH (a)-[old:DERIVED_FROM]->(b) DELETE old
        WITH a, b CREATE (a)-[:DERIVED_FROM {relation: $relation, since: $since, note: $note, citationIds: $prov.citationIds, editorial: $prov.editorial,
          editorialBasis: $prov.editorialBasis, editorialNote: $prov.editorialNote, reviewVerdict: $reviewVerdict, reviewReason: $reviewReason,
          version: $version, updatedAt: datetime(), updatedBy: $by}]->(b)
        WITH a UNWIND $prov.citationIds AS cid MATCH (c:Citation {id: cid}) SET c.seeded = false`,
      params: {
        from: link.from,
        to: link.to,
        relation: link.relation,
        since: link.since ?? null,
        note: link.note ?? null,
        prov,
        ...verdict(link.review),
        version,
        by: actor.by,
      },
    },
  ];
}
