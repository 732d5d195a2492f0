import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';
import { MODEL_KINDS, UNIT_KINDS } from '../core/vocabulary';
import type { Vocabulary } from '../draft/draft-vocabulary';

/**
 * The drafter's vocabulary as the graph holds it now: units, indicators and the names of models,
 * principles and organisations, those published through the API with the seed's. A report taken
 * in through the desk is drafted against it, so an indicator published last week is known.
 */

const str = z.string();
const names = z.array(
  z.object({
    key: str,
    name: str,
    aliases: z
      .array(str)
      .nullable()
      .transform((a) => a ?? []),
    kind: str.nullable(),
  }),
);
const ROW = z.object({
  units: z.array(z.object({ code: str, name: str, nameEn: str, kind: z.enum(UNIT_KINDS) })),
  indicators: z.array(
    z.object({
      code: str,
      name: str,
      nameEn: str,
      unit: str,
      higherIsBetter: z.boolean().nullable(),
    }),
  ),
  models: names,
  principles: names,
  organizations: names,
});

const known = (kind: 'principle' | 'organization') => (n: z.output<typeof names>[number]) => ({
  kind,
  key: n.key,
  name: n.name,
  aliases: n.aliases,
});

export const vocabularyQuery = (): DecodedQuery<Vocabulary> => ({
  cypher: `RETURN
    COLLECT { MATCH (u:Unit) RETURN u {.code, .name, .nameEn, .kind} ORDER BY u.code } AS units,
    COLLECT { MATCH (i:Indicator) RETURN i {.code, .name, .nameEn, .unit, .higherIsBetter} ORDER BY i.code } AS indicators,
    COLLECT { MATCH (m:GovernanceModel) RETURN {key: m.slug, name: m.name, aliases: m.aliases, kind: m.kind} ORDER BY m.slug } AS models,
    COLLECT { MATCH (p:Principle) RETURN {key: p.slug, name: p.name, aliases: [], kind: null} ORDER BY p.slug } AS principles,
    COLLECT { MATCH (o:Organization) RETURN {key: o.id, name: o.name, aliases: [], kind: null} ORDER BY o.id } AS organizations`,
  params: {},
  row: ROW.transform((r) => ({
    units: r.units,
    indicators: r.indicators,
    names: [
      ...r.models.map((m) => ({
        kind: 'model' as const,
        key: m.key,
        name: m.name,
        aliases: m.aliases,
        modelKind: (MODEL_KINDS as readonly string[]).includes(m.kind ?? '')
          ? (m.kind as (typeof MODEL_KINDS)[number])
          : undefined,
      })),
      ...r.principles.map(known('principle')),
      ...r.organizations.map(known('organization')),
    ],
  })),
});
