import type { CypherQuery } from '../core/db/executor';
import { RowBuilder } from '../facts/fact-rows';
import { dropUnlisted, WRITE } from '../facts/fact.statements';
import { entityOf } from '../modules';
import type { SeedBundle } from './seed-files';

/**
 * Turns the checked seed into parameterised Cypher, in dependency order: what the files no
 * longer hold goes first (so renamed keys cannot collide), then sources and quotes, then every
 * kind of node, then the edges that need both ends.
 */
export function knowledgePlan(
  bundle: SeedBundle,
  texts: ReadonlyMap<string, string>,
): CypherQuery[] {
  const rows = new RowBuilder(bundle, texts);
  const sources = rows.sources();
  const units = rows.units();
  const indicators = rows.indicators();
  const principles = rows.principles();
  const models = rows.models();
  const organizations = rows.organizations();
  const people = rows.people();
  const practices = rows.practices();
  const observations = rows.observations();
  const citations = rows.citations();

  // The keys the files hold, per label; each label's key property comes from its entity.
  const keep: Record<string, string[]> = {
    Source: sources.map((s) => s.id),
    Citation: citations.map((c) => c.id),
    Unit: units.map((u) => u.code),
    Indicator: indicators.map((i) => i.code),
    Principle: principles.map((p) => p.slug),
    GovernanceModel: models.map((m) => m.slug),
    Organization: organizations.map((o) => o.id),
    Person: people.map((p) => p.id),
    Practice: practices.map((p) => p.id),
    Observation: observations.map((o) => o.id),
  };

  return [
    ...Object.entries(keep).map(([label, keys]) => ({
      cypher: dropUnlisted(label, entityOf(label).key),
      params: { keys },
    })),
    { cypher: WRITE.source, params: { api: false, rows: sources } },
    { cypher: WRITE.citation, params: { rows: citations } },
    { cypher: WRITE.unit, params: { api: false, rows: units } },
    { cypher: WRITE.indicator, params: { api: false, rows: indicators } },
    { cypher: WRITE.principle, params: { api: false, rows: principles } },
    { cypher: WRITE.model, params: { api: false, rows: models } },
    { cypher: WRITE.modelEdges, params: { api: false, rows: models } },
    { cypher: WRITE.organization, params: { api: false, rows: organizations } },
    { cypher: WRITE.person, params: { rows: people } },
    { cypher: WRITE.practice, params: { api: false, rows: practices } },
    { cypher: WRITE.observation, params: { api: false, rows: observations } },
    {
      cypher: WRITE.rates,
      params: {
        api: false,
        rows: observations.map((o) => ({
          id: o.id,
          numerator: o.numerator,
          denominator: o.denominator,
        })),
      },
    },
  ];
}
