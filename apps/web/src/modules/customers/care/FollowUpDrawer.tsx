import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Rate } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { FormDrawer } from '../../../shared/form/FormDrawer';
import type { FieldDef } from '../../../shared/form/types';
import { useDictionary } from '../hooks';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_PURPOSES, type FollowUp } from './types';
import { DictSelect } from './DictSelect';
import { VehicleOfCustomerSelect } from './VehicleOfCustomerSelect';

type Props = {
  open: boolean;
  onClose: () => void;
  /** log a new contact with this customer … */
  customerId?: string;
  vehicleId?: string | null;
  /** … or complete this planned follow-up */
  planned?: FollowUp | null;
  onSaved?: () => void;
};

const notPast = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

/** Invalidates everything that lists follow-ups (the customer's record, the inbox). */
export function useInvalidateCare() {
  const qc = useQueryClient();
  return () =>
    qc.invalidateQueries({
      predicate: (q) => {
        const k = q.queryKey;
        return k[0] === 'care' || (k[0] === 'list' && typeof k[1] === 'string' && /follow-ups|complaints/.test(k[1]));
      },
    });
}

/**
 * 记录回访 (POST /api/customers/:id/follow-ups) or 完成 a planned one (POST /api/follow-ups/:id/complete):
 * channel, purpose, outcome (followup_outcome dictionary), content, satisfaction, next contact date.
 */
export function FollowUpDrawer({ open, onClose, customerId, vehicleId, planned, onSaved }: Props) {
  const t = useT();
  const outcomes = useDictionary('followup_outcome');
  const invalidate = useInvalidateCare();
  const completing = !!planned;
  const cid = planned?.customerId ?? customerId;

  const fields = useMemo<FieldDef[]>(
    () => [
      ...(completing
        ? []
        : ([
            {
              name: 'vehicleId',
              label: 'care.vehicle',
              kind: 'custom',
              render: () => <VehicleOfCustomerSelect customerId={cid} />,
            },
            {
              name: 'purpose',
              label: 'care.purpose',
              kind: 'select',
              required: true,
              values: FOLLOW_UP_PURPOSES,
              enumPrefix: 'enum.followUpPurpose',
            },
          ] satisfies FieldDef[])),
      {
        name: 'channel',
        label: 'care.channel',
        kind: 'select',
        required: !completing,
        values: FOLLOW_UP_CHANNELS,
        enumPrefix: 'enum.followUpChannel',
      },
      {
        name: 'outcome',
        label: 'care.outcome',
        kind: 'custom',
        required: true,
        wide: false,
        render: () => null,
      },
      { name: 'content', label: 'care.content', kind: 'textarea', required: true, maxLength: 2000 },
      {
        name: 'satisfaction',
        label: 'care.satisfaction',
        kind: 'custom',
        render: () => <Rate data-testid="follow-up-satisfaction" />,
      },
      {
        name: 'nextContactDate',
        label: 'care.nextContactDate',
        kind: 'custom',
        wide: false,
        render: () => <DatePicker disabledDate={notPast} style={{ width: '100%' }} data-testid="follow-up-next" />,
      },
      { name: 'nextContactNote', label: 'care.nextContactNote', kind: 'text', maxLength: 500 },
    ],
    [completing, cid],
  );
  // the outcome select needs the dictionary options (data, not messages)
  const withOutcome = useMemo(
    () =>
      fields.map((f) =>
        f.name === 'outcome'
          ? {
              ...f,
              render: () => <DictSelect options={outcomes.options} loading={outcomes.loading} testId="follow-up-outcome" />,
            }
          : f,
      ),
    [fields, outcomes.options, outcomes.loading],
  );

  const defaults = useMemo(
    () => (completing ? { channel: planned?.channel } : { vehicleId: vehicleId ?? null, channel: 'phone' }),
    [completing, planned, vehicleId],
  );

  return (
    <FormDrawer<FollowUp>
      open={open}
      onClose={onClose}
      resource={cid ? `customers/${cid}/follow-ups` : 'follow-ups'}
      entity="care.followUp"
      title={t(completing ? 'care.completeFollowUp' : 'care.logFollowUp')}
      fields={withOutcome}
      createDefaults={defaults}
      columns={2}
      testId="follow-up-form"
      toBody={(body, values) => {
        const next = values.nextContactDate as Dayjs | null | undefined;
        return {
          ...body,
          satisfaction: body.satisfaction ? body.satisfaction : null,
          nextContactDate: next ? dayjs(next).format('YYYY-MM-DD') : null,
        };
      }}
      submit={(body) =>
        planned ? api.post(`/api/follow-ups/${planned.id}/complete`, body) : api.post(`/api/customers/${cid ?? ''}/follow-ups`, body)
      }
      onSaved={() => {
        void invalidate();
        onSaved?.();
      }}
    />
  );
}
