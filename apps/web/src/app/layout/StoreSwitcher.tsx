import { ShopOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { useApiErrorHandler } from '../../shared/hooks/useApiErrorHandler';

export function StoreSwitcher() {
  const me = useMe();
  const { switchStore } = useAuth();
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);

  return (
    <Select
      data-testid="store-switcher"
      aria-label={t('layout.currentStore')}
      value={me.currentStore.id}
      loading={busy}
      disabled={busy || me.stores.length < 2}
      prefix={<ShopOutlined />}
      style={{ minWidth: 180, maxWidth: 260 }}
      popupMatchSelectWidth={false}
      showSearch={me.stores.length > 8}
      optionFilterProp="label"
      options={me.stores.map((s) => ({
        value: s.id,
        label: s.shortName || s.name,
        title: `${s.code} ${s.name}`,
      }))}
      onChange={async (storeId: string) => {
        setBusy(true);
        try {
          const next = await switchStore(storeId);
          void message.success(t('layout.storeSwitched', { name: next.currentStore.shortName || next.currentStore.name }));
        } catch (e) {
          onError(e);
        } finally {
          setBusy(false);
        }
      }}
    />
  );
}
