// How far the server's JavaScript heap may grow past what is alive before V8 collects its old generation.
import v8 from 'node:v8';

/**
 * V8 lets the old generation grow to as much as four times what survived the last full collection before collecting it
 * again (the factor rises with allocation throughput). Under a burst of concurrent requests, the objects of the requests
 * in flight outlive young collections and are promoted, so the heap — and the process's resident memory, which V8 seldom
 * gives back — grows to several times the live data. `percent` sets the factor to 1 + percent/100: 50 keeps the heap near
 * what is alive for a little more collection work. 0 leaves V8's own heuristics.
 */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new Error(
      `HEAP_GROWING_PERCENT must be a whole number from 0 to 1000 (it is ${Number.isNaN(percent) ? 'not a number' : percent})`,
    );
  }
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
