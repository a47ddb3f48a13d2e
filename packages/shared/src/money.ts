/**
 * Money in integer fen (分, 1/100 yuan). Amounts are never stored as floats.
 *
 * Rounding: every rounding in this module is "half-up" in the 四舍五入 sense,
 * i.e. halves round away from zero (like Java's RoundingMode.HALF_UP), so a
 * negative amount (refund, credit note) always mirrors the positive one:
 * 2.5 → 3 and −2.5 → −3. All intermediate arithmetic is done in BigInt, so
 * results are exact for every safe-integer amount.
 */

/** An amount in fen. Always a safe integer (Number.isSafeInteger). */
export type Fen = number;

/** A decimal quantity, rate or percentage: a finite number or a plain decimal string ("1.5", "-2", "0.125"). */
export type DecimalInput = number | string;

export type VatSplit = {
  /** Tax-inclusive amount, as given. */
  grossFen: Fen;
  /** Amount without VAT: round-half-up(gross / (1 + rate)). */
  netFen: Fen;
  /** gross − net. */
  taxFen: Fen;
};

/** Default VAT rate for goods and repair/maintenance services. */
export const DEFAULT_VAT_RATE = 0.13;

export function isFen(n: unknown): n is Fen {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

/** Throws a RangeError unless `n` is a safe integer number of fen. */
export function assertFen(n: unknown, label = 'amount'): asserts n is Fen {
  if (!isFen(n)) {
    throw new RangeError(`${label} must be a safe integer number of fen, got ${String(n)}`);
  }
}

/** Sum of fen amounts; throws if an operand or the result is not a safe integer. */
export function addFen(...xs: Fen[]): Fen {
  let sum = 0n;
  xs.forEach((x, i) => {
    assertFen(x, `addFen operand ${i}`);
    sum += BigInt(x);
  });
  return toFen(sum, 'addFen result');
}

/**
 * fen × quantity, rounded half-up to the fen. `qty` may be a decimal
 * (1.5 litres, "0.75" hours); a string avoids any float ambiguity.
 */
export function mulFen(fen: Fen, qty: DecimalInput): Fen {
  assertFen(fen);
  const q = parseDecimal(qty, 'quantity');
  return toFen(divRoundHalfUp(BigInt(fen) * q.units, pow10(q.scale)), 'mulFen result');
}

/** `percent`% of `fen`, rounded half-up to the fen. percentOf(1000, 13) === 130; percentOf(999, "12.5") === 125. */
export function percentOf(fen: Fen, percent: DecimalInput): Fen {
  assertFen(fen);
  const p = parseDecimal(percent, 'percent');
  return toFen(divRoundHalfUp(BigInt(fen) * p.units, 100n * pow10(p.scale)), 'percentOf result');
}

/**
 * Splits `total` in proportion to `weights` with the largest-remainder method.
 * The parts always sum exactly to `total`. Ties in the remainder go to the
 * earlier weight. A negative total is split like its absolute value and negated.
 * Weights must be finite and non-negative, with a positive sum.
 */
export function allocateFen(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, 'total');
  if (weights.length === 0) throw new RangeError('allocateFen needs at least one weight');
  const parsed = weights.map((w, i) => {
    const d = parseDecimal(w, `weight ${i}`);
    if (d.units < 0n) throw new RangeError(`weight ${i} must not be negative, got ${String(w)}`);
    return d;
  });
  const maxScale = parsed.reduce((m, d) => (d.scale > m ? d.scale : m), 0);
  const ws = parsed.map((d) => d.units * pow10(maxScale - d.scale));
  const weightSum = ws.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('allocateFen needs a positive sum of weights');

  const negative = total < 0;
  const abs = BigInt(Math.abs(total));
  const parts = ws.map((w) => (abs * w) / weightSum);
  const remainders = ws.map((w) => (abs * w) % weightSum);
  let leftover = abs - parts.reduce((a, b) => a + b, 0n);
  const order = ws
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra === rb) return a - b;
      return ra > rb ? -1 : 1;
    });
  for (const i of order) {
    if (leftover === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((p) => Number(negative ? -p : p));
}

/**
 * Splits a tax-inclusive amount into net and tax:
 * net = round-half-up(gross / (1 + rate)), tax = gross − net. Exact integer arithmetic.
 * vatSplit(11300) → { grossFen: 11300, netFen: 10000, taxFen: 1300 }.
 */
export function vatSplit(grossFen: Fen, rate: DecimalInput = DEFAULT_VAT_RATE): VatSplit {
  assertFen(grossFen, 'grossFen');
  const r = parseDecimal(rate, 'rate');
  if (r.units < 0n) throw new RangeError(`VAT rate must not be negative, got ${String(rate)}`);
  const scale = pow10(r.scale);
  const netFen = Number(divRoundHalfUp(BigInt(grossFen) * scale, scale + r.units));
  return { grossFen, netFen, taxFen: grossFen - netFen };
}

/**
 * Parses a yuan amount string into fen: "1234.56" → 123456, "-0.5" → -50, "7" → 700.
 * Accepts an optional leading minus, digits, and at most two decimals; surrounding
 * whitespace is ignored. Anything else (thousands separators, "¥", exponents, "1.",
 * ".5", "1.234") throws a RangeError, as does an amount beyond the safe-integer range.
 */
export function yuanToFen(input: string): Fen {
  if (typeof input !== 'string') throw new TypeError('yuanToFen expects a string');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${JSON.stringify(input)}`);
  const [, minus, int = '0', frac = ''] = m;
  const fen = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  return toFen(minus ? -fen : fen, `yuan amount ${JSON.stringify(input)}`);
}

/** 123456 → "1234.56", -5 → "-0.05", 100 → "1.00". No grouping, no currency sign. */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

/**
 * Display form: 123456 → "¥1,234.56", -123456 → "-¥1,234.56".
 * `locale` only chooses the digit grouping and decimal separator (default zh-CN);
 * the sign is always "¥" and digits are always Latin.
 */
export function formatFen(fen: Fen, locale = 'zh-CN'): string {
  assertFen(fen);
  const { integer, decimal } = formatters(locale);
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  return `${fen < 0 ? '-' : ''}¥${integer.format(yuan)}${decimal}${String(cents).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------

type Decimal = { units: bigint; scale: number };

const formatterCache = new Map<string, { integer: Intl.NumberFormat; decimal: string }>();

function formatters(locale: string): { integer: Intl.NumberFormat; decimal: string } {
  let f = formatterCache.get(locale);
  if (!f) {
    const integer = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      useGrouping: true,
      numberingSystem: 'latn',
    });
    const decimal =
      new Intl.NumberFormat(locale, { minimumFractionDigits: 1, numberingSystem: 'latn' })
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal')?.value ?? '.';
    f = { integer, decimal };
    formatterCache.set(locale, f);
  }
  return f;
}

function toFen(n: bigint, label: string): Fen {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${label} is outside the safe-integer range of fen`);
  }
  return Number(n);
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** n / d rounded half away from zero; d > 0. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const absR = r < 0n ? -r : r;
  if (2n * absR >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/**
 * Exact decimal value of a finite number (its shortest round-trip form, so 1.1 is 11/10)
 * or of a decimal string like "-12.50". Strings may not use exponents or separators.
 */
function parseDecimal(x: DecimalInput, label: string): Decimal {
  let text: string;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new RangeError(`${label} must be finite, got ${String(x)}`);
    text = String(x);
  } else if (typeof x === 'string') {
    text = x.trim();
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(text)) {
      throw new RangeError(`${label} is not a decimal number: ${JSON.stringify(x)}`);
    }
  } else {
    throw new TypeError(`${label} must be a number or a decimal string`);
  }
  const m = /^([+-])?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) throw new RangeError(`${label} is not a decimal number: ${JSON.stringify(x)}`);
  const [, sign, int = '0', frac = '', exp = '0'] = m;
  const e = Number(exp) - frac.length;
  let units = BigInt(int + frac);
  let scale = 0;
  if (e >= 0) units *= pow10(e);
  else scale = -e;
  return { units: sign === '-' ? -units : units, scale };
}
