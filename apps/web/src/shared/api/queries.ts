import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, resourceUrl, type ListResult, type QueryParams } from './client';

// Query keys: ['list', resource, params] and ['detail', resource, id]. Invalidate a resource after a write.
export const listKey = (resource: string, params?: QueryParams) => ['list', resource, params ?? {}] as const;
export const detailKey = (resource: string, id: string) => ['detail', resource, id] as const;

export function invalidateResource(qc: QueryClient, resource: string): Promise<void> {
  return qc.invalidateQueries({
    predicate: (q) => (q.queryKey[0] === 'list' || q.queryKey[0] === 'detail') && q.queryKey[1] === resource,
  });
}

export function useList<T>(resource: string, params: QueryParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: listKey(resource, params),
    queryFn: ({ signal }) => api.get<ListResult<T>>(resourceUrl(resource), params, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useDetail<T>(resource: string, id: string | null | undefined, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: detailKey(resource, id ?? ''),
    queryFn: ({ signal }) => api.get<T>(resourceUrl(resource, id ?? ''), undefined, signal),
    enabled: !!id && (opts.enabled ?? true),
  });
}

/** Small catalogues used for selects and lookups (repair types, stores, roles …): first 100 rows. */
export const OPTIONS_PAGE_SIZE = 100;

export function useOptionsList<T>(resource: string, params: QueryParams = {}, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: listKey(resource, { pageSize: OPTIONS_PAGE_SIZE, ...params }),
    queryFn: ({ signal }) => api.get<ListResult<T>>(resourceUrl(resource), { pageSize: OPTIONS_PAGE_SIZE, ...params }, signal),
    staleTime: 60_000,
    enabled: opts.enabled ?? true,
  });
}
