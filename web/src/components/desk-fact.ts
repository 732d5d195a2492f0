import type { Problem } from '../api/desk-client';
import type { Fact } from '../pages/review.query';

/** Facts as the desk edits them: the seed-format object a change holds. */

/** A quote written as a bare string (the founding source's shorthand) becomes `{ quote }`. */
const citation = (c: unknown): unknown => (typeof c === 'string' ? { quote: c } : c);

/**
 * The fact as the typed input takes it. The input has every field of the seed format, as the
 * change's fact does, so the whole fact goes back (a field left out would be lost); only absent
 * values are dropped and bare quotes given their object form, which is all the input accepts.
 */
export function observationInput(fact: Fact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fact)) {
    if (value === null || value === undefined || value === '') continue;
    out[field] = field === 'citations' && Array.isArray(value) ? value.map(citation) : value;
  }
  // An undated figure has no period (the seed format's rule): a period left over from another
  // kind of time would be refused.
  if (out.time === 'UNDATED') delete out.period;
  return out;
}

export const PERIOD_KINDS = ['YEAR', 'SPAN', 'AS_OF', 'CUMULATIVE', 'UNDATED'] as const;

/** The observation's editable fields, as the form holds them (text, until saved). */
export interface ObservationDraft {
  readonly value: string;
  readonly unit: string;
  readonly time: string;
  readonly period: string;
  readonly region: string;
  readonly indicator: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function draftOf(fact: Fact): ObservationDraft {
  return {
    value: text(fact.value),
    unit: text(fact.unit),
    time: text(fact.time) || 'UNDATED',
    period: text(fact.period),
    region: text(fact.region),
    indicator: text(fact.indicator),
  };
}

/** The whole fact with the form's fields; a value that is not a number is refused here. */
export function applyDraft(
  fact: Fact,
  draft: ObservationDraft,
  notANumber: string,
): { fact: Fact; problems: Problem[] } {
  const value = Number(draft.value.trim().replace(/,/g, ''));
  const problems: Problem[] = [];
  if (draft.value.trim() === '' || !Number.isFinite(value))
    problems.push({ field: 'fact.value', message: notANumber });
  return {
    fact: { ...fact, ...draft, value, period: draft.time === 'UNDATED' ? null : draft.period },
    problems,
  };
}

/** Problems by field, without the `fact.` prefix (`value`, `citations.0`). */
export function byField(problems: readonly Problem[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    const field = p.field.replace(/^fact\./, '');
    out.set(field, out.has(field) ? `${out.get(field)}; ${p.message}` : p.message);
  }
  return out;
}
