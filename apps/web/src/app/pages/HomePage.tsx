import { Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Mono } from '../../shared/ui/Mono';
import { Panel } from '../../shared/ui/Panel';
import { useCan, useMe } from '../auth/useAuth';
import { useI18n } from '../i18n/useT';
import { menuTestId, pageAllowed } from '../modules';
import { webModules } from '../registry';

/** A simple start page: who you are, where you are, and what you may open. */
export function HomePage() {
  const me = useMe();
  const can = useCan();
  const { t, locale } = useI18n();
  const modules = webModules
    .map((m) => ({ m, pages: m.pages.filter((p) => !p.hideInMenu && pageAllowed(p, can)) }))
    .filter((x) => x.pages.length > 0);

  return (
    <div data-testid="home">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Panel size="small" title={t('home.user')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('field.username')}>
                <Mono>{me.user.username}</Mono>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.displayName')}>{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <Space size={[4, 4]} wrap>
                  {me.roles.length
                    ? me.roles.map((r) => <Tag key={r.code}>{(locale === 'en-US' && r.nameEn) || r.name}</Tag>)
                    : t('common.none')}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.permissions')}>
                {t('home.permissionCount', { count: me.permissions.length })}
              </Descriptions.Item>
            </Descriptions>
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel size="small" title={t('home.store')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('field.code')}>
                <Mono>{me.currentStore.code}</Mono>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.name')}>{me.currentStore.name}</Descriptions.Item>
              <Descriptions.Item label={t('home.stores')}>
                <Space size={[4, 4]} wrap>
                  {me.stores.map((s) => (
                    <Tag key={s.id} color={s.id === me.currentStore.id ? 'blue' : undefined}>
                      {s.shortName || s.name}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Panel>
        </Col>
        <Col span={24}>
          <Panel size="small" title={t('home.shortcuts')}>
            {modules.length === 0 ? (
              <Empty description={t('home.noShortcuts')} />
            ) : (
              <Row gutter={[12, 12]}>
                {modules.map(({ m, pages }) => (
                  <Col key={m.key} xs={24} md={12} xl={8}>
                    <Typography.Text strong>
                      {m.icon} {t(m.label)}
                    </Typography.Text>
                    <div style={{ marginTop: 6 }}>
                      <Space size={[12, 4]} wrap>
                        {pages.map((p) => (
                          <Link key={p.path} to={p.path} data-testid={`home-${menuTestId(p.path)}`}>
                            {t(p.label)}
                          </Link>
                        ))}
                      </Space>
                    </div>
                  </Col>
                ))}
              </Row>
            )}
          </Panel>
        </Col>
      </Row>
    </div>
  );
}
