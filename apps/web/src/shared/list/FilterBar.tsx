import { Checkbox, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/useT';
import type { MessageKey } from '../../app/i18n/zh-CN';
import { ResourceSelect } from '../ui/ResourceSelect';
import type { ListFilter, ListState } from './types';

type Props = {
  filters: readonly ListFilter[];
  state: ListState;
  onChange: (patch: Partial<ListState>) => void;
  search: boolean | MessageKey;
};

/** Search box + declared filters; any change goes back to page 1. */
export function FilterBar({ filters, state, onChange, search }: Props) {
  const { t, tEnum } = useI18n();
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  const setFilter = (name: string, value: string | undefined) => onChange({ page: 1, filters: { [name]: value } });

  return (
    <Space wrap size={[8, 8]}>
      {search !== false && (
        <Input.Search
          allowClear
          data-testid="list-search"
          placeholder={t(typeof search === 'string' ? search : 'list.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (e.target.value === '' && state.q) onChange({ q: '', page: 1 });
          }}
          onSearch={(v) => onChange({ q: v.trim(), page: 1 })}
          style={{ width: 240 }}
        />
      )}
      {filters.map((f) => {
        if (f.kind === 'dateRange') {
          const from = state.filters[f.from];
          const to = state.filters[f.to];
          return (
            <DatePicker.RangePicker
              key={`${f.from}-${f.to}`}
              placeholder={[t('audit.from'), t('audit.to')]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              allowEmpty={[true, true]}
              onChange={(range) =>
                onChange({
                  page: 1,
                  filters: {
                    [f.from]: range?.[0]?.format('YYYY-MM-DD'),
                    [f.to]: range?.[1]?.format('YYYY-MM-DD'),
                  },
                })
              }
              style={{ width: 260 }}
            />
          );
        }
        const value = state.filters[f.name];
        const common = { placeholder: t(f.label), allowClear: true, style: { width: f.width ?? 160 } };
        switch (f.kind) {
          case 'text':
            return (
              <Input.Search key={f.name} {...common} defaultValue={value} onSearch={(v) => setFilter(f.name, v.trim() || undefined)} />
            );
          case 'select':
            return (
              <Select
                key={f.name}
                {...common}
                value={value}
                onChange={(v: string | undefined) => setFilter(f.name, v)}
                options={f.options ? [...f.options] : f.values.map((v) => ({ value: v, label: f.enumPrefix ? tEnum(f.enumPrefix, v) : v }))}
              />
            );
          case 'check':
            return (
              <Checkbox
                key={f.name}
                checked={value === 'true'}
                onChange={(e) => setFilter(f.name, e.target.checked ? 'true' : undefined)}
                data-testid={`filter-${f.name}`}
              >
                {t(f.label)}
              </Checkbox>
            );
          case 'boolean':
            return (
              <Select
                key={f.name}
                {...common}
                value={value}
                onChange={(v: string | undefined) => setFilter(f.name, v)}
                options={['true', 'false'].map((v) => ({ value: v, label: tEnum(f.enumPrefix ?? 'enum.active', v) }))}
              />
            );
          case 'resource':
            return (
              <ResourceSelect
                key={f.name}
                resource={f.resource}
                params={f.params}
                optionLabel={f.optionLabel}
                placeholder={t(f.label)}
                value={value ?? null}
                onChange={(v) => setFilter(f.name, v ?? undefined)}
                style={{ width: f.width ?? 200 }}
              />
            );
        }
      })}
    </Space>
  );
}
