import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../app/i18n/zh-CN';
import type { QueryParams } from '../api/client';
import type { ResourceRow } from '../ui/ResourceSelect';
import type { LocalCheck } from './localRules';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'password'
  | 'number' // integer or float as a number
  | 'decimal' // a decimal string with fixed places, e.g. standardHours "1.50"
  | 'money' // the API field is integer fen (…Fen); edited in yuan with 2 decimals
  | 'select' // one of `values`, labels through enumPrefix
  | 'resource' // id picked from GET /api/<resource>
  | 'switch'
  | 'tags' // string[]
  | 'time' // 'HH:mm'
  | 'display' // read-only value shown as text (computed by the server)
  | 'custom';

export type FieldDef = {
  /** API field name (or path, e.g. ['printHeader', 'title']). Server `fields` errors land on it. */
  name: string | (string | number)[];
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  /** Codes: monospace and trimmed; with `uppercase` also upper-cased. */
  mono?: boolean;
  uppercase?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Places for number/decimal (decimal defaults to 2). */
  precision?: number;
  /** kind 'select': allowed values; labels are t(`${enumPrefix}.${value}`) (or the value itself). */
  values?: readonly string[];
  enumPrefix?: string;
  /** kind 'resource'. */
  resource?: string;
  resourceParams?: QueryParams;
  optionLabel?: (row: ResourceRow) => string;
  /** kind 'tags': suggestions. */
  suggestions?: readonly string[];
  /** kind 'display': how to show the value ('money' → ¥). */
  display?: 'text' | 'money' | 'mono';
  /** Only when creating (e.g. the initial password). */
  createOnly?: boolean;
  /** Shown but not editable (and not sent) when editing (e.g. code, username). */
  readOnlyOnEdit?: boolean;
  /** Kept in the form and sent, not shown (e.g. a preset parent id). */
  hidden?: boolean;
  /** Never sent to the server. */
  noSubmit?: boolean;
  /** Cleared when editing → send null (default for text: '', since the API keeps empty text as ''). */
  nullable?: boolean;
  /** Full width in a two-column form (default: custom controls and text areas are; `false` makes them half). */
  wide?: boolean;
  help?: MessageKey;
  placeholder?: MessageKey;
  rules?: Rule[];
  /** A China rule checked in the browser too (shared with the server): 'mobile', 'creditCode', 'plate', 'vin', 'residentId'. */
  check?: LocalCheck;
  defaultValue?: unknown;
  /** kind 'custom': the control (receives value/onChange from Form.Item). */
  render?: (ctx: { editing: boolean; disabled: boolean }) => ReactNode;
};
