import { Col, Form, Input, InputNumber, Row, Select, Switch, TimePicker } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/useT';
import { fenToYuan, formatFen, yuanToFen } from '../format';
import { Mono } from '../ui/Mono';
import { MoneyInput } from '../ui/MoneyInput';
import { ResourceSelect } from '../ui/ResourceSelect';
import { localRule } from './localRules';
import type { FieldDef } from './types';

function DisplayValue({ value, display }: { value?: unknown; display?: FieldDef['display'] }) {
  if (value === null || value === undefined || value === '') return <span className="sf-muted">—</span>;
  if (display === 'money' && typeof value === 'number') return <span className="sf-money">{formatFen(value)}</span>;
  if (display === 'mono') return <Mono>{String(value)}</Mono>;
  return <span>{String(value)}</span>;
}

export function fieldKey(f: FieldDef): string {
  return Array.isArray(f.name) ? f.name.join('.') : f.name;
}

export function fieldRoot(f: FieldDef): string {
  return String(Array.isArray(f.name) ? f.name[0] : f.name);
}

type Props = {
  fields: readonly FieldDef[];
  editing: boolean;
  disabled?: boolean;
  columns?: 1 | 2;
};

/** Renders a field declaration as antd Form.Items (inside any <Form>). */
export function FormFields({ fields, editing, disabled = false, columns = 1 }: Props) {
  const { t, tEnum, locale } = useI18n();
  const shown = fields.filter((f) => !(f.createOnly && editing));

  const item = (f: FieldDef): ReactNode => {
    const label = t(f.label);
    const locked = disabled || (editing && !!f.readOnlyOnEdit);
    const rules: Rule[] = [...(f.rules ?? [])];
    const isChoice = f.kind === 'select' || f.kind === 'resource' || f.kind === 'time';
    if (f.required && !locked) {
      const isText = f.kind === 'text' || f.kind === 'textarea' || f.kind === 'password';
      rules.unshift({
        required: true,
        // (an explicit `whitespace: false` makes async-validator reject numbers)
        ...(isText ? { whitespace: true } : {}),
        message: t(isChoice ? 'common.requiredSelect' : 'common.required', { label }),
      });
    }
    if (f.maxLength) rules.push({ max: f.maxLength, type: 'string' });
    if (f.check) rules.push(localRule(f.check, locale));
    const placeholder = f.placeholder ? t(f.placeholder) : undefined;
    const common = {
      name: f.name,
      label,
      rules,
      extra: f.help ? t(f.help) : undefined,
      hidden: f.hidden,
      required: f.required && !locked,
    };
    const monoClass = f.mono ? 'sf-mono' : undefined;
    // Codes never contain spaces; plates and letters are stored upper-case.
    const normaliseText = (v: unknown) => {
      if (typeof v !== 'string') return v;
      const s = f.mono ? v.replace(/\s/g, '') : v;
      return f.uppercase ? s.toUpperCase() : s;
    };

    switch (f.kind) {
      case 'text':
        return (
          <Form.Item {...common} normalize={f.mono || f.uppercase ? normaliseText : undefined}>
            <Input disabled={locked} className={monoClass} maxLength={f.maxLength} placeholder={placeholder} />
          </Form.Item>
        );
      case 'password':
        return (
          <Form.Item {...common}>
            <Input.Password disabled={locked} autoComplete="new-password" placeholder={placeholder} />
          </Form.Item>
        );
      case 'textarea':
        return (
          <Form.Item {...common}>
            <Input.TextArea disabled={locked} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={f.maxLength} />
          </Form.Item>
        );
      case 'number':
        return (
          <Form.Item {...common}>
            <InputNumber disabled={locked} min={f.min} max={f.max} precision={f.precision} style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'decimal':
        return (
          <Form.Item {...common}>
            <InputNumber<string>
              stringMode
              disabled={locked}
              min={f.min === undefined ? undefined : String(f.min)}
              max={f.max === undefined ? undefined : String(f.max)}
              precision={f.precision ?? 2}
              step="0.1"
              style={{ width: '100%' }}
            />
          </Form.Item>
        );
      case 'money':
        return (
          <Form.Item
            {...common}
            getValueProps={(fen: unknown) => ({ value: typeof fen === 'number' ? fenToYuan(fen) : fen })}
            normalize={(yuan: unknown) => yuanToFen(yuan as number | null)}
          >
            <MoneyInput disabled={locked} min={f.min ?? 0} max={f.max} />
          </Form.Item>
        );
      case 'select':
        return (
          <Form.Item {...common}>
            <Select
              disabled={locked}
              allowClear={!f.required}
              placeholder={placeholder ?? t('common.selectPlaceholder')}
              options={(f.values ?? []).map((v) => ({ value: v, label: f.enumPrefix ? tEnum(f.enumPrefix, v) : v }))}
            />
          </Form.Item>
        );
      case 'resource':
        return (
          <Form.Item {...common}>
            <ResourceSelect
              resource={f.resource ?? ''}
              params={f.resourceParams}
              optionLabel={f.optionLabel}
              disabled={locked}
              allowClear={!f.required}
            />
          </Form.Item>
        );
      case 'switch':
        return (
          <Form.Item {...common} valuePropName="checked">
            <Switch disabled={locked} />
          </Form.Item>
        );
      case 'tags':
        return (
          <Form.Item {...common}>
            <Select
              mode="tags"
              disabled={locked}
              tokenSeparators={[',', '，', ';', '；']}
              options={(f.suggestions ?? []).map((s) => ({ value: s, label: s }))}
              open={f.suggestions?.length ? undefined : false}
              suffixIcon={null}
              placeholder={placeholder}
            />
          </Form.Item>
        );
      case 'time':
        return (
          <Form.Item
            {...common}
            getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v, 'HH:mm') : null })}
            normalize={(d: Dayjs | null) => (d ? d.format('HH:mm') : null)}
          >
            <TimePicker format="HH:mm" minuteStep={5} disabled={locked} style={{ width: '100%' }} needConfirm={false} />
          </Form.Item>
        );
      case 'display':
        return (
          <Form.Item {...common} rules={[]}>
            <DisplayValue display={f.display} />
          </Form.Item>
        );
      case 'custom':
        return <Form.Item {...common}>{f.render?.({ editing, disabled: locked })}</Form.Item>;
    }
  };

  if (columns === 1) {
    return (
      <>
        {shown.map((f) => (
          <div key={fieldKey(f)}>{item(f)}</div>
        ))}
      </>
    );
  }
  return (
    <Row gutter={16}>
      {shown.map((f) => (
        <Col key={fieldKey(f)} span={(f.wide ?? (f.kind === 'custom' || f.kind === 'textarea')) ? 24 : 12} hidden={f.hidden}>
          {item(f)}
        </Col>
      ))}
    </Row>
  );
}

/** Initial form values from a record (or the declared defaults when creating). */
export function initialValuesFor(
  fields: readonly FieldDef[],
  record: Record<string, unknown> | null | undefined,
  defaults?: Record<string, unknown>,
): Record<string, unknown> {
  if (record) return { ...record };
  const v: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.defaultValue !== undefined && !Array.isArray(f.name)) v[f.name] = f.defaultValue;
    if (f.kind === 'switch' && f.defaultValue === undefined && !Array.isArray(f.name) && f.name === 'active') v[f.name] = true;
  }
  return { ...v, ...defaults };
}

function getPath(obj: Record<string, unknown>, path: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = obj;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      cur[seg] = value;
    } else {
      const next = cur[seg];
      if (next === null || typeof next !== 'object') cur[seg] = {};
      cur = cur[seg] as Record<string | number, unknown>;
    }
  });
}

const TEXT_KINDS: readonly FieldDef['kind'][] = ['text', 'textarea', 'password', 'select', 'time'];

/**
 * The request body from the form values, for the declared editable fields only.
 * Create: empty values are left out (the server applies its defaults).
 * Edit: only fields whose value changed are sent (a PATCH); a cleared text becomes '' (or null when `nullable`),
 * a cleared number/money/reference null. Text is trimmed; decimals become fixed-place strings.
 */
export function bodyFromValues(
  fields: readonly FieldDef[],
  values: Record<string, unknown>,
  editing: boolean,
  initial: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'display' || f.noSubmit) continue;
    if (editing && (f.createOnly || f.readOnlyOnEdit)) continue;
    const path = Array.isArray(f.name) ? f.name : [f.name];
    let v = getPath(values, path);
    if (typeof v === 'string' && f.kind !== 'password') v = v.trim();
    if (f.kind === 'decimal' && v !== null && v !== undefined && v !== '') {
      v = Number(v).toFixed(f.precision ?? 2);
    }
    const empty = v === '' || v === undefined || v === null;
    if (!editing) {
      if (empty) continue;
    } else {
      if (empty) v = f.nullable || !TEXT_KINDS.includes(f.kind) ? null : '';
      const before = getPath(initial, path);
      const beforeNorm = before === undefined ? (v === '' ? '' : null) : before;
      if (JSON.stringify(beforeNorm) === JSON.stringify(v)) continue;
    }
    setPath(body, path, v);
  }
  return body;
}
