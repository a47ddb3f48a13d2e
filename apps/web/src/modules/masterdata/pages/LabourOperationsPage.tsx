import { useI18n } from '../../../app/i18n/useT';
import { useOptionsList } from '../../../shared/api/queries';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { CatalogueItem, LabourOperation } from '../types';

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
  {
    name: 'repairTypeId',
    label: 'field.repairType',
    kind: 'resource',
    resource: 'repair-types',
    resourceParams: { sort: 'code' },
    required: true,
  },
  { name: 'standardHours', label: 'field.standardHours', kind: 'decimal', precision: 2, min: 0, max: 9999.99, required: true },
  { name: 'active', label: 'field.active', kind: 'switch' },
  { name: 'priceFen', label: 'field.labourPrice', kind: 'display', display: 'money', help: 'labour.priceHint' },
];

/** 工时项目 labour operations; the price is hours × this store's labour rate for the repair type. */
export function LabourOperationsPage() {
  const { locale } = useI18n();
  const repairTypes = useOptionsList<CatalogueItem>('repair-types', { sort: 'code' });
  const rtName = (op: LabourOperation) => {
    const rt = repairTypes.data?.items.find((r) => r.id === op.repairTypeId);
    return (rt && ((locale === 'en-US' && rt.nameEn) || rt.name)) || op.repairTypeCode || '';
  };
  const columns: ListColumn<LabourOperation>[] = [
    { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 130 },
    { key: 'name', title: 'field.name', sortable: true },
    { key: 'repairTypeId', title: 'field.repairType', width: 130, render: rtName },
    { key: 'standardHours', title: 'field.standardHours', kind: 'decimal', sortable: true, width: 100 },
    { key: 'priceFen', title: 'field.labourPrice', kind: 'money', width: 120 },
    { key: 'active', title: 'field.active', kind: 'active', width: 80 },
  ];
  return (
    <ResourcePage<LabourOperation>
      pageKey="masterdata.labour-operations"
      resource="labour-operations"
      entity="entity.labourOperation"
      columns={columns}
      fields={fields}
      defaultSort="code"
      filters={[
        { kind: 'resource', name: 'repairTypeId', label: 'field.repairType', resource: 'repair-types', params: { sort: 'code' } },
        { kind: 'boolean', name: 'active', label: 'field.active', width: 110 },
      ]}
      permissions={{
        create: 'masterdata.labour-operation.create',
        update: 'masterdata.labour-operation.update',
        delete: 'masterdata.labour-operation.delete',
        import: 'masterdata.labour-operation.import',
        export: 'masterdata.labour-operation.export',
      }}
    />
  );
}
