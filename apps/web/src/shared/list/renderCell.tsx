import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { I18nContextValue } from '../../app/i18n/I18nProvider';
import { formatDate, formatDateTime } from '../format';
import { ActiveTag } from '../ui/ActiveTag';
import { Mono } from '../ui/Mono';
import { Money } from '../ui/Money';
import type { ListColumn } from './types';

export function cellValue<T>(col: ListColumn<T>, row: T): unknown {
  if (col.value) return col.value(row);
  return (row as Record<string, unknown>)[col.key];
}

export function renderCell<T>(col: ListColumn<T>, row: T, i18n: Pick<I18nContextValue, 't' | 'tEnum'>): ReactNode {
  if (col.render) return col.render(row);
  const v = cellValue(col, row);
  switch (col.kind ?? 'text') {
    case 'money':
      return typeof v === 'number' ? <Money fen={v} /> : null;
    case 'mono':
      return v === null || v === undefined ? null : <Mono>{String(v)}</Mono>;
    case 'datetime':
      return formatDateTime(v as string | null);
    case 'date':
      return formatDate(v as string | null);
    case 'active':
      return <ActiveTag active={v === true} />;
    case 'bool':
      return v === null || v === undefined ? null : v ? i18n.t('common.yes') : i18n.t('common.no');
    case 'enum':
      return i18n.tEnum(col.enumPrefix ?? '', v as string | null);
    case 'tags':
      return Array.isArray(v) ? v.map((x) => <Tag key={String(x)}>{String(x)}</Tag>) : null;
    default:
      return v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

export function isRightAligned(kind: ListColumn<unknown>['kind']): boolean {
  return kind === 'money' || kind === 'number' || kind === 'decimal';
}
