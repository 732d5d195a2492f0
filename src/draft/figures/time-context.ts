import type { LocatedQuote } from '../../facts/citations';
import { governingHeads } from '../../facts/report-parts';
import type { Section, Sentence } from '../draft-shapes';

/** What a figure's time is read from, and the years and stories around it. */

export interface TimeInput {
  readonly text: string;
  readonly sourceId: string;
  /** The report's date, YYYY-MM-DD. */
  readonly published: string;
  readonly sentence: Sentence;
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  /** UTF-16 end of the figure's words in the source. */
  readonly figureEnd: number;
  readonly unit: string;
  readonly quote: LocatedQuote;
}

/**
 * A story about one event or person (有一回, 村民张某, 两周前): its figures hold when it happened,
 * which the text does not date.
 */
const ANECDOTE =
  /有一[回次]|那一?天|某某|(?<!(?:记者|通讯员|编辑|摄影)\s*)[张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][某](?![某镇乡村县区])|(?:[两三四五六七八九十几\d]+)(?:天|周|个月)前|曾经|曾(?=有|[协帮为替使让])/;
/** Words that date a sentence of its own, so a story before it does not reach it. */
const OWN_TIME = /\d{4}年|全年|今年|本年|年内|截至|截止|目前|现有/;

/**
 * The year a figure's part is about: the first year named in its part before it, else in the
 * headings over it (the report's title: 某县2023年工作总结), as the time rule reads them.
 */
export function leadYear({ text, sentence, sections }: TimeInput): string | undefined {
  const own = yearsIn(text.slice(sections[sentence.section]!.start, sentence.index))[0]?.year;
  return own ?? governingHeads(text, sentence.index, sections).flatMap((h) => yearsIn(h))[0]?.year;
}

/** Whether the sentence tells a story, or follows one in its paragraph and dates nothing itself. */
export function inAnecdote({ sentences, sentence }: TimeInput): boolean {
  if (ANECDOTE.test(sentence.text)) return true;
  const before = sentences.filter(
    (s) => s.paragraph === sentence.paragraph && s.index < sentence.index,
  );
  const previous = before[before.length - 1];
  return previous !== undefined && ANECDOTE.test(previous.text) && !OWN_TIME.test(sentence.text);
}

/** A year that is the base of a comparison (较2019年上升), not the figure's time. */
const isBaseYear = (s: string, at: number, length: number): boolean =>
  /[较比于]$/.test(s.slice(0, at)) ||
  /^(上升|下降|同期|相比)/.test(s.slice(at + length)) ||
  SINCE.test(s.slice(at + length));
/** A year that starts a running total (2019年以来, 自2019年设立以来), not the figure's year. */
const SINCE = /^[^,,。;;\d]{0,6}以来/;

export function yearsIn(s: string): Array<{ year: string; at: number }> {
  return [...s.matchAll(/(\d{4})年(?!\d)/g)]
    .filter((m) => !isBaseYear(s, m.index!, m[0].length))
    .map((m) => ({ year: m[1]!, at: m.index! }));
}
