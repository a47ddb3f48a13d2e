/**
 * Deterministic pseudo-random number generator (mulberry32) for demo data.
 * Same seed → same sequence on every platform; never use Math.random in demo generators.
 */

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(arr: readonly T[]): T;
  /** True with probability p (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /** An item chosen with probability proportional to its (non-negative) weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    const lo = Math.ceil(Math.min(min, max));
    const hi = Math.floor(Math.max(min, max));
    return lo + Math.floor(next() * (hi - lo + 1));
  };

  const pick = <T>(arr: readonly T[]): T => {
    if (arr.length === 0) throw new Error('rng.pick: empty array');
    return arr[Math.floor(next() * arr.length)] as T;
  };

  const chance = (p: number): boolean => next() < p;

  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    if (items.length === 0) throw new Error('rng.weighted: empty list');
    let total = 0;
    for (const [, w] of items) total += Math.max(0, w);
    if (total <= 0) return pick(items)[0];
    let r = next() * total;
    for (const [item, w] of items) {
      r -= Math.max(0, w);
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };

  return { next, int, pick, chance, weighted };
}
