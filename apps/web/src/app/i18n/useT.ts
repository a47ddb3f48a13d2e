import { useContext } from 'react';
import { I18nContext, type I18nContextValue } from './I18nProvider';

export function useI18n(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** `const t = useT(); t('common.save')` */
export function useT(): I18nContextValue['t'] {
  return useI18n().t;
}
