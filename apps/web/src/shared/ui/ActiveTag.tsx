import { Tag } from 'antd';
import { useT } from '../../app/i18n/useT';

export function ActiveTag({ active }: { active: boolean | null | undefined }) {
  const t = useT();
  return active ? <Tag color="success">{t('enum.active.true')}</Tag> : <Tag>{t('enum.active.false')}</Tag>;
}
