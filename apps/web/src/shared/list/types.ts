import type { ReactNode } from 'react';
import type { MessageKey } from '../../app/i18n/zh-CN';
import type { QueryParams } from '../api/client';

export type CellKind =
  | 'text'
  | 'mono' // codes, plates, VINs: monospace
  | 'money' // integer fen → ¥1,234.56, right-aligned
  | 'number'
  | 'decimal' // decimal strings such as "1.50"
  | 'datetime' // YYYY-MM-DD HH:mm
  | 'date'
  | 'active' // boolean → 启用/停用 tag
  | 'bool' // boolean → 是/否
  | 'enum' // translated through enumPrefix
  | 'tags'; // string[]

export type ListColumn<T> = {
  /** Field of the row, and the sort key sent as `sort=<key>` / `sort=-<key>`. */
  key: string;
  title: MessageKey;
  kind?: CellKind;
  /** For kind 'enum': i18n prefix, e.g. 'enum.bayKind' → t('enum.bayKind.general'). */
  enumPrefix?: string;
  sortable?: boolean;
  width?: number;
  fixed?: 'left' | 'right';
  ellipsis?: boolean;
  /** Hidden until the user ticks it in the column chooser. */
  defaultHidden?: boolean;
  /** Money columns: add to the totals row (sum of the rows on screen). */
  total?: boolean;
  /** Value to show when it is not `row[key]`. */
  value?: (row: T) => unknown;
  /** Full control of the cell. */
  render?: (row: T) => ReactNode;
};

export type ListFilter =
  | { kind: 'text'; name: string; label: MessageKey; width?: number }
  | {
      kind: 'select';
      name: string;
      label: MessageKey;
      values: readonly string[];
      enumPrefix?: string;
      /** Labels that are data, not messages (e.g. a dictionary's entries); wins over `values`. */
      options?: readonly { value: string; label: string }[];
      width?: number;
    }
  | { kind: 'boolean'; name: string; label: MessageKey; enumPrefix?: string; width?: number }
  /** A checkbox that sends `name=true` when ticked and nothing otherwise (e.g. 我的客户 → mine=true). */
  | { kind: 'check'; name: string; label: MessageKey; width?: number }
  | {
      kind: 'resource';
      name: string;
      label: MessageKey;
      resource: string;
      params?: QueryParams;
      optionLabel?: (row: Record<string, unknown>) => string;
      width?: number;
    }
  /**
   * Two query parameters (e.g. from/to). format 'date' (default): the picked days as YYYY-MM-DD, both inclusive;
   * 'instant': ISO timestamps, from = start of the first day, to = start of the day after the last (exclusive).
   */
  | { kind: 'dateRange'; from: string; to: string; label: MessageKey; format?: 'date' | 'instant' };

export type ListState = {
  q: string;
  page: number;
  pageSize: number;
  sort: string | undefined;
  filters: Record<string, string | undefined>;
};
