import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n/useT';
import { api, resourceUrl, type ListResult } from '../../shared/api/client';
import { useOptionsList } from '../../shared/api/queries';
import type { Division } from './types';

/** GET /api/divisions: the province → city → district tree (fetched once per session). */
export function useDivisions() {
  return useQuery({
    queryKey: ['divisions'],
    queryFn: ({ signal }) => api.get<Division[]>('/api/divisions', undefined, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** "广东省 广州市 天河区" for the codes (what is known of them). */
export function divisionText(tree: readonly Division[] | undefined, codes: readonly string[]): string {
  const names: string[] = [];
  let level: readonly Division[] | undefined = tree;
  for (const code of codes) {
    if (!code || !level) break;
    const node: Division | undefined = level.find((d) => d.code === code);
    if (!node) break;
    // Municipalities list a "市辖区" city level: not worth printing.
    if (node.name !== '市辖区') names.push(node.name);
    level = node.children;
  }
  return names.join(' ');
}

type DictionaryEntry = { code: string; label: string; labelEn: string; sort: number; active: boolean };

/** A dictionary's entries as select options (label in the UI language) and a code → label lookup. */
export function useDictionary(type: string) {
  const { locale } = useI18n();
  const query = useOptionsList<DictionaryEntry>('dictionaries', { type, sort: 'sort', pageSize: 200 });
  const items = query.data?.items;
  const options = useMemo(
    () => (items ?? []).filter((e) => e.active).map((e) => ({ value: e.code, label: (locale === 'en-US' && e.labelEn) || e.label })),
    [items, locale],
  );
  const label = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '';
      const e = items?.find((x) => x.code === code);
      return e ? (locale === 'en-US' && e.labelEn) || e.label : code;
    },
    [items, locale],
  );
  return { options, label, loading: query.isPending };
}

type Named = { id: string; code: string; name: string; nameEn?: string };
type ModelRow = Named & { seriesId: string; modelYear: number };
type ConfigurationRow = Named & { modelId: string; msrpFen: number; colours: string[]; active: boolean };

export type ConfigurationOption = {
  value: string;
  /** 车系 · 车型 · 配置 */
  label: string;
  /** what the search box matches (names and codes) */
  search: string;
  series: string;
  model: string;
  configuration: string;
  colours: string[];
};

async function allPages<T>(resource: string, signal: AbortSignal): Promise<T[]> {
  const pageSize = 200;
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<ListResult<T>>(resourceUrl(resource), { page, pageSize, sort: 'code' }, signal);
    out.push(...res.items);
    if (res.items.length < pageSize) return out;
  }
}

/** The vehicle catalogue as configuration options "速腾 · 2026款 300TSI · 豪华版" (a few hundred rows at most). */
export function useConfigurationOptions() {
  const { locale } = useI18n();
  const query = useQuery({
    queryKey: ['customers', 'configuration-catalogue'],
    queryFn: async ({ signal }) => {
      const [series, models, configurations] = await Promise.all([
        allPages<Named>('series', signal),
        allPages<ModelRow>('models', signal),
        allPages<ConfigurationRow>('configurations', signal),
      ]);
      return { series, models, configurations };
    },
    staleTime: 5 * 60_000,
  });
  const options = useMemo<ConfigurationOption[]>(() => {
    if (!query.data) return [];
    const { series, models, configurations } = query.data;
    const nameOf = (r: Named | undefined) => (r ? (locale === 'en-US' && r.nameEn) || r.name : '');
    return configurations
      .filter((c) => c.active)
      .map((c) => {
        const m = models.find((x) => x.id === c.modelId);
        const s = m ? series.find((x) => x.id === m.seriesId) : undefined;
        // Model names usually start with their series (速腾 2025款 …): then the series is not repeated.
        const modelName = m?.name ?? '';
        const seriesName = modelName.startsWith(s?.name ?? '\u0000') ? '' : nameOf(s);
        return {
          value: c.id,
          label: [seriesName, modelName, c.name].filter(Boolean).join(' · '),
          search: [s?.code, s?.name, s?.nameEn, m?.code, m?.name, c.code, c.name].filter(Boolean).join(' ').toLowerCase(),
          series: seriesName,
          model: modelName,
          configuration: c.name,
          colours: c.colours,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [query.data, locale]);
  return { options, loading: query.isPending };
}
