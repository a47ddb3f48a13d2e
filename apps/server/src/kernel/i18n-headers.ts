import type { Locale } from '@sifang/shared/errors';
import type { ExcelColumn } from './excel.js';

type Row = Record<string, unknown>;

/** Excel columns from `[key, 中文标题, English header]`; the value is the field, booleans as 是/否. */
export function bilingual(locale: Locale, cols: readonly (readonly [string, string, string])[]): ExcelColumn<Row>[] {
  return cols.map(([key, zh, en]) => ({
    key,
    header: locale === 'en-US' ? en : zh,
    value: (row: Row) => {
      const v = row[key];
      if (typeof v === 'boolean') return locale === 'en-US' ? (v ? 'Yes' : 'No') : v ? '是' : '否';
      if (Array.isArray(v)) return v.join(',');
      if (v instanceof Date) return v.toISOString();
      return (v ?? null) as string | number | null;
    },
  }));
}

/** Header texts accepted on import for each key: both languages. */
export function importHeaders(cols: readonly (readonly [string, string, string])[]): Record<string, readonly string[]> {
  return Object.fromEntries(cols.map(([key, zh, en]) => [key, [zh, en]]));
}
