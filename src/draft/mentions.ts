import { romanise } from '../core/romanise';
import { slugOf } from '../core/slug';
import type { ModelKind } from '../core/vocabulary';
import { occurrences } from '../facts/citations';
import type { Mention, Sentence } from './draft-shapes';
import type { KnownName } from './draft-vocabulary';
import type { NameSpan } from './figures/nonfigure.rules';

/**
 * Known models, principles and organisations named in the report, and quoted names that may be new
 * models.
 */

/**
 * The forms a known name is written in: as the seed has it, without quotation marks, without its
 * bracketed qualifier (五治融合(太和街道:…)).
 */
export function nameVariants(name: string): string[] {
  const bare = name.replace(/[((][^))]*[))]$/, '').trim();
  return [...new Set([name, bare, bare.replace(/[“”‘’"']/g, '')])].filter((v) => v.length >= 2);
}

const sentenceAt = (sentences: readonly Sentence[], index: number): Sentence | undefined =>
  sentences.find((s) => index >= s.index && index < s.index + s.text.length);

/**
 * Every occurrence of every known name (for excusing the numerals inside them), longest names
 * first.
 */
export function knownNameSpans(text: string, names: readonly KnownName[]): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const n of names) {
    for (const form of [n.name, ...n.aliases].flatMap(nameVariants)) {
      for (const i of occurrences(text, form))
        spans.push({ start: i, end: i + form.length, name: form, kind: n.kind });
    }
  }
  return spans.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** The first sentence that names each known model, principle or organisation. */
export function knownMentions(
  text: string,
  sentences: readonly Sentence[],
  names: readonly KnownName[],
): Mention[] {
  const out: Mention[] = [];
  for (const n of names) {
    const forms = [n.name, ...n.aliases].flatMap(nameVariants);
    const hit = forms
      .map((form) => ({ form, at: text.indexOf(form) }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    const sentence = hit && sentenceAt(sentences, hit.at);
    if (!hit || !sentence) continue;
    const byName = nameVariants(n.name).includes(hit.form);
    out.push({
      kind: n.kind,
      key: n.key,
      name: n.name,
      quote: sentence.text,
      offset: sentence.offset,
      modelKind: n.modelKind,
      confidence: byName ? 0.9 : 0.75,
      reason: `the text names ${byName ? 'it' : 'an alias of it'}: “${hit.form}”`,
    });
  }
  return out;
}

const SUFFIX_KINDS: ReadonlyArray<readonly [string, ModelKind, string]> = [
  ['经验', 'EXPERIENCE', 'Experience'],
  ['机制', 'MECHANISM', 'Mechanism'],
  ['工程', 'PROGRAMME', 'Project'],
  ['模式', 'MODEL', 'Model'],
  ['工作法', 'MODEL', 'Method'],
  ['平台', 'PLATFORM', 'Platform'],
];
const CANDIDATE = /“([^“”\n]{1,24}?(?:经验|机制|工程|模式|工作法|平台))”/g;

/** Quoted names ending in 经验, 机制, 工程, 模式 … that no known name matches: candidate new models. */
export function candidateModels(
  text: string,
  sentences: readonly Sentence[],
  names: readonly KnownName[],
): Mention[] {
  const known = new Set(names.flatMap((n) => [n.name, ...n.aliases].flatMap(nameVariants)));
  const keys = new Set(names.map((n) => n.key));
  const out = new Map<string, Mention>();
  for (const m of text.matchAll(CANDIDATE)) {
    const name = m[1]!;
    const sentence = sentenceAt(sentences, m.index!);
    if (known.has(name) || out.has(name) || !sentence) continue;
    const [suffix, kind, kindEn] = SUFFIX_KINDS.find(([s]) => name.endsWith(s))!;
    const stem = name.slice(0, -suffix.length);
    let key = `${slugOf(romanise(stem)) || 'model'}-${slugOf(kindEn)}`;
    while (keys.has(key)) key = `${key}-2`;
    keys.add(key);
    out.set(name, {
      kind: 'candidate-model',
      key,
      name,
      quote: sentence.text,
      offset: sentence.offset,
      modelKind: kind,
      confidence: stem.length >= 2 ? 0.6 : 0.4,
      reason: `a quoted name ending in ${suffix} that no known model, principle or organisation has`,
    });
  }
  return [...out.values()];
}
