import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { useList } from '../../../shared/api/queries';
import { formatDateTime } from '../../../shared/format';
import type { Customer } from '../types';
import { ComplaintStatusTag, SeverityTag } from './bits';
import { ComplaintDetailDrawer } from './ComplaintDetailDrawer';
import { ComplaintFormDrawer } from './ComplaintFormDrawer';
import type { Complaint } from './types';

/** 360° section 投诉: the customer's complaints, 登记投诉 preset with this customer. */
export function CustomerComplaints({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useList<Complaint>('complaints', { customerId: customer.id, page: 1, pageSize: 50 });
  return (
    <div data-testid="customer-complaints">
      {can('customers.complaint.create') && (
        <div style={{ textAlign: 'right', marginBottom: 4 }}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="complaint-create">
            {t('care.newComplaint')}
          </Button>
        </div>
      )}
      <Table<Complaint>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('care.noComplaints') }}
        rowClassName={(c) => (c.overdue ? 'sf-row-overdue' : '')}
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'number', title: t('care.number'), render: (_, c) => c.number },
          { key: 'type', title: t('care.complaintType'), render: (_, c) => c.typeLabel ?? c.type },
          { key: 'severity', title: t('care.severity'), render: (_, c) => <SeverityTag severity={c.severity} /> },
          { key: 'receivedAt', title: t('care.receivedAt'), render: (_, c) => formatDateTime(c.receivedAt) },
          { key: 'status', title: t('care.status'), render: (_, c) => <ComplaintStatusTag c={c} /> },
        ]}
      />
      <ComplaintFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        customer={{ id: customer.id, name: customer.name }}
        onSaved={(c) => setOpenId(c.id)}
      />
      <ComplaintDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
