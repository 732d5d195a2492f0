import type { SeedSummary } from './seed-load';

/** The summary `npm run seed` prints: nodes and relationships by type, quotes, warnings, time. */
export function formatSummary(s: SeedSummary): string {
  const table = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, v]) => `  ${k.padEnd(16)} ${String(v).padStart(8)}`)
      .join('\n');
  return [
    `Nodes:\n${table(s.nodes)}`,
    `Relationships:\n${table(s.relationships)}`,
    `Quotes located: ${s.quotes}`,
    `Warnings: ${s.warnings.length}${s.warnings.map((w) => `\n  ${w}`).join('')}`,
    `Time: regions ${(s.ms.regions / 1000).toFixed(1)} s, knowledge graph ${(s.ms.knowledge / 1000).toFixed(1)} s, total ${(s.ms.total / 1000).toFixed(1)} s`,
  ].join('\n');
}
