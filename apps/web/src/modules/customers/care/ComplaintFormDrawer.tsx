import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { FormDrawer } from '../../../shared/form/FormDrawer';
import type { FieldDef } from '../../../shared/form/types';
import { useDictionary } from '../hooks';
import { CustomerPicker } from './CustomerPicker';
import { DictSelect } from './DictSelect';
import { useInvalidateCare } from './FollowUpDrawer';
import { COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type Complaint } from './types';
import { VehicleOfCustomerSelect } from './VehicleOfCustomerSelect';

type Props = {
  open: boolean;
  onClose: () => void;
  /** preset from the 360° page */
  customer?: { id: string; name: string } | null;
  onSaved?: (c: Complaint) => void;
};

/** The vehicle select follows the customer picked in the same form. */
function WatchedVehicleSelect(props: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const form = Form.useFormInstance();
  const customerId = Form.useWatch('customerId', form) as string | undefined;
  return <VehicleOfCustomerSelect customerId={customerId} {...props} />;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs().endOf('day'));

/** 登记投诉: POST /api/complaints — the 24-hour clock starts at `receivedAt` (default now). */
export function ComplaintFormDrawer({ open, onClose, customer, onSaved }: Props) {
  const t = useT();
  const types = useDictionary('complaint_type');
  const invalidate = useInvalidateCare();
  const fields = useMemo<FieldDef[]>(
    () => [
      {
        name: 'customerId',
        label: 'care.customer',
        kind: 'custom',
        required: true,
        render: () => <CustomerPicker initial={customer ?? null} disabled={!!customer} testId="complaint-customer" />,
      },
      { name: 'vehicleId', label: 'care.vehicle', kind: 'custom', render: () => <WatchedVehicleSelect /> },
      {
        name: 'type',
        label: 'care.complaintType',
        kind: 'custom',
        required: true,
        wide: false,
        render: () => <DictSelect options={types.options} loading={types.loading} testId="complaint-type" />,
      },
      {
        name: 'severity',
        label: 'care.severity',
        kind: 'select',
        required: true,
        values: COMPLAINT_SEVERITIES,
        enumPrefix: 'enum.complaintSeverity',
      },
      {
        name: 'channel',
        label: 'care.channel',
        kind: 'select',
        required: true,
        values: COMPLAINT_CHANNELS,
        enumPrefix: 'enum.complaintChannel',
      },
      {
        name: 'receivedAt',
        label: 'care.receivedAt',
        kind: 'custom',
        wide: false,
        help: 'care.receivedAtHelp',
        render: () => (
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} />
        ),
      },
      { name: 'againstText', label: 'care.against', kind: 'text', maxLength: 200, placeholder: 'care.againstPlaceholder' },
      { name: 'description', label: 'care.description', kind: 'textarea', required: true, maxLength: 4000 },
    ],
    [customer, types.options, types.loading],
  );
  const defaults = useMemo(() => ({ customerId: customer?.id, severity: 'medium', channel: 'phone' }), [customer]);
  return (
    <FormDrawer<Complaint>
      open={open}
      onClose={onClose}
      resource="complaints"
      entity="care.complaint"
      title={t('care.newComplaint')}
      fields={fields}
      createDefaults={defaults}
      columns={2}
      testId="complaint-form"
      toBody={(body, values) => {
        const at = values.receivedAt as Dayjs | null | undefined;
        return { ...body, receivedAt: at ? dayjs(at).toISOString() : undefined };
      }}
      submit={(body) => api.post<Complaint>('/api/complaints', body)}
      onSaved={(saved) => {
        void invalidate();
        onSaved?.(saved as Complaint);
      }}
    />
  );
}
