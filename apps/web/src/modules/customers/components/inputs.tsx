import { AutoComplete, Cascader, DatePicker, Form, Select, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { DATE_FORMAT } from '../../../shared/format';
import { useConfigurationOptions, useDictionary, useDivisions } from '../hooks';
import type { Division } from '../types';

// Form controls of the customer and vehicle forms. Each takes value/onChange/id from its Form.Item.

type ControlProps<V> = { value?: V; onChange?: (value: V) => void; id?: string; disabled?: boolean };

/** A dictionary code (e.g. customer_source) picked by its label. */
export function DictionarySelect({ type, value, onChange, id, disabled }: ControlProps<string | null> & { type: string }) {
  const { t } = useI18n();
  const { options, loading } = useDictionary(type);
  return (
    <Select
      id={id}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      disabled={disabled}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('common.selectPlaceholder')}
    />
  );
}

type CascaderOption = { value: string; label: string; children?: CascaderOption[] };
const toOptions = (ds: readonly Division[]): CascaderOption[] =>
  ds.map((d) => ({ value: d.code, label: d.name, children: d.children?.length ? toOptions(d.children) : undefined }));

/** Province / city / district (6-digit codes), any prefix of the chain. */
export function DivisionCascader({ value, onChange, id, disabled }: ControlProps<string[]>) {
  const { t } = useI18n();
  const divisions = useDivisions();
  const options = useMemo(() => toOptions(divisions.data ?? []), [divisions.data]);
  return (
    <Cascader
      id={id}
      options={options}
      value={value?.length ? value : undefined}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      changeOnSelect
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())) }}
      disabled={disabled}
      placeholder={t('customers.regionPlaceholder')}
      notFoundContent={divisions.isPending ? t('common.loading') : undefined}
      style={{ width: '100%' }}
    />
  );
}

/** A date kept as 'YYYY-MM-DD' in the form. */
export function DateInput({ value, onChange, id, disabled }: ControlProps<string | null>) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : null)}
      format={DATE_FORMAT}
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}

/** Configuration from the catalogue, searchable by series, model and configuration names or codes. */
export function ConfigurationSelect({ value, onChange, id, disabled }: ControlProps<string | null>) {
  const { t } = useI18n();
  const { options, loading } = useConfigurationOptions();
  return (
    <Select
      id={id}
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={loading}
      disabled={disabled}
      allowClear
      showSearch
      filterOption={(input, o) => !!o && o.search.includes(input.trim().toLowerCase())}
      options={options}
      optionRender={(o) => (
        <span>
          <Typography.Text type="secondary">{`${[o.data.series, o.data.model].filter(Boolean).join(' · ')} · `}</Typography.Text>
          {o.data.configuration}
        </span>
      )}
      placeholder={t('customers.configurationPlaceholder')}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}

/** Colour: free text with the chosen configuration's colours offered. */
export function ColourInput({
  value,
  onChange,
  id,
  disabled,
  configurationField,
}: ControlProps<string> & { configurationField: NamePath }) {
  const form = Form.useFormInstance();
  const configurationId = Form.useWatch(configurationField, form) as string | null | undefined;
  const { options } = useConfigurationOptions();
  const colours = options.find((o) => o.value === configurationId)?.colours ?? [];
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={colours.map((c) => ({ value: c }))}
      disabled={disabled}
      maxLength={20}
      filterOption={(input, o) => !!o && String(o.value).includes(input)}
    />
  );
}
