import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/useT';

// The 403 and 404 pages with antd's illustrations: their own chunk (see ErrorPages.tsx).

export function ForbiddenResult() {
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

export function NotFoundResult() {
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
