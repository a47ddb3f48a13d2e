import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/data/rng.js';
import { chinaDay, createDayCalendar, dayOfIso, dayWeights, isoDay, poisson, springFestival } from './calendar.js';

const today = new Date('2026-06-30T04:00:00Z');

describe('day calendar', () => {
  const calendar = createDayCalendar(today, 5);

  it('covers years × 365 days up to the day before today, weights averaging 1', () => {
    expect(isoDay(calendar.todayDay)).toBe('2026-06-30');
    expect(calendar.lastDay).toBe(calendar.todayDay - 1);
    expect(calendar.days()).toHaveLength(5 * 365);
    for (const kind of ['sales', 'service'] as const) {
      const mean = calendar.days().reduce((n, d) => n + calendar.weight(d, kind), 0) / (5 * 365);
      expect(mean).toBeCloseTo(1, 9);
    }
  });

  it('has the Chinese market season: February trough, December and 金九银十 peaks, closed over the Spring Festival', () => {
    const byMonth = new Array<number>(12).fill(0);
    for (const d of calendar.days()) byMonth[new Date(d * 86_400_000).getUTCMonth()]! += calendar.weight(d, 'sales');
    const [jan, feb, , , , jun, jul, , sep, oct, , dec] = byMonth as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    expect(feb).toBeLessThan(0.85 * Math.min(jan, dec));
    expect(dec).toBeGreaterThan(jul);
    expect(sep + oct).toBeGreaterThan(2 * jul);
    expect(jun).toBeGreaterThan(jul);
    const festival = springFestival(2025);
    expect(isoDay(festival)).toBe('2025-01-29');
    expect(calendar.weight(festival + 1, 'sales')).toBeLessThan(0.3);
    expect(calendar.weight(festival + 1, 'service')).toBeLessThan(0.3);
    expect(calendar.weight(festival - 10, 'sales')).toBeGreaterThan(calendar.weight(festival - 10 + 364, 'sales') * 0.9);
    // weekends sell more cars than weekdays
    const sat = dayOfIso('2026-05-16');
    expect(dayWeights(sat).sales).toBeGreaterThan(dayWeights(sat + 2).sales);
  });

  it('draws days in proportion to their weight, within the range asked for', () => {
    const rng = createRng(42);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const d = calendar.sampleDay(rng, 'sales');
      expect(d).toBeGreaterThanOrEqual(calendar.firstDay);
      expect(d).toBeLessThanOrEqual(calendar.lastDay);
      const month = new Date(d * 86_400_000).getUTCMonth();
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    expect(counts.get(1)!).toBeLessThan(0.85 * Math.min(counts.get(0)!, counts.get(11)!));
    const from = dayOfIso('2024-03-01');
    const to = dayOfIso('2024-03-10');
    for (let i = 0; i < 1000; i++) {
      const d = calendar.sampleDay(rng, 'service', from, to);
      expect(d >= from && d <= to).toBe(true);
    }
    expect(calendar.sampleDay(rng, 'sales', from, from)).toBe(from);
  });

  it('is deterministic for a seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 50 }, () => calendar.sampleDay(a, 'sales'));
    expect(Array.from({ length: 50 }, () => calendar.sampleDay(b, 'sales'))).toEqual(xs);
  });

  it('converts China days', () => {
    expect(isoDay(chinaDay(new Date('2026-03-15T16:30:00Z')))).toBe('2026-03-16');
    expect(isoDay(chinaDay(new Date('2026-03-15T15:59:00Z')))).toBe('2026-03-15');
  });
});

describe('poisson', () => {
  for (const mean of [0.4, 3, 60, 250]) {
    it(`has mean and variance ${mean}`, () => {
      const rng = createRng(mean * 1000);
      const n = 20_000;
      const xs = Array.from({ length: n }, () => poisson(rng, mean));
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / n;
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / n) + 0.01);
      expect(v / mean).toBeGreaterThan(0.9);
      expect(v / mean).toBeLessThan(1.1);
    });
  }
  it('gives 0 for a mean of 0', () => {
    expect(poisson(createRng(1), 0)).toBe(0);
  });
});
