import { Button, Result } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { useT } from '../i18n/useT';

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div data-testid="page-403">
      <Result
        status="403"
        title={t('error.403.title')}
        subTitle={t('error.403.desc')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div data-testid="page-404">
      <Result
        status="404"
        title={t('error.404.title')}
        subTitle={t('error.404.desc')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    </div>
  );
}

/** Route error element: a page that crashed or failed to load (e.g. a chunk after a deploy). */
export function RouteError() {
  const t = useT();
  const err = useRouteError();
  if (isRouteErrorResponse(err) && err.status === 404) return <NotFoundPage />;
  const detail = err instanceof Error ? err.message : isRouteErrorResponse(err) ? err.statusText : '';
  return (
    <Result
      status="error"
      title={t('error.crashed')}
      subTitle={detail}
      extra={<Button onClick={() => window.location.reload()}>{t('error.retry')}</Button>}
    />
  );
}
