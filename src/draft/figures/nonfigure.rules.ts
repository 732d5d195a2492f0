import { isChineseNumeral } from '../../facts/numerals';
import type { Sentence } from '../draft-shapes';
import type { NumberReading } from './numbers';

/**
 * Why a number is not a figure, tried in order; the first that holds is the reason the draft
 * gives in `nonFigures`. Each rule is about how Chinese reports write, never about one report.
 */

/** A span of the source that names something (a region, model, principle or organisation). */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly kind: string;
}

export interface NumberAt {
  readonly text: string;
  readonly sentence: Sentence;
  /** The token: UTF-16 index and its characters. */
  readonly index: number;
  readonly token: string;
  readonly reading: NumberReading;
  readonly names: readonly NameSpan[];
}

type Rule = (n: NumberAt) => string | undefined;

/** Lines of a web page's frame (licence numbers, screen sizes), not of the report. */
const FOOTER = /ICP|公网安备|备案|分辨率|技术支持|主办单位|版权所有|copyright/i;
/** The longest quoted name or slogan; a longer quote is someone's words. */
const MAX_NAME = 20;
/**
 * Measure words that 一 takes as an indefinite article (一个难题 "a hard problem", 一套方法 "a set of
 * methods").
 */
const ARTICLE_MEASURES = /^[个套份支种批项场名位间家条段股番道片层下张部]/;

const lineOf = (n: NumberAt): string => {
  const from = n.text.lastIndexOf('\n', n.index) + 1;
  const to = n.text.indexOf('\n', n.index);
  return n.text.slice(from, to < 0 ? n.text.length : to);
};

/** The quoted span (“…”, ‘…’, 《…》) of the sentence that holds the token, if any. */
export function quotedAround(sentence: Sentence, index: number): string | undefined {
  const at = index - sentence.index;
  for (const m of sentence.text.matchAll(/“[^“”]*”|‘[^‘’]*’|《[^《》]*》|"[^"]*"/g)) {
    if (at > m.index! && at < m.index! + m[0].length - 1) return m[0];
  }
  return undefined;
}

const footer: Rule = (n) =>
  FOOTER.test(lineOf(n))
    ? 'page furniture of the web page (licence numbers, screen size), not the report'
    : undefined;

const inName: Rule = (n) => {
  const name = n.names.find((s) => n.index >= s.start && n.index + n.token.length <= s.end);
  return name ? `part of the name ${name.name} (${name.kind}), not a figure` : undefined;
};

const quotedName: Rule = (n) => {
  const quoted = quotedAround(n.sentence, n.index);
  // A quote holding only the number (命案“0”发案) stresses a figure; a long one or one with sentence
  // punctuation is speech; any other quote is a name or slogan.
  const inside = quoted?.slice(1, -1).trim() ?? '';
  if (!quoted || inside === n.token || inside.length > MAX_NAME || /[,,。!?!?;;]/.test(inside))
    return undefined;
  return `part of the quoted name or slogan ${quoted}, not a figure`;
};

const heading: Rule = (n) =>
  n.sentence.heading
    ? 'in a headline or speaker line, which restates the body and reports nothing itself'
    : undefined;

const code: Rule = (n) => {
  const around = n.text.slice(Math.max(0, n.index - 1), n.index + n.token.length + 1);
  if (/\d[+*×xX/]\d|\d[+*×xX/]|[+*×xX/]\d/.test(around))
    return 'a label or code made of digits (1+4, 1024*768), not a count';
  if (/^\d{7,}$/.test(n.token))
    return 'an identifier (a long run of digits with no unit), not a figure';
  return undefined;
};

const relativeDate: Rule = (n) =>
  /^(个)?(周|天|日|年|个月|月)(前|后|以前|以后)/.test(n.text.slice(n.index + n.token.length))
    ? 'a relative date (两周前 "two weeks ago"), not a figure'
    : undefined;

const ordinal: Rule = (n) =>
  n.text[n.index - 1] === '第'
    ? 'an ordinal label (第十条 "Article 10", 第一期 "phase one"), not a count'
    : undefined;

const article: Rule = (n) => {
  if (n.token !== '一' || n.reading.measure === null) return undefined;
  const clauseBefore =
    n.sentence.text
      .slice(0, n.index - n.sentence.index)
      .split(/[,,;;]/)
      .pop() ?? '';
  if (/每[月周年日天]|每季度|每半年/.test(clauseBefore) || /[共仅只达]$/.test(clauseBefore))
    return undefined;
  const clauseAfter = n.text.slice(n.reading.end).split(/[,,。;;]/)[0] ?? '';
  if (/\d/.test(clauseAfter))
    return 'one of a rate\'s terms (一户补贴500元 "per household"), not a count of its own';
  if (ARTICLE_MEASURES.test(n.text.slice(n.index + 1)))
    return 'an indefinite article (一个 "a", 一套 "a set of"), not a count';
  return undefined;
};

const rhetoric: Rule = (n) => {
  if (!isChineseNumeral(n.token)) return undefined;
  const next = n.text[n.index + n.token.length];
  if (next === '大')
    return (
      'counts the items the sentence names (两大重点 "two major tasks"): a restatement of the list, ' +
      'not a measured figure'
    );
  if (next === '级')
    return 'the tiers of a structure (三级 "three-tier"): a design, not a measured figure';
  if (next === '人' && n.reading.value <= 3 && n.reading.qualifier === 'EXACT')
    return 'the people of an anecdote (兄弟两人 "the two brothers"), not a figure';
  return undefined;
};

/**
 * Words that state an aim or a forecast (力争, 争取, 力求, 目标是, 预计, 有望): what follows them in
 * their clause is a target, not a figure the report gives as reached. A plan is not among them:
 * 原本计划建设30个 reports a plan, a figure of its own (cameras planned), and 确保 often reports what
 * was ensured (确保了命案零发生).
 */
const AIM = /力争|争取|力求|目标[是为]|预计|预期|有望/;

const aim: Rule = (n) => {
  const before = n.text.slice(n.sentence.index, n.index);
  const clause = before.split(/[,,;;。:]/).pop() ?? '';
  const match = AIM.exec(clause);
  return match
    ? `a target or forecast (${match[0]} …), not a figure the report gives as reached`
    : undefined;
};

const noUnit: Rule = (n) =>
  n.reading.measure === null
    ? 'no unit of measure follows it: not a count the drafter can read (an idiom, a label or a ' +
      'name)'
    : undefined;

/**
 * Rules that hold whatever the number is; a rank (第一) or a count (第16份) is tried between them and
 * the ordinal rule.
 */
export const BEFORE_RANKS: readonly Rule[] = [footer, inName, quotedName, heading, code, aim];
export const AFTER_RANKS: readonly Rule[] = [ordinal, relativeDate, article, rhetoric, noUnit];

export const firstReason = (rules: readonly Rule[], n: NumberAt): string | undefined => {
  for (const rule of rules) {
    const reason = rule(n);
    if (reason) return reason;
  }
  return undefined;
};
