import { Button } from 'antd';
import { useI18n } from '../../app/i18n/useT';

/**
 * "共 1,234 条" under a list — or "共 1,000+ 条" with a link to count them all, when the server stopped counting
 * (a long list is counted up to 1,000 matches unless asked for the exact number: `count=exact`).
 */
export function ListTotal({ total, exact, onCountAll }: { total: number; exact: boolean; onCountAll?: () => void }) {
  const { t, locale } = useI18n();
  const n = total.toLocaleString(locale);
  if (exact) return <>{t('list.total', { total: n })}</>;
  return (
    <span data-testid="list-total-capped">
      {t('list.totalAtLeast', { total: n })}
      {onCountAll && (
        <Button type="link" size="small" onClick={onCountAll} data-testid="list-count-all">
          {t('list.countAll')}
        </Button>
      )}
    </span>
  );
}
