import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { FullPageSpin } from '../auth/RequireAuth';
import { useAuth } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { LocaleSwitch } from '../layout/LocaleSwitch';

type LoginValues = { username: string; password: string };

/** Only same-app paths: never an absolute or protocol-relative URL (open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const { me, loading, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={next} replace />;

  const onFinish = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sf-login">
      <div className="sf-login-top">
        <LocaleSwitch dark />
      </div>
      <Card className="sf-login-card" variant="borderless">
        <div className="sf-login-brand">
          <span className="sf-logo-mark sf-logo-mark-lg">四</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginValues> layout="vertical" size="large" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
              placeholder={t('login.username')}
            />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
              placeholder={t('login.password')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text className="sf-login-footer">{t('login.footer')}</Typography.Text>
    </div>
  );
}
