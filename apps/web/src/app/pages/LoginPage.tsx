import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input, theme, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { Panel } from '../../shared/ui/Panel';
import { FullPageSpin } from '../auth/RequireAuth';
import { useAuth } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { LocaleSwitch } from '../layout/LocaleSwitch';

type LoginValues = { username: string; password: string };
type LoginErrors = Partial<Record<keyof LoginValues, string>>;

/**
 * A field in antd Form's vertical layout (label above, message below). The sign-in form is a plain <form>: antd's
 * Form (≈ 12 KB gzip) would be on the first screen for two required fields; the pages further in use it.
 */
function LoginField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div className="sf-login-field">
      <label htmlFor={id} className="sf-login-label" style={{ color: token.colorTextHeading }}>
        {label}
      </label>
      {children}
      <div id={`${id}-error`} className="sf-login-explain" role="alert" style={{ color: token.colorError }}>
        {error}
      </div>
    </div>
  );
}

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
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const next = safeNext(params.get('next'));

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={next} replace />;

  const check = (v: LoginValues): LoginErrors => ({
    username: v.username.trim() ? undefined : t('login.usernameRequired'),
    password: v.password ? undefined : t('login.passwordRequired'),
  });
  // Like antd Form: checked on submit, and a field showing a message is checked again as it changes.
  const change = (name: keyof LoginValues, value: string) => {
    const v = { ...values, [name]: value };
    setValues(v);
    if (errors[name]) setErrors({ ...errors, [name]: check(v)[name] });
  };

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
      <Panel className="sf-login-card" borderless>
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
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = check(values);
            setErrors(found);
            if (!found.username && !found.password) void onFinish(values);
          }}
        >
          <LoginField id="login_username" label={t('login.username')} error={errors.username}>
            <Input
              id="login_username"
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
              placeholder={t('login.username')}
              value={values.username}
              onChange={(e) => change('username', e.target.value)}
              status={errors.username ? 'error' : undefined}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={errors.username ? 'login_username-error' : undefined}
            />
          </LoginField>
          <LoginField id="login_password" label={t('login.password')} error={errors.password}>
            <Input.Password
              id="login_password"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
              placeholder={t('login.password')}
              value={values.password}
              onChange={(e) => change('password', e.target.value)}
              status={errors.password ? 'error' : undefined}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'login_password-error' : undefined}
            />
          </LoginField>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </form>
      </Panel>
      <Typography.Text className="sf-login-footer">{t('login.footer')}</Typography.Text>
    </div>
  );
}
