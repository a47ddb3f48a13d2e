import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ListState } from './types';

export const PAGE_SIZES = [20, 50, 100] as const;

type Options = { urlSync: boolean; filterNames: readonly string[]; defaultSort?: string; defaultPageSize?: number };

/**
 * List paging/sorting/filter state. With urlSync (the default for a page's main list) it lives in the URL,
 * so Back from a document returns to the same filtered page and a link can be shared.
 */
export function useListState({ urlSync, filterNames, defaultSort, defaultPageSize = 20 }: Options) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [local, setLocal] = useState<ListState>({
    q: '',
    page: 1,
    pageSize: defaultPageSize,
    sort: defaultSort,
    filters: {},
  });
  const namesKey = filterNames.join(',');

  const fromUrl = useMemo<ListState>(() => {
    const filters: Record<string, string | undefined> = {};
    for (const n of namesKey ? namesKey.split(',') : []) filters[n] = searchParams.get(n) ?? undefined;
    const page = Number(searchParams.get('page') ?? '1');
    const pageSize = Number(searchParams.get('pageSize') ?? String(defaultPageSize));
    return {
      q: searchParams.get('q') ?? '',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 200 ? pageSize : defaultPageSize,
      sort: searchParams.get('sort') ?? defaultSort,
      filters,
    };
  }, [searchParams, namesKey, defaultSort, defaultPageSize]);

  const state = urlSync ? fromUrl : local;

  const update = useCallback(
    (patch: Partial<ListState>) => {
      if (!urlSync) {
        setLocal((s) => ({ ...s, ...patch, filters: { ...s.filters, ...(patch.filters ?? {}) } }));
        return;
      }
      setSearchParams(
        (prev) => {
          const sp = new URLSearchParams(prev);
          const set = (k: string, v: string | number | undefined, dflt?: string | number) => {
            if (v === undefined || v === '' || v === dflt) sp.delete(k);
            else sp.set(k, String(v));
          };
          if ('q' in patch) set('q', patch.q);
          if ('page' in patch) set('page', patch.page, 1);
          if ('pageSize' in patch) set('pageSize', patch.pageSize, defaultPageSize);
          if ('sort' in patch) set('sort', patch.sort, defaultSort);
          for (const [k, v] of Object.entries(patch.filters ?? {})) set(k, v);
          return sp;
        },
        { replace: true },
      );
    },
    [urlSync, setSearchParams, defaultPageSize, defaultSort],
  );

  return { state, update };
}
