import { periodShapeProblem, timeFaults } from '../../facts/time.rules';
import type { TimeProposal } from '../draft-shapes';
import type { TimeInput } from './time-context';
import { timeReadings } from './time-readings';

/**
 * Each reading of a figure's time (time-readings.ts) is tried against the seed's own rule
 * (facts/time.rules.ts); the first the rule accepts is proposed, and where none is, the figure
 * is UNDATED with the reason, for the editor to decide.
 */

/** The first reading the seed's time rule accepts, else UNDATED with the reason. */
export function proposeTime(input: TimeInput): TimeProposal {
  const readings = timeReadings(input);
  const texts = new Map([[input.sourceId, input.text]]);
  const published = new Map([[input.sourceId, input.published]]);
  const refused: string[] = [];
  for (const r of readings) {
    const faults = [
      periodShapeProblem(r.time, r.period),
      ...timeFaults(r, [input.quote], texts, published),
    ].filter((f): f is string => Boolean(f));
    if (faults.length === 0) return r;
    refused.push(`${r.time} ${r.period}: ${faults[0]}`);
  }
  if (readings.length === 0)
    return {
      time: 'UNDATED',
      confidence: 0.5,
      reason: 'neither the sentence nor its section states when it holds',
    };
  return {
    time: 'UNDATED',
    confidence: 0.3,
    reason: `no reading the time rule accepts (${refused.join('; ')}); the editor decides`,
  };
}
