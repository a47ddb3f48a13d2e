import { Card, Empty, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/zh-CN';

// One lazy component per section key (React.lazy must be created once, not on every render).
const cache = new Map<string, unknown>();

function lazyOnce<P extends object>(key: string, load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  const found = cache.get(key) as LazyExoticComponent<ComponentType<P>> | undefined;
  if (found) return found;
  const c = lazy(async () => ({ default: await load() }));
  cache.set(key, c);
  return c;
}

type Props<P> = {
  cacheKey: string;
  title: MessageKey;
  icon?: ReactNode;
  load?: () => Promise<ComponentType<P>>;
  props: P;
  empty?: MessageKey;
  /** records the server sent for the section (a count in the title; no component = a plain count) */
  count?: number;
  extra?: ReactNode;
  testId?: string;
};

/** A record section of the 360° view or the vehicle file: the contributing module's component, or the empty state. */
export function SectionCard<P extends object>({ cacheKey, title, icon, load, props, empty, count, extra, testId }: Props<P>) {
  const t = useT();
  let body: ReactNode;
  if (load) {
    const C = lazyOnce(cacheKey, load);
    body = (
      <Suspense fallback={<Spin size="small" />}>
        <C {...props} />
      </Suspense>
    );
  } else if (count) {
    body = <Typography.Text>{t('customers.sectionCount', { count })}</Typography.Text>;
  } else {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty ?? 'customers.sectionEmpty')} style={{ margin: '8px 0' }} />;
  }
  return (
    <Card
      size="small"
      className="sf-section-card"
      data-testid={testId}
      title={
        <Space size={6}>
          {icon}
          {t(title)}
          {count ? <Typography.Text type="secondary">({count})</Typography.Text> : null}
        </Space>
      }
      extra={extra}
    >
      {body}
    </Card>
  );
}
