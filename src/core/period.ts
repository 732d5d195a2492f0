/**
 * ISO 8601 periods as the seed writes them (2020, 2020-01/2020-06, ../2020-12-31) → first/last day.
 */
export interface PeriodBounds {
  readonly start: string | null;
  readonly end: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function bound(part: string, side: 'start' | 'end'): string | null {
  if (part === '..' || part === '') return null;
  const q = /^(\d{4})-(Q[1-4]|H[12])$/.exec(part);
  if (q) {
    const y = Number(q[1]);
    const [first, last] = {
      Q1: [1, 3],
      Q2: [4, 6],
      Q3: [7, 9],
      Q4: [10, 12],
      H1: [1, 6],
      H2: [7, 12],
    }[q[2] as 'Q1'] as [number, number];
    return side === 'start'
      ? `${y}-${pad(first)}-01`
      : `${y}-${pad(last)}-${pad(lastDay(y, last))}`;
  }
  const [y, m, d] = part.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return `${y}-${pad(m!)}-${pad(d)}`;
  if (m !== undefined)
    return side === 'start' ? `${y}-${pad(m)}-01` : `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
  return side === 'start' ? `${y}-01-01` : `${y}-12-31`;
}

export function periodBounds(period: string): PeriodBounds {
  const [from, to] = period.includes('/') ? period.split('/') : [period, period];
  return { start: bound(from!, 'start'), end: bound(to!, 'end') };
}
