import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover } from 'antd';
import { useT } from '../../app/i18n/useT';
import type { ListColumn } from './types';

type Props<T> = {
  columns: readonly ListColumn<T>[];
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
  onReset: () => void;
};

export function ColumnChooser<T>({ columns, hidden, onChange, onReset }: Props<T>) {
  const t = useT();
  const content = (
    <div style={{ maxHeight: 360, overflowY: 'auto', minWidth: 160 }}>
      {columns.map((c) => (
        <div key={c.key}>
          <Checkbox
            checked={!hidden.includes(c.key)}
            onChange={(e) => onChange(e.target.checked ? hidden.filter((k) => k !== c.key) : [...hidden, c.key])}
          >
            {t(c.title)}
          </Checkbox>
        </div>
      ))}
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" type="link" onClick={onReset} style={{ padding: 0 }}>
        {t('list.resetColumns')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('list.columns')}>
      <Button icon={<SettingOutlined />} data-testid="list-columns" aria-label={t('list.columns')} title={t('list.columns')} />
    </Popover>
  );
}
