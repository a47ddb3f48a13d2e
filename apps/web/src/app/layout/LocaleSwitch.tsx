import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useAuth } from '../auth/useAuth';
import { LOCALES } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useT';
import { useApiErrorHandler } from '../../shared/hooks/useApiErrorHandler';

/** zh-CN / English. Signed in: saved on the user (PUT /api/auth/locale); on the login page: this browser only. */
export function LocaleSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useAuth();
  const onError = useApiErrorHandler();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({
          key: l,
          label: <span data-testid={`locale-option-${l}`}>{t(`locale.${l}`)}</span>,
        })),
        onClick: ({ key }) => {
          if (key !== locale) changeLocale(key === 'en-US' ? 'en-US' : 'zh-CN').catch(onError);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="locale-switch"
        aria-label={t('layout.language')}
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        {t(`locale.${locale}`)}
      </Button>
    </Dropdown>
  );
}
