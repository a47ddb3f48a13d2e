import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/useT';
import { formatDate } from '../../../shared/format';
import { Mono } from '../../../shared/ui/Mono';
import type { Vehicle } from '../types';

/** Days an insurance expiry counts as "due soon" (the renewal campaign window). */
export const INSURANCE_DUE_DAYS = 30;

/** The plate in monospace; a plate kept against the rules carries an "unverified" tag. */
export function Plate({ vehicle }: { vehicle: Pick<Vehicle, 'plate' | 'plateVerified'> }) {
  const { t } = useI18n();
  if (!vehicle.plate) return <span className="sf-muted">{t('vehicles.noPlate')}</span>;
  return (
    <span>
      <Mono>{vehicle.plate}</Mono>
      {!vehicle.plateVerified && (
        <Tooltip title={t('vehicles.plateUnverifiedHint')}>
          <Tag color="orange" style={{ marginLeft: 6 }}>
            {t('vehicles.plateUnverified')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** 车系 车型 · 配置 */
export function vehicleModelText(v: Pick<Vehicle, 'seriesName' | 'modelName' | 'configurationName'>): string {
  return [v.modelName || v.seriesName, v.configurationName].filter(Boolean).join(' · ');
}

/** Warranty end date with 在保 / 已过保. */
export function WarrantyEnd({ date }: { date: string | null }) {
  const { t } = useI18n();
  if (!date) return <span className="sf-muted">—</span>;
  const expired = dayjs(date).endOf('day').isBefore(dayjs());
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(date)} <Tag color={expired ? 'default' : 'green'}>{t(expired ? 'vehicles.warrantyExpired' : 'vehicles.inWarranty')}</Tag>
    </span>
  );
}

/** Insurance expiry, orange within 30 days, red when past. */
export function InsuranceExpiry({ date }: { date: string | null }) {
  const { t } = useI18n();
  if (!date) return <span className="sf-muted">—</span>;
  const days = dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(date)}{' '}
      {days < 0 ? (
        <Tag color="red">{t('vehicles.insuranceExpired')}</Tag>
      ) : days <= INSURANCE_DUE_DAYS ? (
        <Tag color="orange">{t('vehicles.insuranceDue', { days })}</Tag>
      ) : null}
    </span>
  );
}

export function Km({ km }: { km: number | null | undefined }) {
  if (km === null || km === undefined) return <span className="sf-muted">—</span>;
  return <span className="sf-money">{`${km.toLocaleString('en-US')} km`}</span>;
}
