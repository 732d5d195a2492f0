import { CODE_LENGTH } from '../../core/region-codes';
import type { RegionLevel } from '../../core/vocabulary';
import { type Form, type FormIndex, LONGEST_FORM } from './region-forms';

/**
 * Region names in the report, resolved against the gazetteer. A county name may stand anywhere;
 * a township or village only inside the place of the part it sits in (so a namesake elsewhere is
 * never picked), a bare name only where its context vouches for it.
 */

export interface Place {
  readonly code?: string;
  readonly confidence: number;
  readonly reason: string;
  readonly candidates: readonly string[];
}

export interface RegionMention {
  readonly start: number;
  readonly end: number;
  readonly form: string;
  readonly code: string;
  readonly level: RegionLevel;
  readonly strength: Form['strength'];
  readonly candidates: readonly string[];
  readonly confidence: number;
  readonly section: number;
  /** Part of an organ's name (官渡区委政法委, 五华区人民法院): the actor, not the place of a figure. */
  readonly organ: boolean;
}

/** Where the report is from: the prefecture and province it names most. */
export interface Home {
  readonly prefecture?: string;
  readonly province?: string;
}

interface Context {
  readonly text: string;
  readonly place?: string;
  readonly home: Home;
  readonly anchors: ReadonlySet<string>;
  readonly previous?: { readonly end: number; readonly code: string; readonly level: RegionLevel };
}

const ORGAN =
  /^(委|人民政府|政府|人民法院|法院|公安|检察院|人民检察院|司法局|党委|党工委|管委会|政法委)/;
/** Part of a medium's name (无锡日报, 宾川县融媒体中心): the report's carrier, not its subject. */
const MEDIUM = /^(日报|晚报|都市报|电视台|广播电视台|融媒体中心|融媒|新闻网|新闻中心|报社|发布)/;
export const isMedium = (text: string, m: { readonly end: number }): boolean =>
  MEDIUM.test(text.slice(m.end, m.end + 6));

const STRENGTH_SCORE = { exact: 3, variant: 2, bare: 1 } as const;
const STRENGTH_CONFIDENCE = { exact: 0.9, variant: 0.75, bare: 0.6 } as const;

const under = (code: string, parent?: string): boolean =>
  parent !== undefined && code.startsWith(parent) && code !== parent;

/** Whether a form may be read at `at` in this context (see the module comment). */
function allowed(f: Form, at: number, c: Context): boolean {
  const { home } = c;
  if (f.level === 'PROVINCE' || f.level === 'PREFECTURE') {
    // A short name (延安, 山东) is a common word as often as a place: trusted only for the report's own
    // province.
    return (
      f.strength === 'exact' ||
      (f.strength === 'variant' && (!home.province || f.code.startsWith(home.province)))
    );
  }
  if (f.level === 'COUNTY') {
    if (f.strength === 'bare') return c.anchors.has(f.code);
    if (f.strength === 'variant')
      return home.province ? under(f.code, home.province) : f.form.length >= 3;
    return f.form.length >= 3 || under(f.code, home.province);
  }
  // Townships and villages only inside the place of the part they sit in, never across the
  // report; inside a whole prefecture only by a name with its kind word (大营镇, not 大营).
  if (
    !c.place ||
    c.place.length < CODE_LENGTH.PREFECTURE ||
    !(under(f.code, c.place) || f.code === c.place)
  )
    return false;
  if (c.place.length < CODE_LENGTH.COUNTY)
    return f.strength !== 'bare' && (f.level === 'TOWNSHIP' || f.form.length >= 3);
  if (f.level === 'TOWNSHIP') {
    if (f.strength !== 'bare') return true;
    const clause = c.text.slice(at + f.form.length).split(/[,,。;;]/)[0] ?? '';
    return (
      c.anchors.has(f.code) || f.form.length >= 3 || /^[^,,。]{0,12}?(街道|镇|乡)/.test(clause)
    );
  }
  // A short village name (余村, 新村) only right after its township or county (天荒坪镇余村,
  // 始兴县新村), a bare one (旧寨) only right after its township (昆阳街道旧寨).
  if (f.form.length >= 3 && f.strength !== 'bare') return true;
  return (
    c.previous !== undefined &&
    (c.previous.level === 'TOWNSHIP' || (c.previous.level === 'COUNTY' && f.strength !== 'bare')) &&
    c.previous.end === at &&
    under(f.code, c.previous.code)
  );
}

const score = (f: Form, c: Context): number =>
  STRENGTH_SCORE[f.strength] +
  (under(f.code, c.place) ? 4 : 0) +
  (f.code.startsWith(c.home.prefecture ?? '-') ? 2 : 0) +
  (f.code.startsWith(c.home.province ?? '-') ? 1 : 0);

/** The best reading of the longest form that starts at `at`, with the other units it could name. */
function readAt(
  index: FormIndex,
  at: number,
  c: Context,
): Omit<RegionMention, 'section' | 'organ'> | undefined {
  for (let length = LONGEST_FORM; length >= 2; length -= 1) {
    const form = c.text.slice(at, at + length);
    const ok = (index.get(form) ?? []).filter((f) => allowed(f, at, c));
    if (ok.length === 0) continue;
    const ranked = ok.map((f) => ({ f, s: score(f, c) })).sort((a, b) => b.s - a.s);
    const best = ranked[0]!;
    const tied = ranked.filter((r) => r.s === best.s).length > 1;
    const confidence =
      STRENGTH_CONFIDENCE[best.f.strength] -
      (tied ? 0.3 : 0) -
      (under(best.f.code, c.place) || best.f.level === 'PROVINCE' ? 0 : 0.05);
    return {
      start: at,
      end: at + length,
      form,
      code: best.f.code,
      level: best.f.level,
      strength: best.f.strength,
      candidates: ranked.slice(1, 6).map((r) => r.f.code),
      confidence,
    };
  }
  return undefined;
}

/** Every region mention in [from, to), longest first, left to right. */
export function scanMentions(
  index: FormIndex,
  c: Omit<Context, 'previous'>,
  from: number,
  to: number,
  section: number,
): RegionMention[] {
  const out: RegionMention[] = [];
  for (let at = from; at < to;) {
    const previous = out[out.length - 1];
    const found = readAt(index, at, {
      ...c,
      previous: previous && { end: previous.end, code: previous.code, level: previous.level },
    });
    if (!found || found.end > to) {
      at += 1;
      continue;
    }
    out.push({ ...found, section, organ: ORGAN.test(c.text.slice(found.end, found.end + 5)) });
    at = found.end;
  }
  return out;
}
