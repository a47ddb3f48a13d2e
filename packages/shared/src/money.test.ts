import { describe, it, expect } from 'vitest';
import { addFen, allocateFen, assertFen, fenToYuanString, formatFen, isFen, mulFen, percentOf, vatSplit, yuanToFen } from './money';

/** Tiny seeded PRNG (mulberry32) so the property tests are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random integer in [min, max]. */
function randInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

describe('assertFen / isFen', () => {
  it('accepts safe integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(-123)).toBe(true);
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isFen(0.5)).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isFen(Number.NaN)).toBe(false);
    expect(isFen('100')).toBe(false);
    expect(() => assertFen(1.5)).toThrow(RangeError);
    expect(() => assertFen(Infinity)).toThrow(RangeError);
    expect(() => assertFen(100)).not.toThrow();
  });
});

describe('addFen', () => {
  it('sums exactly', () => {
    expect(addFen()).toBe(0);
    expect(addFen(1, 2, 3)).toBe(6);
    expect(addFen(10, -25)).toBe(-15);
  });
  it('rejects non-integers and overflow', () => {
    expect(() => addFen(1, 0.5)).toThrow(RangeError);
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});

describe('mulFen', () => {
  it('multiplies by whole and decimal quantities, half-up', () => {
    expect(mulFen(1999, 3)).toBe(5997);
    expect(mulFen(333, '1.5')).toBe(500); // 499.5 → 500
    expect(mulFen(333, 1.5)).toBe(500);
    expect(mulFen(-333, '1.5')).toBe(-500); // halves round away from zero
    expect(mulFen(100, 0.1)).toBe(10); // 0.1 is taken as the decimal 0.1, not the float
    expect(mulFen(1, 0.5)).toBe(1);
    expect(mulFen(1, '0.49')).toBe(0);
    expect(mulFen(12345, '0.333')).toBe(4111); // 4110.885
    expect(mulFen(12345, 0)).toBe(0);
    expect(mulFen(1, 1e-7)).toBe(0);
    expect(mulFen(2, 1e3)).toBe(2000);
  });
  it('rejects bad input', () => {
    expect(() => mulFen(100, '1,5')).toThrow(RangeError);
    expect(() => mulFen(100, 'abc')).toThrow(RangeError);
    expect(() => mulFen(100, '1e3')).toThrow(RangeError);
    expect(() => mulFen(100, Number.NaN)).toThrow(RangeError);
    expect(() => mulFen(100, Infinity)).toThrow(RangeError);
    expect(() => mulFen(1.5, 2)).toThrow(RangeError);
    expect(() => mulFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => mulFen(1, 1e21)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('takes a percentage, half-up', () => {
    expect(percentOf(1000, 13)).toBe(130);
    expect(percentOf(999, '12.5')).toBe(125); // 124.875
    expect(percentOf(5, 10)).toBe(1); // 0.5
    expect(percentOf(4, 10)).toBe(0); // 0.4
    expect(percentOf(-5, 10)).toBe(-1);
    expect(percentOf(123456, 100)).toBe(123456);
    expect(percentOf(123456, 0)).toBe(0);
  });
});

describe('allocateFen', () => {
  it('splits by largest remainder', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateFen(7, [2, 3, 5])).toEqual([1, 2, 4]); // 1.4 2.1 3.5
    expect(allocateFen(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
    expect(allocateFen(10, [0, 1])).toEqual([0, 10]);
    expect(allocateFen(1, [1, 1])).toEqual([1, 0]);
    expect(allocateFen(0, [1, 2])).toEqual([0, 0]);
    expect(allocateFen(99999, [1])).toEqual([99999]);
  });
  it('rejects unusable weights', () => {
    expect(() => allocateFen(100, [])).toThrow(RangeError);
    expect(() => allocateFen(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateFen(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocateFen(100, [Number.NaN])).toThrow(RangeError);
    expect(() => allocateFen(0.5, [1])).toThrow(RangeError);
  });
});

describe('vatSplit', () => {
  it('splits 13% VAT with net = round(gross / 1.13)', () => {
    expect(vatSplit(11300)).toEqual({ grossFen: 11300, netFen: 10000, taxFen: 1300 });
    expect(vatSplit(100)).toEqual({ grossFen: 100, netFen: 88, taxFen: 12 }); // 88.495…
    expect(vatSplit(1)).toEqual({ grossFen: 1, netFen: 1, taxFen: 0 }); // 0.884…
    expect(vatSplit(0)).toEqual({ grossFen: 0, netFen: 0, taxFen: 0 });
    // ¥199,900.00 car: 19990000 / 1.13 = 17690265.486…
    expect(vatSplit(19990000)).toEqual({ grossFen: 19990000, netFen: 17690265, taxFen: 2299735 });
    expect(vatSplit(-11300)).toEqual({ grossFen: -11300, netFen: -10000, taxFen: -1300 });
  });
  it('takes other rates', () => {
    expect(vatSplit(10600, 0.06)).toEqual({ grossFen: 10600, netFen: 10000, taxFen: 600 });
    expect(vatSplit(10900, '0.09')).toEqual({ grossFen: 10900, netFen: 10000, taxFen: 900 });
    expect(vatSplit(500, 0)).toEqual({ grossFen: 500, netFen: 500, taxFen: 0 });
    expect(() => vatSplit(500, -0.13)).toThrow(RangeError);
    expect(() => vatSplit(5.5)).toThrow(RangeError);
  });
});

describe('yuanToFen', () => {
  it('parses plain yuan strings', () => {
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('0.5')).toBe(50);
    expect(yuanToFen('-0.05')).toBe(-5);
    expect(yuanToFen('7')).toBe(700);
    expect(yuanToFen(' 12.30 ')).toBe(1230);
    expect(yuanToFen('0012.00')).toBe(1200);
    expect(Object.is(yuanToFen('-0'), 0)).toBe(true);
    expect(yuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    // 1.15 * 100 is 114.99999999999999 in floats; parsing must not go through floats
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('4.35')).toBe(435);
  });
  it.each([
    '',
    ' ',
    '1.234',
    '1,234.56',
    '¥12',
    '1.',
    '.5',
    '+1',
    '1e3',
    'abc',
    '--1',
    '12.3.4',
    'NaN',
    'Infinity',
    '１２',
    '90071992547409.92',
  ])('rejects %j', (s) => {
    expect(() => yuanToFen(s)).toThrow(RangeError);
  });
});

describe('fenToYuanString / formatFen', () => {
  it('renders yuan strings', () => {
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(fenToYuanString(0)).toBe('0.00');
    expect(fenToYuanString(100)).toBe('1.00');
    expect(fenToYuanString(-123456)).toBe('-1234.56');
    expect(fenToYuanString(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
  it('formats for display', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(-123456)).toBe('-¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(123456, 'en-US')).toBe('¥1,234.56');
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
    expect(formatFen(123456, 'de-DE')).toBe('¥1.234,56');
  });
});

describe('properties (seeded, 10,000 random amounts)', () => {
  const N = 10_000;

  it('vatSplit: net + tax = gross, and net is gross / 1.13 rounded to the nearest fen', () => {
    const rand = mulberry32(20240613);
    for (let i = 0; i < N; i++) {
      const gross = randInt(rand, -1e12, 1e12);
      const { grossFen, netFen, taxFen } = vatSplit(gross);
      expect(grossFen).toBe(gross);
      expect(Number.isSafeInteger(netFen) && Number.isSafeInteger(taxFen)).toBe(true);
      expect(netFen + taxFen).toBe(gross);
      // |gross/1.13 − net| ≤ ½  ⇔  2·|100·gross − 113·net| ≤ 113
      expect(2n * abs(100n * BigInt(gross) - 113n * BigInt(netFen)) <= 113n).toBe(true);
    }
  });

  it('allocateFen: parts sum to the total and each is within one fen of its exact share', () => {
    const rand = mulberry32(8675309);
    for (let i = 0; i < N; i++) {
      const total = randInt(rand, -1e11, 1e11);
      const count = randInt(rand, 1, 8);
      const weights = Array.from({ length: count }, () =>
        rand() < 0.2 ? 0 : rand() < 0.5 ? randInt(rand, 1, 1000) : randInt(rand, 1, 10000) / 100,
      );
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = allocateFen(total, weights);
      expect(parts).toHaveLength(count);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      // weights have at most 2 decimals: scale them to integers for an exact comparison
      const ws = weights.map((w) => BigInt(Math.round(w * 100)));
      const wSum = ws.reduce((a, b) => a + b, 0n);
      parts.forEach((p, k) => {
        const exactTimesW = BigInt(total) * (ws[k] ?? 0n);
        expect(abs(BigInt(p) * wSum - exactTimesW) < wSum).toBe(true);
        if (ws[k] === 0n) expect(p).toBe(0);
      });
    }
  });

  it('mulFen: result is fen × qty rounded half away from zero', () => {
    const rand = mulberry32(42);
    for (let i = 0; i < N; i++) {
      const fen = randInt(rand, -1e9, 1e9);
      const qtyHundredths = randInt(rand, 0, 100000);
      const qty = `${Math.floor(qtyHundredths / 100)}.${String(qtyHundredths % 100).padStart(2, '0')}`;
      const result = mulFen(fen, qty);
      const exact100 = BigInt(fen) * BigInt(qtyHundredths); // = 100 × exact product
      const diff = BigInt(result) * 100n - exact100;
      expect(abs(diff) <= 50n).toBe(true);
      if (abs(diff) === 50n) expect(abs(BigInt(result)) * 100n > abs(exact100)).toBe(true);
    }
  });

  it('yuan strings round-trip', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < N; i++) {
      const fen = randInt(rand, -1e13, 1e13);
      expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
    }
  });
});
