/**
 * The day calendar of a generated history: one entry per day with a seasonality weight for car sales (and new
 * customers) and one for workshop traffic, normalised so that an average day weighs 1.
 *
 * The shape follows the Chinese car market: a trough in February around the Spring Festival (dealers close for
 * about a week, buyers wait until after the holiday), a rush in the weeks before it and in December (year-end
 * targets and subsidies), a mid-year push in June, 金九银十 in September and October, busier weekends and a push on
 * the last days of each month. Workshop traffic follows the same calendar, less strongly: cars are serviced before
 * the long trip home and the workshop is closed over the holiday.
 *
 * Days are whole days since 1970-01-01 in China Standard Time (UTC+8, no daylight saving), as in demo/data.
 */
import type { Rng } from '../demo/data/rng.js';

export const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The China day (days since 1970-01-01, UTC+8) of an instant. */
export const chinaDay = (at: Date | number): number => Math.floor(((typeof at === 'number' ? at : at.getTime()) + CST_OFFSET_MS) / DAY_MS);
/** 'YYYY-MM-DD' of a China day. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The UTC instant (ms) of a China wall-clock time: `secondOfDay` seconds after midnight of `day`. */
export const chinaInstant = (day: number, secondOfDay: number): number => day * DAY_MS + secondOfDay * 1000 - CST_OFFSET_MS;
/** The China day of 'YYYY-MM-DD'. */
export const dayOfIso = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** 春节 (first day of the lunar year), 2010–2040. */
// prettier-ignore
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '02-14', 2011: '02-03', 2012: '01-23', 2013: '02-10', 2014: '01-31', 2015: '02-19', 2016: '02-08',
  2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22',
  2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03',
  2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08', 2036: '01-28', 2037: '02-15',
  2038: '02-04', 2039: '01-24', 2040: '02-12',
};

/** The China day of the Spring Festival of a year (5 February outside the table). */
export function springFestival(year: number): number {
  return dayOfIso(`${year}-${SPRING_FESTIVAL[year] ?? '02-05'}`);
}

/** Car sales by month, January first (index 0): Feb trough, Jun push, 金九银十, December peak. */
const SALES_BY_MONTH = [1.05, 0.72, 0.98, 0.92, 0.97, 1.1, 0.86, 0.92, 1.08, 1.1, 1.02, 1.25] as const;
/** Workshop visits by month: milder; before the Spring Festival and the summer trips a little busier. */
const SERVICE_BY_MONTH = [1.08, 0.82, 1.02, 0.98, 1.0, 1.0, 1.03, 1.03, 0.98, 1.0, 0.98, 1.06] as const;
/** Sunday first. */
const SALES_BY_WEEKDAY = [1.35, 0.82, 0.8, 0.82, 0.86, 1.0, 1.45] as const;
const SERVICE_BY_WEEKDAY = [1.12, 0.96, 0.94, 0.94, 0.96, 1.0, 1.15] as const;

/** Raw (unnormalised) weights of a day. */
export function dayWeights(day: number): { sales: number; service: number } {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const weekday = date.getUTCDay();
  let sales = SALES_BY_MONTH[month]! * SALES_BY_WEEKDAY[weekday]!;
  let service = SERVICE_BY_MONTH[month]! * SERVICE_BY_WEEKDAY[weekday]!;
  // the Spring Festival of this year or of the next (a late-December day can be in the run-up to a January festival)
  for (const festival of [springFestival(year), springFestival(year + 1)]) {
    const offset = day - festival;
    if (offset >= -2 && offset <= 6) {
      // the holiday: most stores closed, a few duty staff
      sales *= 0.15;
      service *= 0.12;
    } else if (offset >= -21 && offset < -2) {
      // buy before going home for the festival; service the car before the long drive
      sales *= 1.3;
      service *= 1.25;
    } else if (offset > 6 && offset <= 14) {
      sales *= 0.75;
      service *= 1.1;
    }
  }
  // National Day golden week: auto shows and promotions
  if (month === 9 && date.getUTCDate() <= 7) {
    sales *= 1.2;
    service *= 0.85;
  }
  // month-end push for the monthly target
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (date.getUTCDate() > daysInMonth - 3) sales *= 1.3;
  return { sales, service };
}

export type WeightKind = 'sales' | 'service';

export type DayCalendar = {
  /** First and last day of the history (inclusive); lastDay is the day before `today`. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly todayDay: number;
  /** Normalised weight (average 1 over the history) of a day; 1 outside the history. */
  weight(day: number, kind: WeightKind): number;
  /** A day in [from, to] (default: the whole history) drawn with probability proportional to its weight. */
  sampleDay(rng: Rng, kind: WeightKind, from?: number, to?: number): number;
  /** How many events happen on a day: Poisson with mean `meanPerDay` × the day's weight. */
  count(rng: Rng, day: number, meanPerDay: number, kind: WeightKind): number;
  /** Every day of the history, oldest first. */
  days(): number[];
};

/** The calendar of `years` × 365 days up to the day before `today`. */
export function createDayCalendar(today: Date, years: number): DayCalendar {
  const todayDay = chinaDay(today);
  const lastDay = todayDay - 1;
  const firstDay = todayDay - Math.max(1, Math.round(years * 365));
  const n = lastDay - firstDay + 1;
  const raw = { sales: new Float64Array(n), service: new Float64Array(n) };
  const mean = { sales: 0, service: 0 };
  for (let i = 0; i < n; i++) {
    const w = dayWeights(firstDay + i);
    raw.sales[i] = w.sales;
    raw.service[i] = w.service;
    mean.sales += w.sales / n;
    mean.service += w.service / n;
  }
  const cumulative = { sales: new Float64Array(n + 1), service: new Float64Array(n + 1) };
  for (const kind of ['sales', 'service'] as const) {
    for (let i = 0; i < n; i++) {
      raw[kind][i] = raw[kind][i]! / mean[kind];
      cumulative[kind][i + 1] = cumulative[kind][i]! + raw[kind][i]!;
    }
  }
  const clampIndex = (day: number) => Math.min(n - 1, Math.max(0, day - firstDay));
  return {
    firstDay,
    lastDay,
    todayDay,
    weight(day, kind) {
      return day < firstDay || day > lastDay ? 1 : raw[kind][day - firstDay]!;
    },
    sampleDay(rng, kind, from = firstDay, to = lastDay) {
      const cum = cumulative[kind];
      const lo = clampIndex(from);
      const hi = clampIndex(to);
      if (hi <= lo) return firstDay + lo;
      const target = cum[lo]! + rng.next() * (cum[hi + 1]! - cum[lo]!);
      // the first index whose cumulative end passes the target
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (cum[mid + 1]! > target) b = mid;
        else a = mid + 1;
      }
      return firstDay + a;
    },
    count(rng, day, meanPerDay, kind) {
      return poisson(rng, meanPerDay * this.weight(day, kind));
    },
    days() {
      return Array.from({ length: n }, (_, i) => firstDay + i);
    },
  };
}

/**
 * A Poisson-distributed count with the given mean: Knuth's product method for small means, the transformed
 * rejection method (PTRS, Hörmann 1993) for large ones. Deterministic for a given rng.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling's series, exact enough above 10; a direct sum below
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k ** 3);
}
