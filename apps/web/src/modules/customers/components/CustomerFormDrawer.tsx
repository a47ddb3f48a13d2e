import { useQueryClient } from '@tanstack/react-query';
import { Divider, Radio, Typography } from 'antd';
import type { Rule, RuleObject } from 'antd/es/form';
import { useEffect, useMemo, useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import type { TFunction } from '../../../app/i18n/I18nProvider';
import { useI18n } from '../../../app/i18n/useT';
import type { Locale } from '../../../shared/api/client';
import { api, ApiError, isApiError, resourceUrl } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { FormDrawer, type SubmitContext } from '../../../shared/form/FormDrawer';
import { bodyFromValues, FormFields } from '../../../shared/form/FormFields';
import { localRule, type LocalCheck } from '../../../shared/form/localRules';
import type { FieldDef } from '../../../shared/form/types';
import { CONSENT_CHANNELS, CUSTOMER_KINDS, GENDERS, type Customer, type CustomerKind, type DuplicateCustomer } from '../types';
import { DuplicateDialog, useDuplicateDialog } from './DuplicateDialog';
import { DateInput, DictionarySelect, DivisionCascader } from './inputs';
import { vehicleFieldDefs } from './vehicleFields';

/**
 * A China rule checked in the browser, except on a masked value the user left as it was
 * (editing a customer whose phone shows as 138****8000 must not fail on it).
 */
export function checkRule(check: LocalCheck, locale: Locale, unchanged?: string | null): Rule {
  const inner = localRule(check, locale) as RuleObject;
  return {
    validator: async (rule, value: unknown) => {
      if (unchanged && value === unchanged) return;
      await inner.validator?.(rule, value, () => undefined);
    },
  };
}

function KindSwitch({
  value,
  onChange,
  onKind,
  disabled,
}: {
  value?: CustomerKind;
  onChange?: (v: CustomerKind) => void;
  onKind: (v: CustomerKind) => void;
  disabled?: boolean;
}) {
  const { tEnum } = useI18n();
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const v = e.target.value as CustomerKind;
        onChange?.(v);
        onKind(v);
      }}
      options={CUSTOMER_KINDS.map((k) => ({ value: k, label: tEnum('enum.customerKind', k) }))}
      data-testid="customer-kind"
    />
  );
}

type FieldOpts = { kind: CustomerKind; record: Customer | null; locale: Locale; t: TFunction; onKind: (k: CustomerKind) => void };

function customerFields({ kind, record, locale, t, onKind }: FieldOpts): FieldDef[] {
  const masked = !!record && !record.revealed;
  const person = kind === 'person';
  const fields: (FieldDef | false)[] = [
    {
      name: 'kind',
      label: 'customers.kind',
      kind: 'custom',
      defaultValue: 'person',
      wide: false,
      render: ({ disabled }) => <KindSwitch onKind={onKind} disabled={disabled} />,
    },
    {
      name: 'source',
      label: 'customers.source',
      kind: 'custom',
      wide: false,
      render: ({ disabled }) => <DictionarySelect type="customer_source" disabled={disabled} />,
    },
    { name: 'name', label: person ? 'customers.personName' : 'customers.companyName', kind: 'text', required: true, maxLength: 60 },
    {
      name: 'phone',
      label: 'customers.phone',
      kind: 'text',
      required: true,
      maxLength: 20,
      rules: [checkRule('mobile', locale, masked ? record.phone : null)],
      help: masked ? 'customers.maskedHint' : undefined,
    },
    !person && { name: 'contactName', label: 'customers.contactName', kind: 'text', maxLength: 40, nullable: true },
    !person && {
      name: 'creditCode',
      label: 'field.creditCode',
      kind: 'text',
      mono: true,
      uppercase: true,
      maxLength: 18,
      nullable: true,
      check: 'creditCode',
    },
    person && { name: 'gender', label: 'customers.gender', kind: 'select', values: GENDERS, enumPrefix: 'enum.gender', nullable: true },
    person && {
      name: 'birthday',
      label: 'customers.birthday',
      kind: 'custom',
      wide: false,
      render: ({ disabled }) => <DateInput disabled={disabled} />,
    },
    person && {
      name: 'idNumber',
      label: 'customers.idNumber',
      kind: 'text',
      mono: true,
      uppercase: true,
      maxLength: 18,
      nullable: true,
      rules: [checkRule('residentId', locale, masked ? record.idNumber : null)],
    },
    {
      name: 'extraPhones',
      label: 'customers.extraPhones',
      kind: 'tags',
      placeholder: 'customers.extraPhonesPlaceholder',
      // Masked numbers cannot be sent back; they are edited once the full data is shown.
      readOnlyOnEdit: masked && record.extraPhones.length > 0,
      help: masked && record.extraPhones.length > 0 ? 'customers.extraPhonesMasked' : undefined,
      rules: [
        {
          validator: async (_r, v: unknown) => {
            // (masked numbers of a customer not shown in full are left as they are)
            const bad = Array.isArray(v)
              ? v.map(String).find((p) => !p.includes('*') && !/^1[3-9]\d{9}$/.test(p.replace(/[\s-]/g, '')))
              : undefined;
            if (bad !== undefined) throw new Error(t('customers.extraPhoneInvalid', { phone: String(bad) }));
          },
        },
      ],
    },
    {
      name: 'region',
      label: 'customers.region',
      kind: 'custom',
      wide: false,
      noSubmit: true,
      render: ({ disabled }) => <DivisionCascader disabled={disabled} />,
    },
    {
      name: 'address',
      label: 'customers.street',
      kind: 'text',
      maxLength: 200,
      placeholder: 'customers.streetPlaceholder',
      help: masked && record.address ? 'customers.maskedHint' : undefined,
    },
    { name: 'tags', label: 'customers.tags', kind: 'tags', defaultValue: [], placeholder: 'customers.tagsPlaceholder' },
    { name: 'marketingConsent', label: 'customers.marketingConsent', kind: 'switch', help: 'customers.marketingConsentHint' },
    {
      name: 'consentChannel',
      label: 'customers.consentChannel',
      kind: 'select',
      values: CONSENT_CHANNELS,
      enumPrefix: 'enum.consentChannel',
      nullable: true,
    },
    { name: 'notes', label: 'customers.notes', kind: 'textarea', maxLength: 2000 },
  ];
  return fields.filter((f): f is FieldDef => !!f);
}

/** Server field paths that belong to a control with another name. */
function remapFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = ['provinceCode', 'cityCode', 'districtCode'].includes(k) ? 'region' : k.startsWith('extraPhones.') ? 'extraPhones' : k;
    out[key] ??= v;
  }
  return out;
}

function remapError(e: unknown): unknown {
  if (!isApiError(e) || !e.fields) return e;
  return new ApiError(e.status, { ...e.body, message: e.message, kind: e.kind, code: e.code, fields: remapFields(e.fields) }, e.message);
}

export type CustomerFormDrawerProps = {
  open: boolean;
  onClose: () => void;
  /** Edit this customer (revealed or masked); null = create. */
  record?: Customer | null;
  onSaved?: (customer: Customer) => void;
};

/** 新建/编辑客户: person or company, contact data, address, source, consent; on create an optional first vehicle. */
export function CustomerFormDrawer({ open, onClose, record = null, onSaved }: CustomerFormDrawerProps) {
  const { t, locale } = useI18n();
  const can = useCan();
  const qc = useQueryClient();
  const [kind, setKind] = useState<CustomerKind>(record?.kind ?? 'person');
  const duplicates = useDuplicateDialog();
  const canUnverified = can('customers.vehicle.unverified-plate');

  useEffect(() => {
    if (open) setKind(record?.kind ?? 'person');
  }, [open, record]);

  const fields = useMemo(() => customerFields({ kind, record, locale, t, onKind: setKind }), [kind, record, locale, t]);
  const vFields = useMemo(
    () => vehicleFieldDefs({ prefix: ['vehicle'], locale, t, canUnverified, variant: 'first' }),
    [locale, t, canUnverified],
  );
  const fromRecord = useMemo(() => (r: Customer) => ({ ...r, region: [r.provinceCode, r.cityCode, r.districtCode].filter(Boolean) }), []);

  const toBody = (body: Record<string, unknown>, values: Record<string, unknown>, ctx: SubmitContext<Customer>) => {
    const out = { ...body };
    if (out.source === null) out.source = '';
    if (out.address === null) out.address = '';
    const region = Array.isArray(values.region) ? (values.region as string[]) : [];
    const before = ctx.record ? [ctx.record.provinceCode, ctx.record.cityCode, ctx.record.districtCode].filter(Boolean) : [];
    if (JSON.stringify(region) !== JSON.stringify(before)) {
      out.provinceCode = region[0] ?? '';
      out.cityCode = region[1] ?? '';
      out.districtCode = region[2] ?? '';
    }
    if (!ctx.editing) {
      const v = (bodyFromValues(vFields, values, false).vehicle ?? {}) as Record<string, unknown>;
      if (v.vin || v.plate || v.configurationId) out.vehicle = v;
    }
    return out;
  };

  const submit = async (body: unknown, ctx: SubmitContext<Customer>) => {
    const send = (b: unknown) =>
      ctx.editing && ctx.record
        ? api.patch<Customer>(resourceUrl('customers', ctx.record.id), b)
        : api.post<Customer>(resourceUrl('customers'), b);
    try {
      return await send(body);
    } catch (e) {
      if (!ctx.editing && isApiError(e) && e.code === 'customer.duplicate_phone') {
        const list = Array.isArray(e.body.duplicates) ? (e.body.duplicates as DuplicateCustomer[]) : [];
        if (await duplicates.ask(list)) {
          try {
            return await send({ ...(body as object), confirmDuplicate: true });
          } catch (e2) {
            throw remapError(e2);
          }
        }
      }
      throw remapError(e);
    }
  };

  return (
    <>
      <FormDrawer<Customer>
        open={open}
        onClose={onClose}
        resource="customers"
        entity="entity.customer"
        testId="customer-form"
        fields={fields}
        record={record}
        fromRecord={fromRecord}
        createDefaults={{ kind: 'person', tags: [], marketingConsent: false }}
        toBody={toBody}
        submit={submit}
        extraFieldRoots={['vehicle']}
        columns={2}
        onSaved={(saved) => {
          if (!record) void invalidateResource(qc, 'vehicles');
          onSaved?.(saved as Customer);
        }}
      >
        {!record && (
          <>
            <Divider orientation="left" orientationMargin={0} style={{ marginTop: 4 }}>
              {t('customers.firstVehicle')}
            </Divider>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('customers.firstVehicleHint')}
            </Typography.Paragraph>
            <FormFields fields={vFields} editing={false} columns={2} />
          </>
        )}
      </FormDrawer>
      <DuplicateDialog state={duplicates} />
    </>
  );
}
