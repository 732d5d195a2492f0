import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Chinese words, cut by jieba (its own dictionary, loaded once, ~0.2 s). The drafter's rules are
 * about characters where characters decide (units, numerals, 共/总), and about words where only a
 * word boundary does: the verb before a counted noun (共 in 共建成 is "in all", in 共享法庭 it
 * begins the noun).
 */

let jieba: Jieba | undefined;

/** The words of `text`, in order (jieba's precise mode, without its guesses at unknown words). */
export function wordsOf(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
}

/** `text` without the leading words `drop` holds (共, 累计, 新建 …), word by word. */
export function withoutLeadingWords(text: string, drop: ReadonlySet<string>): string {
  const words = wordsOf(text);
  let i = 0;
  while (i < words.length && drop.has(words[i]!)) i += 1;
  return words.slice(i).join('');
}
