import type { Locale as AntdLocale } from 'antd/es/locale';
import { createContext, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { setApiLocale, type Locale } from '../../shared/api/client';
import { DEFAULT_LOCALE, isLocale, loadBundle, loadedBundle, LOCALES, setDayjsLocale, type LocaleBundle } from './locales';
import type { MessageKey } from './zh-CN';

export { LOCALES };

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

export type I18nContextValue = {
  locale: Locale;
  /** Switches once the language's texts are here (English is fetched on first use); rejects when they cannot be fetched. */
  setLocale: (locale: Locale) => Promise<void>;
  t: TFunction;
  /** Translate `${prefix}.${value}` when that key exists, else show the value itself (codes from the server). */
  tEnum: (prefix: string, value: string | number | boolean | null | undefined) => string;
  has: (key: string) => key is MessageKey;
  /** antd's own component texts for the language (ConfigProvider). */
  antdLocale: AntdLocale;
};

export const I18nContext = createContext<I18nContextValue | null>(null);

const STORAGE_KEY = 'sifang.locale';

/** The language this browser last chose (the default when none). main.tsx fetches its texts before the first render. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage blocked: fall through to the default
  }
  return DEFAULT_LOCALE;
}

function applyLocale(locale: Locale, bundle: LocaleBundle): void {
  setApiLocale(locale);
  setDayjsLocale(bundle);
  document.documentElement.lang = locale;
}

export function interpolate(template: string, params?: TParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    // The saved language when its texts are here (main.tsx waited for them), else the default.
    const saved = initialLocale();
    const l = loadedBundle(saved) ? saved : DEFAULT_LOCALE;
    applyLocale(l, loadedBundle(l)!);
    return l;
  });
  // The latest choice wins when a slower fetch for an earlier one finishes after it.
  const wanted = useRef(locale);

  const setLocale = useCallback(async (next: Locale) => {
    wanted.current = next;
    const bundle = await loadBundle(next);
    if (wanted.current !== next) return;
    applyLocale(next, bundle);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const bundle = loadedBundle(locale)!;
    const dict = bundle.messages;
    const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dict, key);
    const t: TFunction = (key, params) => interpolate(dict[key] ?? key, params);
    const tEnum = (prefix: string, v: string | number | boolean | null | undefined) => {
      if (v === null || v === undefined || v === '') return '';
      const key = `${prefix}.${String(v)}`;
      return has(key) ? t(key) : String(v);
    };
    return { locale, setLocale, t, tEnum, has, antdLocale: bundle.antd };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
