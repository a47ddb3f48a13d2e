import { Select } from 'antd';
import { useT } from '../../../app/i18n/useT';

/** A select over a dictionary's entries (labels are data); value/onChange come from Form.Item. */
export function DictSelect({
  options,
  loading,
  value,
  onChange,
  testId,
  id,
}: {
  options: { value: string; label: string }[];
  loading: boolean;
  value?: string;
  onChange?: (v: string) => void;
  testId: string;
  id?: string;
}) {
  const t = useT();
  return (
    <Select
      id={id}
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      placeholder={t('care.selectPlaceholder')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
