import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { invalidateResource } from '../../../shared/api/queries';
import { FormDrawer } from '../../../shared/form/FormDrawer';
import type { Vehicle } from '../types';
import { vehicleFieldDefs } from './vehicleFields';

export type VehicleFormDrawerProps = {
  open: boolean;
  onClose: () => void;
  record?: Vehicle | null;
  /** e.g. { ownerId } when adding a car from the customer's page */
  createDefaults?: Record<string, unknown>;
  onSaved?: (vehicle: Vehicle) => void;
};

/** 登记/编辑车辆: VIN, plate (unverified only with the permission), engine no., model, dates. */
export function VehicleFormDrawer({ open, onClose, record = null, createDefaults, onSaved }: VehicleFormDrawerProps) {
  const { t, locale } = useI18n();
  const can = useCan();
  const qc = useQueryClient();
  const canUnverified = can('customers.vehicle.unverified-plate');
  const fields = useMemo(() => vehicleFieldDefs({ prefix: [], locale, t, canUnverified, variant: 'full' }), [locale, t, canUnverified]);
  const defaults = useMemo(() => ({ soldHere: false, allowUnverifiedPlate: false, ...createDefaults }), [createDefaults]);
  return (
    <FormDrawer<Vehicle>
      open={open}
      onClose={onClose}
      resource="vehicles"
      entity="entity.vehicle"
      testId="vehicle-form"
      fields={fields}
      record={record}
      createDefaults={defaults}
      readOnly={!!record && !can('customers.vehicle.update')}
      columns={2}
      toBody={(body) => {
        // Text columns are never null on the server: a cleared colour is ''.
        const out = { ...body };
        if (out.colour === null) out.colour = '';
        return out;
      }}
      onSaved={(saved) => {
        // the owner's vehicle count and the vehicle file change too
        void invalidateResource(qc, 'customers');
        onSaved?.(saved as Vehicle);
      }}
    />
  );
}
