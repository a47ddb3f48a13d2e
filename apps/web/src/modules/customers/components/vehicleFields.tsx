import type { Rule, RuleObject } from 'antd/es/form';
import type { TFunction } from '../../../app/i18n/I18nProvider';
import type { Locale } from '../../../shared/api/client';
import { localRule } from '../../../shared/form/localRules';
import type { FieldDef } from '../../../shared/form/types';
import type { ResourceRow } from '../../../shared/ui/ResourceSelect';
import { ColourInput, ConfigurationSelect, DateInput } from './inputs';

type Opts = {
  /** [] for the vehicle form, ['vehicle'] for the first vehicle inside the customer form */
  prefix: string[];
  locale: Locale;
  t: TFunction;
  /** customers.vehicle.unverified-plate: may keep a plate that fails the rules, flagged unverified */
  canUnverified: boolean;
  /** 'first': VIN, plate, model, colour, mileage (the customer form); 'full': the vehicle form */
  variant: 'first' | 'full';
};

export const customerOptionLabel = (row: ResourceRow) => [row.name, row.phone].filter(Boolean).map(String).join(' ');

/** Field declarations of a vehicle (VIN and plate checked in the browser with the server's rules). */
export function vehicleFieldDefs({ prefix, locale, t, canUnverified, variant }: Opts): FieldDef[] {
  const p = (name: string) => [...prefix, name];
  const first = variant === 'first';
  // In the customer form the vehicle is optional: VIN is needed once anything else about the car is filled in.
  const vinNeeded: Rule = ({ getFieldValue }) => ({
    validator: async (_r, v: unknown) => {
      if (!first || (typeof v === 'string' && v.trim())) return;
      const others = ['plate', 'configurationId', 'colour'].some((k) => {
        const x: unknown = getFieldValue(p(k));
        return typeof x === 'string' ? x.trim() !== '' : !!x;
      });
      if (others) throw new Error(t('customers.vinRequired'));
    },
  });
  const plateRule: Rule = ({ getFieldValue }) => ({
    validator: async (rule, v: unknown) => {
      if (getFieldValue(p('allowUnverifiedPlate')) === true) return;
      await (localRule('plate', locale) as RuleObject).validator?.(rule, v, () => undefined);
    },
  });
  const date = (name: string, label: FieldDef['label']): FieldDef => ({
    name,
    label,
    kind: 'custom',
    wide: false,
    render: ({ disabled }) => <DateInput disabled={disabled} />,
  });
  const fields: (FieldDef | false)[] = [
    !first && {
      name: 'ownerId',
      label: 'vehicles.owner',
      kind: 'resource',
      resource: 'customers',
      optionLabel: customerOptionLabel,
      required: true,
      createOnly: true,
    },
    !first && {
      name: 'userId',
      label: 'vehicles.user',
      kind: 'resource',
      resource: 'customers',
      optionLabel: customerOptionLabel,
      nullable: true,
      help: 'vehicles.userHint',
    },
    {
      name: p('vin'),
      label: 'vehicles.vin',
      kind: 'text',
      mono: true,
      uppercase: true,
      maxLength: 17,
      check: 'vin',
      required: !first,
      rules: [vinNeeded],
      placeholder: 'vehicles.vinPlaceholder',
    },
    {
      name: p('plate'),
      label: 'vehicles.plate',
      kind: 'text',
      mono: true,
      uppercase: true,
      maxLength: 12,
      nullable: true,
      rules: [plateRule],
      placeholder: 'vehicles.platePlaceholder',
    },
    canUnverified && {
      name: p('allowUnverifiedPlate'),
      label: 'vehicles.allowUnverifiedPlate',
      kind: 'switch',
      help: 'vehicles.allowUnverifiedPlateHint',
    },
    !first && { name: 'engineNo', label: 'vehicles.engineNo', kind: 'text', mono: true, uppercase: true, maxLength: 30 },
    {
      name: p('configurationId'),
      label: 'vehicles.configuration',
      kind: 'custom',
      wide: true,
      render: ({ disabled }) => <ConfigurationSelect disabled={disabled} />,
    },
    {
      name: p('colour'),
      label: 'vehicles.colour',
      kind: 'custom',
      wide: false,
      render: ({ disabled }) => <ColourInput disabled={disabled} configurationField={p('configurationId')} />,
    },
    !first && { name: 'modelYear', label: 'field.modelYear', kind: 'number', min: 1980, max: 2100, precision: 0 },
    {
      name: p('mileageKm'),
      label: 'vehicles.mileageKm',
      kind: 'number',
      min: 0,
      max: 2_000_000,
      precision: 0,
      createOnly: true,
    },
    !first && date('saleDate', 'vehicles.saleDate'),
    !first && { name: 'soldHere', label: 'vehicles.soldHere', kind: 'switch', createOnly: true },
    !first && date('firstRegistration', 'vehicles.firstRegistration'),
    !first && date('warrantyStart', 'vehicles.warrantyStart'),
    !first && date('warrantyEnd', 'vehicles.warrantyEnd'),
    !first && date('insuranceExpiry', 'vehicles.insuranceExpiry'),
  ];
  return fields.filter((f): f is FieldDef => !!f);
}
