import type { Figure, Sentence } from '../draft-shapes';
import { type Measure, MEASURES } from './numbers';
import { unitOf } from './units.rules';

/**
 * Figures in a simple table, as the document reader lays one out: a row per line, cells parted
 * by tabs. The header row names each column's measure (受理纠纷(件), 调解成功率(%), 涉案金额(万元));
 * a row's first cell names what the row is about (a county, 合计), so a cell's figure is the
 * column's measure of the row's subject.
 */

export interface Column {
  readonly label: string;
  readonly unit: string;
  readonly multiplier: number;
}

const CELL_NUMBER = /^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−]?\d+(?:\.\d+)?$/;
const UNIT_IN_HEADER = /[((]([^()()]{1,4})[))]\s*$/;
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['亿', 100_000_000],
  ['万', 10_000],
  ['千', 1_000],
];

export const isRow = (s: Sentence): boolean => s.text.includes('\t');
const cellsOf = (s: Sentence): string[] => s.text.split('\t').map((c) => c.trim());
const isNumberCell = (cell: string): boolean => CELL_NUMBER.test(cell);

/** A header: no cell after the first is a number. */
export const isHeader = (s: Sentence): boolean =>
  isRow(s) &&
  cellsOf(s)
    .slice(1)
    .every((c) => c !== '' && !isNumberCell(c));

/** What a header cell says of its column: its words, its unit and the multiplier of 万元 or 万人. */
export function columnOf(header: string): Column | undefined {
  const m = UNIT_IN_HEADER.exec(header);
  const label = header.replace(UNIT_IN_HEADER, '').trim();
  let word = m?.[1]?.trim() ?? '';
  if (!word) return /率$/.test(label) ? { label, unit: 'percent', multiplier: 1 } : undefined;
  let multiplier = 1;
  for (const [prefix, times] of MULTIPLIERS)
    if (word.startsWith(prefix) && word.length > 1) {
      multiplier = times;
      word = word.slice(prefix.length);
    }
  if (word === '%' || word === '％') return { label, unit: 'percent', multiplier: 1 };
  if (!(MEASURES as readonly string[]).includes(word)) return undefined;
  return { label, unit: unitOf(word as Measure, '', label).unit, multiplier };
}

/** The figures of one row under its header's columns. */
export function rowFigures(header: Sentence, row: Sentence): Figure[] {
  const columns = cellsOf(header).map((h, i) => (i === 0 ? undefined : columnOf(h)));
  const raw = row.text.split('\t');
  const subject = raw[0]!.trim();
  const out: Figure[] = [];
  let at = 0;
  raw.forEach((cellRaw, i) => {
    const cell = cellRaw.trim();
    const start = row.index + at + cellRaw.indexOf(cell);
    at += cellRaw.length + 1;
    const column = columns[i];
    if (i === 0 || !column || !isNumberCell(cell)) return;
    const value = Number(cell.replace(/,/g, '').replace('−', '-')) * column.multiplier;
    out.push({
      start,
      end: start + cell.length,
      value: Math.round(value * 1e6) / 1e6,
      unit: column.unit,
      qualifier: 'EXACT',
      label: column.label,
      noun: '',
      confidence: 0.7,
      reason: `a table cell: column “${header.text.split('\t')[i]!.trim()}”, row “${subject}”`,
    });
  });
  return out;
}
