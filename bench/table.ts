import { type CaseResult, type Form, FORMS } from './forms';
import { type Measured, median } from './measure';

const fmt = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? '—' : (a / b).toFixed(2);
const of = (forms: Record<Form, Measured[]>) => (f: Form, k: keyof Measured) =>
  median(forms[f].map((x) => x[k] as number | null));

/** The console line of one concurrency: req/s and p50 of each form. */
export function formsLine(forms: Record<Form, Measured[]>): string {
  const m = of(forms);
  return FORMS.map((f) => `${f} ${fmt(m(f, 'rps'), 0)} req/s p50 ${fmt(m(f, 'p50'))} ms`).join(
    ' | ',
  );
}

const HEADER = [
  '| scale | operation | c | Zhili req/s | peer req/s | raw req/s | floor req/s | Zhili ÷ peer | ' +
    'Zhili ÷ raw | Zhili ÷ floor | p50 Zhili / peer / raw / floor (ms) | p95 Zhili / peer / raw ' +
    '(ms) | p99 Zhili (ms) | Bolt trips | equal |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];

/** The results as the Markdown table of docs/performance.md. */
export function table(results: readonly CaseResult[]): string {
  const rows = [...HEADER];
  for (const r of results) {
    for (const [n, forms] of Object.entries(r.runs)) {
      const m = of(forms);
      const rps = (f: Form) => m(f, 'rps');
      // Slow forms (seconds per request) keep two decimals.
      const req = (f: Form) => fmt(rps(f), (rps(f) ?? 10) < 10 ? 2 : 0);
      const ms = (k: keyof Measured, fs: readonly Form[]) =>
        fs.map((f) => fmt(m(f, k))).join(' / ');
      rows.push(
        `| ${r.scale} | ${r.name} | ${n} | ${FORMS.map(req).join(' | ')} | ` +
          `${ratio(rps('zhili'), rps('peer'))} | ${ratio(rps('zhili'), rps('raw'))} | ` +
          `${ratio(rps('zhili'), rps('floor'))} | ${ms('p50', FORMS)} | ` +
          `${ms('p95', ['zhili', 'peer', 'raw'])} | ${fmt(m('zhili', 'p99'))} | ${r.boltTrips} | ` +
          `${r.equal ? 'yes' : 'NO'} |`,
      );
    }
  }
  return rows.join('\n');
}
