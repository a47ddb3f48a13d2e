import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/useT';
import { api, resourceUrl, type ListResult, type QueryParams } from '../api/client';
import { detailKey, listKey, OPTIONS_PAGE_SIZE } from '../api/queries';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

export type ResourceRow = Record<string, unknown> & { id: string };

export type ResourceSelectProps = {
  /** Path after /api/, e.g. 'repair-types'. */
  resource: string;
  value?: string | null;
  onChange?: (value: string | null, row: ResourceRow | undefined) => void;
  params?: QueryParams;
  optionLabel?: (row: ResourceRow) => string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
};

function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** Default label: "code name" (English name when the UI is in English and the row has one). */
export function useDefaultOptionLabel(): (row: ResourceRow) => string {
  const { locale } = useI18n();
  return useCallback(
    (row: ResourceRow) => {
      const name = (locale === 'en-US' && str(row.nameEn)) || str(row.name) || str(row.label) || str(row.displayName);
      const code = str(row.code) || str(row.partNo) || str(row.username);
      return code && name ? `${code} ${name}` : name || code || row.id;
    },
    [locale],
  );
}

/** A select over a server list: searches as you type (`q`), shows the current value even when not on page 1. */
export function ResourceSelect({
  resource,
  value,
  onChange,
  params,
  optionLabel,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
  'data-testid': testId,
}: ResourceSelectProps) {
  const { t } = useI18n();
  const defaultLabel = useDefaultOptionLabel();
  const labelOf = optionLabel ?? defaultLabel;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const listParams: QueryParams = { pageSize: OPTIONS_PAGE_SIZE, ...params, q: q || undefined };

  const list = useQuery({
    queryKey: listKey(resource, listParams),
    queryFn: ({ signal }) => api.get<ListResult<ResourceRow>>(resourceUrl(resource), listParams, signal),
    staleTime: 60_000,
    enabled: !disabled || !!value,
  });
  const items = list.data?.items;
  const inList = !!value && !!items?.some((r) => r.id === value);
  const current = useQuery({
    queryKey: detailKey(resource, value ?? ''),
    queryFn: ({ signal }) => api.get<ResourceRow>(resourceUrl(resource, value ?? ''), undefined, signal),
    enabled: !!value && !!items && !inList,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const rows = [...(items ?? [])];
    if (current.data && !rows.some((r) => r.id === current.data.id)) rows.unshift(current.data);
    return rows.map((r) => ({ value: r.id, label: labelOf(r), row: r }));
  }, [items, current.data, labelOf]);

  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      loading={list.isFetching}
      value={value ?? undefined}
      onChange={(v: string | undefined, opt) => {
        const o = Array.isArray(opt) ? undefined : opt;
        onChange?.(v ?? null, o?.row);
      }}
      options={options}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      notFoundContent={list.isFetching ? t('common.loading') : undefined}
    />
  );
}
