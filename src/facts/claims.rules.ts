import type { LineageRelation } from '../core/vocabulary';
import type { Citation, Editorial, SeedItem } from './fact.schema';

/**
 * The rule of claims (seed/FORMAT.md, "Claims"): an origin or a lineage edge is no stronger than
 * its quotes. Each carries a review; a STATED one has a quote with the words that state it, an
 * EDITORIAL one has its basis. The seed check and the API's checks of proposed facts apply it.
 */

type Model = SeedItem<'models'>;
type Claim = {
  citations?: Citation[];
  editorial?: Editorial;
  review?: { verdict: 'STATED' | 'EDITORIAL'; reason: string };
};
type Origin = NonNullable<Model['origin']>;
type Edge = NonNullable<Model['derivedFrom']>[number];

/**
 * Why: these words say a model began in a place (first, pioneered, formed there); without one, a
 * quote does not support an origin.
 */
export const BEGINNING_CUES = [
  '首创',
  '首建',
  '首次',
  '首个',
  '首家',
  '首倡',
  '率先',
  '最早',
  '发源',
  '起源',
  '诞生',
  '发端',
  '开创',
  '独创',
  '原创',
  '探索形成',
  '探索建立',
  '形成',
  '总结出',
  '创新开展',
  '治理创新',
] as const;

/**
 * Why: these verbs only say a model was carried out somewhere, which any adopter does; named in the
 * message when they are all a quote has.
 */
export const IMPLEMENTATION_VERBS = [
  '推行',
  '实行',
  '实施',
  '通过',
  '开展',
  '推广',
  '运用',
  '建立',
  '设立',
  '成立',
  '推进',
  '落实',
  '实现',
  '打造',
] as const;

/**
 * Why: the words that state each relation, so that a quote merely mentioning the target does not
 * pass as stating it. PART_OF has no words of its own: it is stated by one quote naming the part
 * and the whole.
 */
export const RELATION_CUES: {
  readonly [R in Exclude<LineageRelation, 'PART_OF'>]: readonly string[];
} = {
  EXTENSION: ['发展', '深化', '升级', '延伸', '拓展', '扩展'],
  DIGITALISATION: ['网上', '线上', '互联网', '数字', '智慧', '智能', '信息化', '在线'],
  LOCALISATION: ['实践', '因地制宜', '结合', '实际', '特色', '为抓手', '本地', '当地'],
  ADAPTATION: ['新时代', '新实践', '创新', '改造', '改进', '调整', '适应', '结合', '因地制宜'],
  INSPIRATION: ['借鉴', '学习', '启发', '参照', '参考', '效仿', '仿照'],
};

export const quoteText = (c: Citation): string => (typeof c === 'string' ? c : c.quote);

/**
 * Text compared without quotation marks and spaces (the source writes ‘吹哨报到’ where a name has
 * “吹哨报到”).
 */
const plain = (text: string): string => text.replace(/[“”‘’"'「」『』《》\s]/g, '');

/**
 * A model's name and aliases as they may stand in a quote: without the qualifier the seed appends
 * in brackets (五治融合(太和街道:…)).
 */
export function namesOf(model: Pick<Model, 'name' | 'aliases'>): string[] {
  const names = [model.name, ...(model.aliases ?? [])].map((n) =>
    plain(n.replace(/[(（][^()（）]*[)）]$/, '')),
  );
  return [...new Set(names.filter((n) => n.length >= 2))];
}

export const mentions = (quote: string, names: readonly string[]): boolean =>
  names.some((n) => plain(quote).includes(n));
const cuesIn = (quote: string, cues: readonly string[]): string[] =>
  cues.filter((c) => quote.includes(c));

/**
 * The review itself: present, and an EDITORIAL one with its basis. Returns a problem, 'editorial'
 * when nothing more is to check, or the quotes of a STATED claim.
 */
function reviewed(
  claim: Claim,
  what: string,
): { problem: string } | 'editorial' | { quotes: string[] } {
  if (!claim.review)
    return {
      problem: `${what} has no review: record review { verdict: STATED | EDITORIAL, reason } after reading its quotes`,
    };
  if (claim.review.verdict === 'EDITORIAL') {
    return claim.editorial?.basis
      ? 'editorial'
      : {
          problem: `${what} is reviewed EDITORIAL but has no editorial.basis saying what it rests on`,
        };
  }
  const quotes = (claim.citations ?? []).map(quoteText);
  return quotes.length > 0
    ? { quotes }
    : { problem: `${what} is reviewed STATED but has no citations` };
}

/**
 * An origin: STATED needs a quote that says the model began there, and its year in a quote unless
 * the year is editorial.
 */
export function originProblem(origin: Origin): string | undefined {
  const r = reviewed(origin, 'the origin');
  if (r === 'editorial') return undefined;
  if ('problem' in r) return r.problem;
  if (!r.quotes.some((q) => cuesIn(q, BEGINNING_CUES).length > 0)) {
    const verbs = [...new Set(r.quotes.flatMap((q) => cuesIn(q, IMPLEMENTATION_VERBS)))];
    const says =
      verbs.length > 0
        ? `its quotes say only that it was implemented there (${verbs.join(', ')})`
        : 'no quote says it began there';
    return `the origin is reviewed STATED but ${says}: an origin needs a quote with ${BEGINNING_CUES.slice(0, 8).join(', ')} …; make it editorial with its basis, or remove it`;
  }
  if (
    origin.year !== undefined &&
    !origin.editorial &&
    !r.quotes.some((q) => q.includes(String(origin.year)))
  ) {
    return `the origin's year ${origin.year} stands in none of its quotes: drop the year or give its editorial basis`;
  }
  return undefined;
}

/**
 * A lineage edge: STATED needs one quote naming the target and saying the relation; PART_OF, one
 * quote naming both models.
 */
export function edgeProblem(
  edge: Edge,
  model: Pick<Model, 'name' | 'aliases'>,
  target: Pick<Model, 'name' | 'aliases'> | undefined,
): string | undefined {
  const what = `the ${edge.relation} edge to ${edge.slug}`;
  const r = reviewed(edge, what);
  if (r === 'editorial') return undefined;
  if ('problem' in r) return r.problem;
  if (!target) return undefined; // an unknown slug is reported by the structure check
  const targetNames = namesOf(target);
  const naming = r.quotes.filter((q) => mentions(q, targetNames));
  if (edge.relation === 'PART_OF') {
    if (naming.some((q) => mentions(q, namesOf(model)))) return undefined;
    return `${what} is reviewed STATED but no quote names both ${model.name} and ${target.name}: a part is stated by a quote naming it with its whole`;
  }
  if (naming.length === 0) {
    return `${what} is reviewed STATED but no quote names ${target.name} or an alias: a quote naming only one model does not state a relation`;
  }
  const cues = RELATION_CUES[edge.relation];
  if (naming.some((q) => cuesIn(q, cues).length > 0)) return undefined;
  return `${what} is reviewed STATED but no quote naming ${target.name} says the relation (${cues.join(', ')}): mentioning both is not stating it`;
}
