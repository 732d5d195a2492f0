import { periodBounds } from '../core/period';
import { knowledgeSearchProps } from '../search/search-keys';
import { codePointOffset, type LocatedQuote, locateQuote, locateReported } from './citations';
import type { Citation, Editorial, SeedBundle, SeedItem } from './fact.schema';

/**
 * The checked seed as statement parameters: one row per item, its quotes located (every
 * located quote is collected in `quotes`, keyed by citation id, to be written once).
 */
type Cited = { citations?: Citation[]; editorial?: Editorial };

export interface ProvenanceRow {
  citationIds: string[];
  editorial: boolean;
  editorialBasis: string | null;
  editorialNote: string | null;
}

/** A claim's recorded review, kept on its edge so the fact can be read back as it was written. */
export const verdict = (review: { verdict: string; reason: string } | undefined) => ({
  reviewVerdict: review?.verdict ?? null,
  reviewReason: review?.reason ?? null,
});

export class RowBuilder {
  readonly quotes = new Map<string, LocatedQuote>();

  constructor(
    private readonly bundle: SeedBundle,
    readonly texts: ReadonlyMap<string, string>,
  ) {}

  prov(cited: Cited): ProvenanceRow {
    const ids: string[] = [];
    for (const c of cited.citations ?? []) {
      const q = locateQuote(c, this.texts);
      if (typeof q === 'string') throw new Error(`unchecked seed: ${q}`);
      this.quotes.set(q.id, q);
      ids.push(q.id);
    }
    return {
      citationIds: ids,
      editorial: Boolean(cited.editorial),
      editorialBasis: cited.editorial?.basis ?? null,
      editorialNote: cited.editorial?.note ?? null,
    };
  }

  sources() {
    return this.bundle.sources.map(({ item: s }) => ({
      ...s,
      reporters: s.reporters ?? [],
      text: this.texts.get(s.id) ?? '',
      titleEn: s.titleEn ?? null,
      url: s.url ?? null,
    }));
  }

  units() {
    return this.bundle.units.map(({ item }) => item);
  }

  indicators() {
    return this.bundle.indicators.map(({ item: i }) => ({
      ...i,
      description: i.description ?? null,
      descriptionEn: i.descriptionEn ?? null,
    }));
  }

  principles() {
    return this.bundle.principles.map(({ item: p }) => ({
      ...p,
      pinyin: p.pinyin ?? null,
      description: p.description ?? null,
      descriptionEn: p.descriptionEn ?? null,
      ...knowledgeSearchProps({ name: p.name, nameEn: p.nameEn, pinyin: p.pinyin }),
    }));
  }

  models() {
    return this.bundle.models.map(({ item: m }) => ({
      slug: m.slug,
      props: {
        name: m.name,
        nameEn: m.nameEn,
        pinyin: m.pinyin,
        aliases: m.aliases ?? [],
        kind: m.kind,
        summary: m.summary ?? null,
        summaryEn: m.summaryEn ?? null,
        principlesComplete: m.principlesComplete ?? null,
        ...knowledgeSearchProps({
          name: m.name,
          aliases: m.aliases,
          nameEn: m.nameEn,
          pinyin: m.pinyin,
        }),
      },
      prov: this.prov(m),
      origin: m.origin?.region
        ? {
            region: m.origin.region,
            year: m.origin.year ?? null,
            prov: this.prov(m.origin),
            ...verdict(m.origin.review),
          }
        : null,
      originYear: m.origin?.year ?? null,
      principles: (m.principles ?? []).map((p, order) => ({
        slug: p.slug,
        order: order + 1,
        note: p.note ?? null,
        prov: this.prov(p),
      })),
      parents: (m.derivedFrom ?? []).map((d) => ({
        slug: d.slug,
        relation: d.relation,
        since: d.since ?? null,
        note: d.note ?? null,
        prov: this.prov(d),
        ...verdict(d.review),
      })),
    }));
  }

  organizations() {
    return this.bundle.organizations.map(({ item: o }) => ({
      id: o.id,
      props: {
        name: o.name,
        nameEn: o.nameEn,
        kind: o.kind,
        ...knowledgeSearchProps({ name: o.name, nameEn: o.nameEn }),
      },
      region: o.region ?? null,
      prov: this.prov(o),
    }));
  }

  people() {
    return this.bundle.people.map(({ item: p }) => ({
      id: p.id,
      props: { name: p.name, nameEn: p.nameEn ?? null },
      positions: p.positions.map((pos) => ({
        title: pos.title,
        titleEn: pos.titleEn,
        organization: pos.organization ?? null,
        region: pos.region ?? null,
        period: pos.period ?? null,
      })),
      prov: this.prov(p),
    }));
  }

  practices() {
    return this.bundle.practices.map(({ item: p }) => ({
      id: p.id,
      props: {
        name: p.name,
        nameEn: p.nameEn,
        site: p.site ?? null,
        siteEn: p.siteEn ?? null,
        category: p.category,
        status: p.status,
        startDate: p.started?.date ?? null,
        startPrecision: p.started?.precision ?? null,
        scale: p.scale ?? null,
        scaleEn: p.scaleEn ?? null,
        description: p.description ?? null,
        descriptionEn: p.descriptionEn ?? null,
        ...knowledgeSearchProps({ name: p.name, nameEn: p.nameEn, site: p.site }),
      },
      startSort: p.started ? periodBounds(p.started.date).start : null,
      region: p.region,
      models: p.models,
      organizations: p.organizations ?? [],
      prov: this.prov(p),
    }));
  }

  observations() {
    const sourceKindOf = new Map(this.bundle.sources.map((s) => [s.item.id, s.item.kind]));
    return this.bundle.observations.map(({ item: o }) => {
      const bounds = o.period ? periodBounds(o.period) : { start: null, end: null };
      const prov = this.prov(o);
      const firstQuote = this.quotes.get(prov.citationIds[0] ?? '');
      return {
        id: o.id,
        props: {
          value: o.value,
          unit: o.unit,
          qualifier: o.qualifier,
          periodKind: o.time,
          period: o.period ?? null,
          reported: o.reported,
          reportedOffset: this.reportedOffset(o, firstQuote),
          comparisonKind: o.comparison?.kind ?? null,
          basePeriod: o.comparison?.basePeriod ?? null,
          scope: o.scope ?? null,
          note: o.note ?? null,
          discrepancy: o.discrepancy ? true : null,
          computedValue: o.discrepancy?.computed ?? null,
          discrepancyNote: o.discrepancy?.note ?? null,
          sourceKind:
            o.sourceKind ?? (firstQuote ? sourceKindOf.get(firstQuote.source) : null) ?? null,
        },
        periodStart: bounds.start,
        periodEnd: bounds.end,
        indicator: o.indicator,
        region: o.region,
        practice: o.practice ?? null,
        numerator: o.numerator ?? null,
        denominator: o.denominator ?? null,
        prov,
      };
    });
  }

  /**
   * Where the reported words start in the source (code points), inside the figure's first quote.
   */
  private reportedOffset(
    o: SeedItem<'observations'>,
    quote: LocatedQuote | undefined,
  ): number | null {
    if (!quote) return null;
    const at = locateReported(quote, o.reported, o.reportedOccurrence);
    return typeof at === 'number' ? codePointOffset(this.texts.get(quote.source)!, at) : null;
  }

  /** Every quote located so far; call after the rows that cite them. */
  citations() {
    return [...this.quotes.values()].map((q) => ({
      id: q.id,
      source: q.source,
      quote: q.quote,
      offset: q.offset,
      length: q.length,
    }));
  }
}
