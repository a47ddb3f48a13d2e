import { formatFen as formatFenShared } from '@sifang/shared/money';
import dayjs from 'dayjs';

/** Integer fen → `¥1,234.56` (negative: `-¥1,234.56`), via the shared money module; empty for no value. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  return formatFenShared(Math.round(fen));
}

/** Yuan (as typed in an InputNumber) → integer fen. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const v = typeof yuan === 'number' ? yuan : Number(yuan);
  if (!Number.isFinite(v)) return null;
  // Round half away from zero at the fen; the string step avoids 1.005*100 = 100.49999…
  const s = v.toFixed(3);
  const [int = '0', frac = ''] = s.replace('-', '').split('.');
  const fen = Number(int) * 100 + Number(frac.slice(0, 2).padEnd(2, '0')) + (Number(frac[2] ?? '0') >= 5 ? 1 : 0);
  return v < 0 ? -fen : fen;
}

export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / 100;
}

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';
export const DATE_FORMAT = 'YYYY-MM-DD';

export function formatDateTime(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const d = dayjs(v);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : String(v);
}

export function formatDate(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const d = dayjs(v);
  return d.isValid() ? d.format(DATE_FORMAT) : String(v);
}

/** Sum a money column (integer fen) exactly. */
export function sumFen<T>(rows: readonly T[], pick: (row: T) => number | null | undefined): number {
  let total = 0;
  for (const r of rows) total += pick(r) ?? 0;
  return total;
}
