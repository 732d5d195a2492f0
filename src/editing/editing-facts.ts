import { z } from 'zod';
import { kebabId as kebab } from '../core/slug';
import { LINEAGE_RELATIONS, SOURCE_KINDS } from '../core/vocabulary';
import {
  citationSchema,
  editorialSchema,
  provenance,
  regionCode,
  reviewSchema,
  text,
} from '../facts/fact-fields';
import {
  modelSchema,
  organizationSchema,
  practiceSchema,
  principleSchema,
  sourceSchema,
} from '../facts/fact.schema';
import { indicatorSchema, observationSchema, unitSchema } from '../facts/figure.schema';

/**
 * The kinds of fact editors write, each in the seed files' own format (seed/FORMAT.md): what an
 * editor proposes through the API is what a seed file would hold, checked by the same rules and
 * written by the same statements.
 */
export const FACT_TYPES = [
  'SOURCE',
  'MODEL',
  'PRINCIPLE',
  'PRACTICE',
  'OBSERVATION',
  'ORGANIZATION',
  'LINEAGE_LINK',
  'UNIT',
  'INDICATOR',
  'ZONE',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** A source as an editor gives it: the full text is stored, and its sha256 computed here. */
export const sourceFactSchema = z.strictObject({
  id: kebab,
  title: z.string().trim().min(1),
  titleEn: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  publisher: z.string().trim().min(1).optional(),
  originalPublisher: z.string().trim().min(1).optional(),
  reporters: z.array(z.string().trim().min(1)).optional(),
  published: z.iso.datetime({ offset: true }),
  language: z.string().trim().min(1),
  kind: z.enum(SOURCE_KINDS),
  url: z.url().optional(),
  /** The whole text, as published: quotes are located in it. */
  text: z.string().min(1).max(2_000_000),
  /** If given, must be the text's sha256 (a check that the text arrived intact). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** The file the text was read from (a page, a Word file, a PDF), as received. */
  original: sourceSchema.shape.original,
});

/**
 * A township-level zone administered at county level (a development zone, a scenic area): its host
 * county and the basis of its status, quoted. It keeps its units out of the host's roll-ups.
 */
export const zoneFactSchema = z.strictObject({
  code: regionCode,
  host: regionCode,
  basis: text,
  citations: provenance.citations,
});

/** One lineage edge: model `from` derives from model `to`. */
export const lineageFactSchema = z.strictObject({
  from: kebab,
  to: kebab,
  relation: z.enum(LINEAGE_RELATIONS),
  since: z.number().int().min(1900).max(2100).optional(),
  note: z.string().trim().min(1).optional(),
  review: reviewSchema.optional(),
  citations: z.array(citationSchema).optional(),
  editorial: editorialSchema.optional(),
});

export const FACT_SCHEMAS = {
  SOURCE: sourceFactSchema,
  MODEL: modelSchema,
  PRINCIPLE: principleSchema,
  PRACTICE: practiceSchema,
  OBSERVATION: observationSchema,
  ORGANIZATION: organizationSchema,
  LINEAGE_LINK: lineageFactSchema,
  UNIT: unitSchema,
  INDICATOR: indicatorSchema,
  ZONE: zoneFactSchema,
} as const satisfies Record<FactType, z.ZodType>;

export type Fact<T extends FactType = FactType> = z.output<(typeof FACT_SCHEMAS)[T]>;

/**
 * Where each kind of fact lives in the graph: its label and key property (constants, never input).
 */
export const FACT_NODES: Record<
  Exclude<FactType, 'LINEAGE_LINK'>,
  { label: string; key: string }
> = {
  SOURCE: { label: 'Source', key: 'id' },
  MODEL: { label: 'GovernanceModel', key: 'slug' },
  PRINCIPLE: { label: 'Principle', key: 'slug' },
  PRACTICE: { label: 'Practice', key: 'id' },
  OBSERVATION: { label: 'Observation', key: 'id' },
  ORGANIZATION: { label: 'Organization', key: 'id' },
  UNIT: { label: 'Unit', key: 'code' },
  INDICATOR: { label: 'Indicator', key: 'code' },
  // A zone's status is a fact about a region the gazetteer holds: see ZONE_* in fact-graph.
  ZONE: { label: 'Region', key: 'code' },
};

/**
 * The pattern that matches a published fact of this kind as `n`, by `$key`. A region is a zone
 * only once its status was published through the API.
 */
export function factPattern(type: Exclude<FactType, 'LINEAGE_LINK'>): string {
  const { label, key } = FACT_NODES[type];
  const where = type === 'ZONE' ? ' WHERE n.zoneVersion IS NOT NULL' : '';
  return `(n:${label} {${key}: $key})${where}`;
}

/** The property that holds a published fact's version (a zone's is apart from its region's). */
export const versionProperty = (type: FactType): string =>
  type === 'ZONE' ? 'zoneVersion' : 'version';

/** The fact's natural key: what makes two proposals proposals about the same thing. */
export function factKey(type: FactType, fact: Fact): string {
  if (type === 'LINEAGE_LINK') {
    const link = fact as Fact<'LINEAGE_LINK'>;
    return `${link.from}>${link.to}`;
  }
  const record = fact as Record<string, unknown>;
  return String(record[FACT_NODES[type].key]);
}

/**
 * References a fact makes to other nodes, as [label, key property, key, field path]: each must
 * exist.
 */
export function factReferences(
  type: FactType,
  fact: Fact,
): Array<[string, string, string, string]> {
  const refs: Array<[string, string, string, string]> = [];
  const region = (code: string | undefined, field: string) =>
    code !== undefined && refs.push(['Region', 'code', code, field]);
  const model = (slug: string, field: string) =>
    refs.push(['GovernanceModel', 'slug', slug, field]);
  if (type === 'PRACTICE') {
    const p = fact as Fact<'PRACTICE'>;
    region(p.region, 'region');
    p.models.forEach((m, i) => model(m, `models.${i}`));
    (p.organizations ?? []).forEach((o, i) =>
      refs.push(['Organization', 'id', o, `organizations.${i}`]),
    );
  } else if (type === 'OBSERVATION') {
    const o = fact as Fact<'OBSERVATION'>;
    refs.push(['Indicator', 'code', o.indicator, 'indicator'], ['Unit', 'code', o.unit, 'unit']);
    region(o.region, 'region');
    if (o.practice) refs.push(['Practice', 'id', o.practice, 'practice']);
    if (o.numerator) refs.push(['Observation', 'id', o.numerator, 'numerator']);
    if (o.denominator) refs.push(['Observation', 'id', o.denominator, 'denominator']);
  } else if (type === 'MODEL') {
    const m = fact as Fact<'MODEL'>;
    region(m.origin?.region, 'origin.region');
    (m.principles ?? []).forEach((p, i) =>
      refs.push(['Principle', 'slug', p.slug, `principles.${i}.slug`]),
    );
    (m.derivedFrom ?? []).forEach((d, i) => model(d.slug, `derivedFrom.${i}.slug`));
  } else if (type === 'ORGANIZATION') {
    region((fact as Fact<'ORGANIZATION'>).region, 'region');
  } else if (type === 'LINEAGE_LINK') {
    const link = fact as Fact<'LINEAGE_LINK'>;
    model(link.from, 'from');
    model(link.to, 'to');
  } else if (type === 'INDICATOR') {
    refs.push(['Unit', 'code', (fact as Fact<'INDICATOR'>).unit, 'unit']);
  } else if (type === 'ZONE') {
    region((fact as Fact<'ZONE'>).code, 'code');
    region((fact as Fact<'ZONE'>).host, 'host');
  }
  return refs;
}

/** The two model slugs of a lineage link's key (`from>to`); null for a missing end. */
export function linkEnds(key: string): { from: string | null; to: string | null } {
  const [from, to] = key.split('>');
  return { from: from ?? null, to: to ?? null };
}
