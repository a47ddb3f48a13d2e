import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, List, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { useList } from '../../../shared/api/queries';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { Customer, VehicleFile } from '../types';
import { FollowUpStatusTag } from './bits';
import { FollowUpDrawer } from './FollowUpDrawer';
import type { FollowUp } from './types';

/** The follow-up record of a customer (newest first), optionally only one vehicle's, with 记录回访. */
function FollowUpList({ customerId, vehicleId }: { customerId: string; vehicleId?: string }) {
  const { t, tEnum } = useI18n();
  const can = useCan();
  const [logging, setLogging] = useState(false);
  const [pageSize, setPageSize] = useState(10);
  const list = useList<FollowUp>(`customers/${customerId}/follow-ups`, { page: 1, pageSize: vehicleId ? 100 : pageSize });
  const all = list.data?.items ?? [];
  const rows = vehicleId ? all.filter((f) => f.vehicleId === vehicleId) : all;
  const total = vehicleId ? rows.length : (list.data?.total ?? 0);
  return (
    <div data-testid="follow-ups">
      {can('customers.follow-up.create') && (
        <div className="sf-no-print" style={{ textAlign: 'right', marginBottom: 4 }}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="follow-up-log">
            {t('care.logFollowUp')}
          </Button>
        </div>
      )}
      {rows.length === 0 && !list.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.noFollowUps')} style={{ margin: '8px 0' }} />
      ) : (
        <List<FollowUp>
          size="small"
          loading={list.isPending}
          dataSource={rows}
          renderItem={(f) => (
            <List.Item key={f.id} data-testid="follow-up-item">
              <div style={{ width: '100%' }}>
                <Space size={6} wrap>
                  <FollowUpStatusTag status={f.status} />
                  {f.status === 'done' ? (
                    <Typography.Text strong>{f.outcomeLabel ?? f.outcome}</Typography.Text>
                  ) : (
                    <Typography.Text strong>{t('care.dueOn', { date: formatDate(f.dueDate) })}</Typography.Text>
                  )}
                  <Tag>{tEnum('enum.followUpChannel', f.channel)}</Tag>
                  <Tag>{tEnum('enum.followUpPurpose', f.purpose)}</Tag>
                  {f.plate && !vehicleId && <Typography.Text type="secondary">{f.plate}</Typography.Text>}
                  {f.satisfaction ? <Rate disabled value={f.satisfaction} style={{ fontSize: 12 }} /> : null}
                </Space>
                {f.content && <div style={{ marginTop: 2, whiteSpace: 'pre-wrap' }}>{f.content}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    f.status === 'done'
                      ? t('care.byAt', { who: f.assignedToName ?? f.createdByName ?? '—', at: formatDateTime(f.doneAt ?? f.createdAt) })
                      : t('care.assignedTo', { who: f.assignedToName ?? '—' }),
                    f.nextContactDate ? t('care.nextOn', { date: formatDate(f.nextContactDate) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {!vehicleId && total > rows.length && (
        <Button type="link" size="small" onClick={() => setPageSize((s) => s + 20)}>
          {t('care.showMore', { shown: rows.length, total })}
        </Button>
      )}
      <FollowUpDrawer open={logging} onClose={() => setLogging(false)} customerId={customerId} vehicleId={vehicleId ?? null} />
    </div>
  );
}

/** 360° section 回访. */
export function CustomerFollowUps({ customer }: { customer: Customer }) {
  return <FollowUpList customerId={customer.id} />;
}

/** Vehicle file section 跟踪服务记录: the owner's follow-ups about this vehicle. */
export function VehicleFollowUps({ file }: { rows: unknown[]; file: VehicleFile }) {
  return <FollowUpList customerId={file.vehicle.ownerId} vehicleId={file.vehicle.id} />;
}
