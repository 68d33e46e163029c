import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The one seeded random source of a run. Every random choice in the simulation (generated data, fault
 * injection, latencies, round-robin tie breaks) draws from an `Rng` derived from the run's seed, never from
 * `Math.random`. `fork(label)` derives an independent, stable stream so that adding draws in one subsystem
 * does not shift the numbers another subsystem sees.
 */
export class Rng {
  readonly seed: number;
  #gen: RandomGenerator;

  constructor(seed: number) {
    this.seed = seed | 0;
    this.#gen = xoroshiro128plus(this.seed);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.#gen, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformInt(this.#gen, 0, 0x7fffffff) / 0x80000000;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.float() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Failed to pick from an empty list: give at least one item.');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A new independent stream whose seed depends only on this stream's seed and `label`. */
  fork(label: string): Rng {
    return new Rng(hashSeed(this.seed, label));
  }
}

/** Mixes a seed with a label into a new 32-bit seed (FNV-1a over the label, then a murmur finalizer). */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h | 0;
}
