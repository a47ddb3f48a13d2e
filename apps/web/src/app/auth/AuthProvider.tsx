import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { api, apiRequest, isApiError, setCsrfToken, setUnauthorizedHandler, type Locale } from '../../shared/api/client';
import { useI18n } from '../i18n/useT';
import type { Me } from './types';

export const ME_KEY = ['auth', 'me'] as const;

export type AuthContextValue = {
  me: Me | null;
  loading: boolean;
  /** The session could not be read (server down): the guard shows it with a retry. */
  error: Error | null;
  retry: () => void;
  can: (permission: string | undefined) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  switchStore: (storeId: string) => Promise<Me>;
  changeLocale: (locale: Locale) => Promise<void>;
};

export const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/auth/me', { allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Everything cached except the session itself. */
const notAuth = { predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'auth' };

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { setLocale } = useI18n();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
  const me = meQuery.data ?? null;

  // A 401 from any request: the session is over; drop cached data, the route guard sends us to /login.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      qc.removeQueries(notAuth);
      qc.setQueryData(ME_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [qc]);

  // Adopt the user's saved language once per session (login or reload).
  const adoptedFor = useRef<string | null>(null);
  useEffect(() => {
    if (me && adoptedFor.current !== me.user.id) {
      adoptedFor.current = me.user.id;
      // English texts are fetched on first use; if that fails the UI stays in the current language.
      setLocale(me.user.locale).catch(() => undefined);
    }
    if (!me) adoptedFor.current = null;
  }, [me, setLocale]);

  const login = useCallback(
    async (username: string, password: string) => {
      await apiRequest<{ ok: true }>('/api/auth/login', { method: 'POST', body: { username, password } });
      qc.removeQueries(notAuth);
      const next = await fetchMe();
      if (!next) throw new Error('session not established');
      qc.setQueryData(ME_KEY, next);
      return next;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      qc.removeQueries(notAuth);
      qc.setQueryData(ME_KEY, null);
    }
  }, [qc]);

  const switchStore = useCallback(
    async (storeId: string) => {
      const next = await api.post<Me>('/api/auth/switch-store', { storeId });
      setCsrfToken(next.csrfToken);
      qc.setQueryData(ME_KEY, next);
      await qc.invalidateQueries(notAuth);
      return next;
    },
    [qc],
  );

  const changeLocale = useCallback(
    async (locale: Locale) => {
      await setLocale(locale);
      const current = qc.getQueryData<Me | null>(ME_KEY);
      if (current) {
        await api.put('/api/auth/locale', { locale });
        qc.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, user: { ...old.user, locale } } : old));
        // Lists may carry server-translated labels.
        await qc.invalidateQueries(notAuth);
      }
    },
    [qc, setLocale],
  );

  const value = useMemo<AuthContextValue>(() => {
    const perms = new Set(me?.permissions ?? []);
    const can = (p: string | undefined) => !p || perms.has(p) || perms.has('*');
    return {
      me,
      loading: meQuery.isPending,
      error: me ? null : meQuery.error,
      retry: () => void meQuery.refetch(),
      can,
      login,
      logout,
      switchStore,
      changeLocale,
    };
  }, [me, meQuery, login, logout, switchStore, changeLocale]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
