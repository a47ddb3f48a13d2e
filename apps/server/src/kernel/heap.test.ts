import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { limitHeapGrowth } from './heap.js';

describe('the heap growth setting', () => {
  it('defaults to 50 % and takes HEAP_GROWING_PERCENT from the environment', () => {
    expect(loadConfig({}, []).heapGrowingPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }, []).heapGrowingPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '100' }, []).heapGrowingPercent).toBe(100);
  });

  it('refuses a value that is not a whole number from 0 to 1000, naming the variable', () => {
    for (const bad of ['abc', '-5', '12.5', '5000']) {
      const { heapGrowingPercent } = loadConfig({ HEAP_GROWING_PERCENT: bad }, []);
      expect(() => limitHeapGrowth(heapGrowingPercent)).toThrow(/HEAP_GROWING_PERCENT/);
    }
  });
});
