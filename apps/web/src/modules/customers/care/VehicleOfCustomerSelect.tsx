import { Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useList } from '../../../shared/api/queries';
import type { Vehicle } from '../types';

/** One of the customer's vehicles (as owner or as user). */
export function VehicleOfCustomerSelect({
  customerId,
  value,
  onChange,
  id,
}: {
  customerId: string | undefined;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const t = useT();
  const list = useList<Vehicle>('vehicles', { ownerId: customerId, pageSize: 100 }, { enabled: !!customerId });
  const options = (customerId ? (list.data?.items ?? []) : []).map((v) => ({
    value: v.id,
    label: [v.plate ?? t('care.noPlate'), v.seriesName ?? v.modelName, v.vin.slice(-6)].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={list.isFetching}
      disabled={!customerId}
      placeholder={t('care.vehicleOptional')}
      data-testid="care-vehicle"
      style={{ width: '100%' }}
    />
  );
}
