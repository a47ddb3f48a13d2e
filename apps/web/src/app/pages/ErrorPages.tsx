import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../i18n/useT';
import { Problem } from './Problem';

// The illustrated 403/404 pages are not on the first screen: fetched when shown.
const ForbiddenResult = lazy(() => import('./StatusPages').then((m) => ({ default: m.ForbiddenResult })));
const NotFoundResult = lazy(() => import('./StatusPages').then((m) => ({ default: m.NotFoundResult })));

export function ForbiddenPage() {
  return (
    <Suspense fallback={null}>
      <ForbiddenResult />
    </Suspense>
  );
}

export function NotFoundPage() {
  return (
    <Suspense fallback={null}>
      <NotFoundResult />
    </Suspense>
  );
}

/** Route error element: a page that crashed or failed to load (e.g. a chunk after a deploy) — needs no other chunk. */
export function RouteError() {
  const t = useT();
  const err = useRouteError();
  if (isRouteErrorResponse(err) && err.status === 404) return <NotFoundPage />;
  const detail = err instanceof Error ? err.message : isRouteErrorResponse(err) ? err.statusText : '';
  return (
    <Problem
      status="error"
      title={t('error.crashed')}
      subTitle={detail}
      extra={<Button onClick={() => window.location.reload()}>{t('error.retry')}</Button>}
    />
  );
}
