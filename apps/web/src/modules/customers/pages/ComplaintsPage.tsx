import { useMemo, useState } from 'react';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { Mono } from '../../../shared/ui/Mono';
import { ComplaintClock, ComplaintStatusTag, SeverityTag } from '../care/bits';
import { ComplaintDetailDrawer } from '../care/ComplaintDetailDrawer';
import { ComplaintFormDrawer } from '../care/ComplaintFormDrawer';
import { COMPLAINT_STATUSES, type Complaint } from '../care/types';
import '../customers.css';

/** 投诉: the store's complaints, newest first; 登记投诉; a row opens the case with its 24-hour clock. */
export function ComplaintsPage() {
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const columns = useMemo<ListColumn<Complaint>[]>(
    () => [
      { key: 'number', title: 'care.number', kind: 'mono', width: 150 },
      { key: 'customerName', title: 'care.customer', width: 110, render: (c) => <a>{c.customerName}</a> },
      { key: 'customerPhone', title: 'care.phone', width: 120, render: (c) => <Mono>{c.customerPhone}</Mono> },
      { key: 'plate', title: 'care.plate', kind: 'mono', width: 100 },
      { key: 'type', title: 'care.complaintType', width: 120, value: (c) => c.typeLabel ?? c.type },
      { key: 'severity', title: 'care.severity', width: 80, render: (c) => <SeverityTag severity={c.severity} /> },
      { key: 'channel', title: 'care.channel', kind: 'enum', enumPrefix: 'enum.complaintChannel', width: 90, defaultHidden: true },
      { key: 'receivedAt', title: 'care.receivedAt', kind: 'datetime', width: 140 },
      { key: 'dueAt', title: 'care.dueAt', kind: 'datetime', width: 140 },
      { key: 'clock', title: 'care.clock', width: 150, render: (c) => <ComplaintClock c={c} /> },
      { key: 'status', title: 'care.status', width: 130, render: (c) => <ComplaintStatusTag c={c} /> },
      { key: 'resolvedByName', title: 'care.resolvedBy', width: 100, defaultHidden: true },
    ],
    [],
  );
  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'select', name: 'status', label: 'care.status', values: COMPLAINT_STATUSES, enumPrefix: 'enum.complaintStatus', width: 130 },
    ],
    [],
  );
  return (
    <div data-testid="complaints-page">
      <ListPage<Complaint>
        pageKey="customers.complaints"
        resource="complaints"
        columns={columns}
        filters={filters}
        search={false}
        onRowClick={(c) => setOpenId(c.id)}
        rowClassName={(c) => (c.overdue ? 'sf-row-overdue' : '')}
        create={{ onClick: () => setCreating(true), permission: 'customers.complaint.create', label: 'care.newComplaint' }}
      />
      <ComplaintFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => setOpenId(c.id)} />
      <ComplaintDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
