import { isLevel } from '../core/region-codes';
import type { Dictionary } from './bitset';
import type { PracticeRow, UnitRow } from './pilots.repository';
import { toCountyFeatures, toPracticeFeatures } from './pilots.service';
import {
  type CountyFeatures,
  type PracticeFeatures,
  scoreCandidate,
  type Scored,
  scorePilot,
} from './scoring';
import { packFeatures, type PracticeTable, type UnitTable } from './similarity-features';
import { nearestUnits, type Neighbours } from './similarity-neighbours';
import { pairScore, pilotScore } from './similarity-scores';

/**
 * The features scoring reads, packed for speed: at national scale (50,000 practices, 3,000
 * county-level units) scoring from lists per request costs seconds, and from bit sets a few
 * milliseconds. The index gives exactly the ranking of `rankPilots` / `rankCandidates` (the
 * reference, and what its tests compare it with); only the work is pruned:
 * - pilots: practices are bucketed by the part of their score that is cheap to know (shared
 *   models, field, status, kind, level) and scored in full from the best bucket down, until no
 *   bucket can reach the current tenth score;
 * - candidates: a unit's score is its best match among adopters, and that match does not depend
 *   on the model; each county keeps its K best-matching units, so its best adopter is usually
 *   the first adopter on that list, and is searched among all adopters only when none is on it.
 * Names and reasons come from the reference scorers, for the winners only.
 */
const EPS = 1e-9;

interface Ranked {
  readonly i: number;
  readonly score: number;
  readonly other?: number;
}

export class SimilarityIndex {
  private readonly practices: PracticeFeatures[];
  private readonly units: CountyFeatures[];
  private readonly names: Map<string, string>;
  private readonly byKey: Map<string, number>;
  private readonly models: Dictionary;
  private readonly p: PracticeTable;
  private readonly u: UnitTable;
  private readonly implementers: number[][];
  // Scratch for one ranking at a time (ranking is synchronous).
  private readonly shared: Uint8Array;
  private readonly halves: Int32Array;
  private readonly order: Int32Array;
  private neighbours?: Promise<Neighbours>;

  /**
   * `neighbours`: how many best-matching units each county keeps (fewer only to test the fallback).
   */
  constructor(
    rows: readonly PracticeRow[],
    unitRows: readonly UnitRow[],
    private readonly neighbourCount = 256,
  ) {
    const features = toPracticeFeatures(rows);
    this.practices = features.practices;
    this.names = features.names;
    this.units = toCountyFeatures(unitRows, this.practices);
    ({
      models: this.models,
      byKey: this.byKey,
      p: this.p,
      u: this.u,
      implementers: this.implementers,
    } = packFeatures(this.practices, this.units));
    const n = this.practices.length;
    this.shared = new Uint8Array(n);
    this.halves = new Int32Array(n);
    this.order = new Int32Array(n);
  }

  /**
   * As `rankPilots`: the practices most like `key`, best first; null when there is no such
   * practice.
   */
  pilots(key: string, first: number): Array<Scored<PracticeFeatures>> | null {
    const q = this.byKey.get(key);
    if (q === undefined) return null;
    const { order, starts, values } = this.bucketsFor(q);
    const qx = this.practices[q]!;
    const qUnit = this.units[this.p.unit[q]!]!;
    const rest =
      Math.min(3, qx.principles.length) +
      Math.min(3, qx.indicators.length) +
      (qUnit.autonomous ? 1 + 0.5 * qUnit.ethnicGroups.length : 0);
    const top: number[] = [];
    const kept: Ranked[] = [];
    for (let b = values.length - 1; b >= 0; b -= 1) {
      const bar = top.length >= first ? top[first - 1]! - EPS : EPS;
      if (values[b]! + rest < bar) break;
      for (let k = starts[b]!; k < starts[b + 1]!; k += 1) {
        const i = order[k]!;
        const score = this.pilotScore(q, i);
        if (score <= 0 || (top.length >= first && score < top[first - 1]!)) continue;
        kept.push({ i, score });
        insertDescending(top, score, first);
      }
    }
    return this.winners(kept, first, (i) => this.practices[i]!.key).map(({ i }) =>
      scorePilot(qx, this.practices[i]!, this.names),
    );
  }

  /** As `rankCandidates`: county-level units without model `slug`, by likeness to its adopters. */
  async candidates(slug: string, first: number): Promise<Array<Scored<CountyFeatures>>> {
    const m = this.models.find(slug);
    if (m === undefined) return [];
    const adopter = new Uint8Array(this.units.length);
    const adopters: number[] = [];
    for (let i = 0; i < this.units.length; i += 1) {
      if (!this.u.models.has(i, m)) continue;
      adopter[i] = 1;
      adopters.push(i);
    }
    if (adopters.length === 0) return [];
    const { near, floor } = await this.nearest();
    const kept: Ranked[] = [];
    const top: number[] = [];
    const keep = (r: Ranked) => {
      if (r.score <= 0) return;
      kept.push(r);
      insertDescending(top, r.score, first);
    };
    const deferred: number[] = [];
    this.units.forEach((unit, c) => {
      if (adopter[c] || !isLevel(unit.code, 'COUNTY')) return;
      const listed = this.listedAdopter(c, near, adopter);
      if (listed) keep(listed);
      else deferred.push(c);
    });
    // No adopter among a county's nearest units: every adopter scores at most its last listed
    // unit's score, so those counties are searched best bound first, until none can place.
    deferred.sort((a, b) => floor[b]! - floor[a]!);
    for (const c of deferred) {
      if (floor[c]! < (top.length >= first ? top[first - 1]! - EPS : EPS)) break;
      keep(this.scanAdopters(c, adopters));
    }
    return this.winners(kept, first, (i) => this.units[i]!.code).map(({ i, other }) =>
      scoreCandidate(this.units[i]!, [this.units[other!]!], this.names),
    );
  }

  /** Practices other than q by the cheap part of their score, as a counting sort on half-points. */
  private bucketsFor(q: number): { order: Int32Array; starts: Int32Array; values: number[] } {
    const n = this.practices.length;
    const { shared, halves, order } = this;
    const { category, status, level, kind } = this.p;
    shared.fill(0);
    for (const w of this.p.modelIds[q]!) for (const i of this.implementers[w]!) shared[i] += 1;
    const [qc, qs, ql, qk] = [category[q], status[q], level[q], kind[q]];
    let max = 0;
    for (let i = 0; i < n; i += 1) {
      const h =
        6 * shared[i]! +
        (category[i] === qc ? 4 : 0) +
        (status[i] === qs ? 2 : 0) +
        (kind[i] === qk ? 1 : 0) +
        (level[i] === ql ? 1 : 0);
      halves[i] = h;
      if (h > max) max = h;
    }
    const starts = new Int32Array(max + 2);
    for (let i = 0; i < n; i += 1) if (i !== q) starts[halves[i]! + 1] += 1;
    for (let b = 1; b < starts.length; b += 1) starts[b] += starts[b - 1]!;
    const fill = starts.slice();
    for (let i = 0; i < n; i += 1) if (i !== q) order[fill[halves[i]!]!++] = i;
    return { order, starts, values: Array.from({ length: max + 1 }, (_, b) => b / 2) };
  }

  private pilotScore(q: number, i: number): number {
    return pilotScore(this.p, this.u, this.units, q, i);
  }

  private pairScore(c: number, a: number): number {
    return pairScore(this.u, this.units, c, a);
  }

  /**
   * The first adopter on c's list of nearest units (best score, then unit order): its best adopter;
   * null when none is listed.
   */
  private listedAdopter(c: number, near: Int32Array, adopter: Uint8Array): Ranked | null {
    for (let k = c * this.neighbourCount; k < (c + 1) * this.neighbourCount; k += 1) {
      const a = near[k]!;
      if (a < 0) break;
      if (adopter[a]) return { i: c, score: this.pairScore(c, a), other: a };
    }
    return null;
  }

  /** c's best adopter among all, the first in unit order on a tie (as scoreCandidate). */
  private scanAdopters(c: number, adopters: readonly number[]): Ranked {
    let best: Ranked = { i: c, score: 0 };
    for (const a of adopters) {
      const score = this.pairScore(c, a);
      if (score > best.score) best = { i: c, score, other: a };
    }
    return best;
  }

  /** The neighbour lists (see nearestUnits), built on first use and kept. */
  private nearest(): Promise<Neighbours> {
    this.neighbours ??= nearestUnits(this.u, this.units, this.neighbourCount);
    return this.neighbours;
  }

  /** rank()'s order: score, then key; only the first `first`. */
  private winners(kept: Ranked[], first: number, key: (i: number) => string): Ranked[] {
    return kept
      .sort((a, b) => b.score - a.score || key(a.i).localeCompare(key(b.i)))
      .slice(0, first);
  }
}

function insertDescending(top: number[], value: number, limit: number): void {
  let at = top.length;
  while (at > 0 && top[at - 1]! < value) at -= 1;
  top.splice(at, 0, value);
  if (top.length > limit) top.length = limit;
}
