// The UI languages and what each needs: our messages, antd's component texts, dayjs's locale name.
// zh-CN (the default) is part of the first screen's bundle; en-US is its own chunk, fetched only when English is
// chosen (main.tsx fetches it before the first render when the browser remembers English, so nothing flashes).
// dayjs is not on the first screen either: every page route waits for loadDayjs() (router.tsx), which sets the
// current language's locale, and setDayjsLocale() follows a switch from then on.
import type { Locale } from '@sifang/shared/errors';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import type { default as Dayjs } from 'dayjs';
import { zhCN, type MessageKey } from './zh-CN';

export type Messages = Record<MessageKey, string>;
export type LocaleBundle = { messages: Messages; antd: AntdLocale; dayjs: string };

export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

const bundles: Partial<Record<Locale, LocaleBundle>> = {
  'zh-CN': { messages: zhCN, antd: antdZhCN, dayjs: 'zh-cn' },
};
const loading: Partial<Record<Locale, Promise<LocaleBundle>>> = {};

// dayjs knows 'en' without an import.
const loaders: Record<Exclude<Locale, 'zh-CN'>, () => Promise<LocaleBundle>> = {
  'en-US': () =>
    Promise.all([import('./en-US'), import('antd/es/locale/en_US')]).then(([m, a]) => ({
      messages: m.enUS,
      antd: a.default,
      dayjs: 'en',
    })),
};

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en-US';
}

/** The bundle when it is already here (always for zh-CN). */
export function loadedBundle(locale: Locale): LocaleBundle | undefined {
  return bundles[locale];
}

/** Fetches a language's bundle once; a failed fetch (e.g. offline) can be tried again. */
export function loadBundle(locale: Locale): Promise<LocaleBundle> {
  const have = bundles[locale];
  if (have || locale === 'zh-CN') return Promise.resolve(have ?? bundles[DEFAULT_LOCALE]!);
  return (loading[locale] ??= loaders[locale]().then(
    (b) => (bundles[locale] = b),
    (e: unknown) => {
      delete loading[locale];
      throw e;
    },
  ));
}

/** Our messages of a language that is loaded, else the default's (for texts shown outside React). */
export function messagesOf(locale: Locale): Messages {
  return (bundles[locale] ?? bundles[DEFAULT_LOCALE]!).messages;
}

let dayjsLocale = bundles[DEFAULT_LOCALE]!.dayjs;
let dayjs: typeof Dayjs | undefined;
let dayjsLoading: Promise<void> | undefined;

export function setDayjsLocale(bundle: LocaleBundle): void {
  dayjsLocale = bundle.dayjs;
  dayjs?.locale(dayjsLocale);
}

/** dayjs with zh-cn registered (en is built in) and the UI's locale set: resolved before any page renders. */
export function loadDayjs(): Promise<void> {
  return (dayjsLoading ??= Promise.all([import('dayjs'), import('dayjs/locale/zh-cn')]).then(
    ([m]) => {
      dayjs = m.default;
      dayjs.locale(dayjsLocale);
    },
    (e: unknown) => {
      dayjsLoading = undefined;
      throw e;
    },
  ));
}
