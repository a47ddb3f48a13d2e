import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/useAuth';
import { useI18n } from '../i18n/useT';

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div style={{ maxWidth: 260 }}>
                <div>
                  <Typography.Text strong>{me.user.displayName}</Typography.Text>{' '}
                  <Typography.Text type="secondary" className="sf-mono">
                    {me.user.username}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('layout.roles')}:{' '}
                  {me.roles.map((r) => (locale === 'en-US' && r.nameEn) || r.name).join(locale === 'en-US' ? ', ' : '、') ||
                    t('common.none')}
                </Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('layout.logout')}</span>,
            onClick: async () => {
              await logout().catch(() => undefined);
              void message.success(t('layout.loggedOut'));
              navigate('/login', { replace: true });
            },
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 40, paddingInline: 8 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
        <span className="sf-user-name">{me.user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
