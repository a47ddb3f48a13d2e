import { InputNumber } from 'antd';
import type { CSSProperties, KeyboardEvent } from 'react';

export type MoneyInputProps = {
  /** yuan */
  value?: number | null;
  onChange?: (yuan: number | null) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
};

const group = (s: string) => {
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** Yuan with 2 decimals, thousands separators, right-aligned. Form fields convert to fen around it. */
export function MoneyInput({ value, onChange, min = 0, max, disabled, style, id, onKeyDown }: MoneyInputProps) {
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      min={min}
      max={max}
      precision={2}
      prefix="¥"
      disabled={disabled}
      formatter={(v, info) => {
        if (info.userTyping) return info.input;
        const n = Number(v);
        return v === undefined || v === null || String(v) === '' || !Number.isFinite(n) ? '' : group(n.toFixed(2));
      }}
      parser={(s) => Number((s ?? '').replace(/[,¥\s]/g, ''))}
      className="sf-money-input"
      style={{ width: '100%', ...style }}
      onKeyDown={onKeyDown}
    />
  );
}
