import { Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../i18n/useT';
import { Problem } from '../pages/Problem';
import { useAuth } from './useAuth';

export function FullPageSpin() {
  return (
    <div className="sf-fullpage-center">
      <Spin size="large" />
    </div>
  );
}

/** Signed-in area: no session → /login?next=<where you were>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, retry } = useAuth();
  const location = useLocation();
  const t = useT();
  if (loading) return <FullPageSpin />;
  if (!me && error) {
    return (
      <div className="sf-fullpage-center">
        <Problem
          status="warning"
          title={t('error.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={retry}>{t('error.retry')}</Button>}
        />
      </div>
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
