import { useT } from '../../app/i18n/useT';

export function JsonView({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) return <span className="sf-muted">{t('audit.noData')}</span>;
  return <pre className="sf-json">{JSON.stringify(value, null, 2)}</pre>;
}
