import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale, type Locale } from '../../shared/api/client';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

export type I18nContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
  /** Translate `${prefix}.${value}` when that key exists, else show the value itself (codes from the server). */
  tEnum: (prefix: string, value: string | number | boolean | null | undefined) => string;
  has: (key: string) => key is MessageKey;
};

export const I18nContext = createContext<I18nContextValue | null>(null);

const STORAGE_KEY = 'sifang.locale';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en-US';
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage blocked: fall through to the default
  }
  return 'zh-CN';
}

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export function interpolate(template: string, params?: TParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => {
    const dict: Record<MessageKey, string> = locale === 'en-US' ? enUS : zhCN;
    const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dict, key);
    const t: TFunction = (key, params) => interpolate(dict[key] ?? key, params);
    const tEnum = (prefix: string, v: string | number | boolean | null | undefined) => {
      if (v === null || v === undefined || v === '') return '';
      const key = `${prefix}.${String(v)}`;
      return has(key) ? t(key) : String(v);
    };
    return { locale, setLocale, t, tEnum, has };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
