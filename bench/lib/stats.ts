/** Order statistics for benchmark samples. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // nearest rank
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (xs: readonly number[]) => percentile(xs, 50);

/** The median of repeated runs and how far the runs spread around it (max − min, relative to the median). */
export type Repeated = { median: number; min: number; max: number; spreadPct: number; runs: number[] };

export function repeated(runs: readonly number[]): Repeated {
  const m = median(runs);
  const min = Math.min(...runs);
  const max = Math.max(...runs);
  return { median: m, min, max, spreadPct: m ? round(((max - min) / m) * 100, 1) : 0, runs: runs.map((r) => round(r, 2)) };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function latencySummary(samples: readonly number[]) {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50), 2),
    p95: round(percentile(samples, 95), 2),
    p99: round(percentile(samples, 99), 2),
    max: round(samples.length ? Math.max(...samples) : NaN, 2),
  };
}
export type LatencySummary = ReturnType<typeof latencySummary>;
