import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Alert, Button, Card, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { formatDate, formatDateTime } from '../../../shared/format';
import { ListTotal } from '../../../shared/list/ListTotal';
import { Mono } from '../../../shared/ui/Mono';
import { ComplaintClock, ComplaintStatusTag, SeverityTag } from '../care/bits';
import { ComplaintDetailDrawer } from '../care/ComplaintDetailDrawer';
import { FollowUpDrawer } from '../care/FollowUpDrawer';
import type { CareInbox, FollowUp } from '../care/types';
import '../customers.css';

/** "12", or "1000+" when the server stopped counting */
const countOf = (list: { total: number; totalExact: boolean } | undefined) => `${list?.total ?? 0}${list?.totalExact === false ? '+' : ''}`;

/** 客服待办: planned follow-ups due today or earlier, and the complaints that need the caller (GET /api/care/inbox). */
export function CareInboxPage() {
  const { t, tEnum } = useI18n();
  const can = useCan();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [countAll, setCountAll] = useState(false);
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const params = { mine: mine ? 'true' : undefined, page, pageSize, count: countAll ? 'exact' : undefined };
  const inbox = useQuery({
    queryKey: ['care', 'inbox', params],
    queryFn: ({ signal }) => api.get<CareInbox>('/api/care/inbox', params, signal),
    placeholderData: keepPreviousData,
  });
  const followUps = inbox.data?.followUps;
  const complaints = inbox.data?.complaints;
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <div data-testid="care-inbox">
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<'all' | 'mine'>
          value={mine ? 'mine' : 'all'}
          onChange={(v) => {
            setMine(v === 'mine');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('care.inbox.all') },
            { value: 'mine', label: t('care.inbox.mine') },
          ]}
          data-testid="care-inbox-mine"
        />
        <Tooltip title={t('common.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            onClick={() => void inbox.refetch()}
            loading={inbox.isFetching}
          />
        </Tooltip>
      </Space>
      {inbox.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={inbox.error instanceof Error ? inbox.error.message : t('error.loadFailed')}
        />
      )}
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space>
            {t('care.inbox.followUps')}
            <Typography.Text type="secondary">({countOf(followUps)})</Typography.Text>
          </Space>
        }
      >
        <Table<FollowUp>
          size="small"
          rowKey="id"
          data-testid="care-inbox-follow-ups"
          loading={inbox.isFetching}
          dataSource={followUps?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('care.inbox.noFollowUps') }}
          rowClassName={(f) => (f.dueDate && f.dueDate < today ? 'sf-row-overdue' : '')}
          pagination={{
            current: page,
            pageSize,
            total: followUps?.total ?? 0,
            size: 'small',
            showSizeChanger: true,
            showTotal: (total) => <ListTotal total={total} exact={followUps?.totalExact ?? true} onCountAll={() => setCountAll(true)} />,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          columns={[
            { key: 'dueDate', title: t('care.dueDate'), width: 110, render: (_, f) => formatDate(f.dueDate) },
            {
              key: 'customer',
              title: t('care.customer'),
              width: 120,
              render: (_, f) => <Link to={`/customers/${f.customerId}`}>{f.customerName}</Link>,
            },
            { key: 'phone', title: t('care.phone'), width: 120, render: (_, f) => <Mono>{f.customerPhone}</Mono> },
            { key: 'plate', title: t('care.plate'), width: 100, render: (_, f) => (f.plate ? <Mono>{f.plate}</Mono> : '—') },
            { key: 'purpose', title: t('care.purpose'), width: 110, render: (_, f) => tEnum('enum.followUpPurpose', f.purpose) },
            { key: 'content', title: t('care.nextContactNote'), ellipsis: true, render: (_, f) => f.content || '—' },
            { key: 'assignedTo', title: t('care.assignee'), width: 100, render: (_, f) => f.assignedToName ?? '—' },
            ...(can('customers.follow-up.create')
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 90,
                    fixed: 'right' as const,
                    render: (_: unknown, f: FollowUp) => (
                      <Button size="small" icon={<CheckOutlined />} onClick={() => setCompleting(f)} data-testid="follow-up-complete">
                        {t('care.done')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {can('customers.complaint.read') && (
        <Card
          size="small"
          title={
            <Space>
              {t('care.inbox.complaints')}
              <Typography.Text type="secondary">({countOf(complaints)})</Typography.Text>
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="id"
            data-testid="care-inbox-complaints"
            loading={inbox.isFetching}
            dataSource={complaints?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: t('care.inbox.noComplaints') }}
            rowClassName={(c) => (c.overdue ? 'sf-row-overdue' : '')}
            onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
            columns={[
              { key: 'number', title: t('care.number'), width: 150, render: (_, c) => <Mono>{c.number}</Mono> },
              { key: 'customer', title: t('care.customer'), width: 110, render: (_, c) => c.customerName },
              { key: 'type', title: t('care.complaintType'), width: 120, render: (_, c) => c.typeLabel ?? c.type },
              { key: 'severity', title: t('care.severity'), width: 80, render: (_, c) => <SeverityTag severity={c.severity} /> },
              { key: 'receivedAt', title: t('care.receivedAt'), width: 140, render: (_, c) => formatDateTime(c.receivedAt) },
              { key: 'dueAt', title: t('care.dueAt'), width: 140, render: (_, c) => formatDateTime(c.dueAt) },
              { key: 'clock', title: t('care.clock'), width: 150, render: (_, c) => <ComplaintClock c={c} /> },
              { key: 'status', title: t('care.status'), width: 130, render: (_, c) => <ComplaintStatusTag c={c} /> },
            ]}
          />
        </Card>
      )}
      <FollowUpDrawer open={!!completing} onClose={() => setCompleting(null)} planned={completing} />
      <ComplaintDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
