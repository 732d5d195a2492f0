import os from 'node:os';
import { makeValidator } from 'envalid';

/**
 * Value checks for configuration (config.ts reads the environment; these only judge values).
 * Each error message says what a good value looks like, since it is shown next to the variable.
 */

export const positiveInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\s*\d+\s*$/.test(input) || !Number.isSafeInteger(n) || n <= 0)
    throw new Error('must be a positive whole number');
  return n;
});

/** Durations and sizes where 0 means "off" but a negative or fractional value is a mistake. */
export const nonNegativeInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\s*\d+\s*$/.test(input) || !Number.isSafeInteger(n))
    throw new Error('must be a whole number, 0 or more');
  return n;
});

/** The local launcher starts the JVM with -Xms256m, so a smaller -Xmx stops the JVM at once. */
const MIN_HEAP_MB = 256;

/** A JVM size in MiB: "512m" → 512, "2g" → 2048; undefined when it is not one. */
export function heapMb(input: string): number | undefined {
  const match = /^(\d+)([mMgG])$/.exec(input.trim());
  if (!match) return undefined;
  return Number(match[1]) * (match[2]!.toLowerCase() === 'g' ? 1024 : 1);
}

export const heapSize = makeValidator<string>((input) => {
  const mb = heapMb(input);
  if (mb === undefined) throw new Error('must be a JVM size such as 512m or 2g');
  const totalMb = Math.floor(os.totalmem() / 2 ** 20);
  if (mb < MIN_HEAP_MB)
    throw new Error(`must be at least ${MIN_HEAP_MB}m (the local Neo4j starts with a 256m heap)`);
  if (mb > totalMb) throw new Error(`must fit in this machine's memory (${totalMb} MiB)`);
  return input.trim().toLowerCase();
});
