import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import type { SearchResult } from '../types';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the customer already chosen (its label before any search) */
  initial?: { id: string; name: string } | null;
  /** not offered (e.g. the customer a duplicate is merged into) */
  excludeId?: string;
  disabled?: boolean;
  testId?: string;
  /** the picked option's label */
  onPicked?: (label: string) => void;
  id?: string;
};

/** A customer picked by name, phone, plate or pinyin through GET /api/search. */
export function CustomerPicker({ value, onChange, initial, excludeId, disabled, testId = 'customer-picker', onPicked, id }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const search = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<SearchResult>('/api/search', { q }, signal),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    const add = (id: string, label: string) => {
      if (seen.has(id) || id === excludeId) return;
      seen.add(id);
      out.push({ value: id, label });
    };
    if (initial) add(initial.id, initial.name);
    for (const c of search.data?.customers ?? []) add(c.id, `${c.name} · ${c.phone}`);
    for (const v of search.data?.vehicles ?? []) add(v.ownerId, `${v.ownerName} · ${v.plate ?? v.vin}`);
    return out;
  }, [search.data, initial, excludeId]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        onPicked?.(options.find((o) => o.value === v)?.label ?? '');
      }}
      filterOption={false}
      onSearch={setText}
      options={options}
      disabled={disabled}
      placeholder={t('care.customerSearch')}
      notFoundContent={search.isFetching ? <Spin size="small" /> : q.length >= 2 ? t('care.noMatch') : t('care.typeToSearch')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
