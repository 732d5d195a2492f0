/**
 * How many times this process has changed the graph (published or retracted a fact). The response
 * cache keys answers by it, so an answer cached before a change is never served after it by this
 * process. Other processes and CDNs still serve theirs until their max-age runs out.
 */
let generation = 0;

export const graphGeneration = (): number => generation;

export function noteGraphChanged(): void {
  generation += 1;
}
