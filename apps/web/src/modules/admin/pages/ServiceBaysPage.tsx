import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import { BAY_KINDS, type ServiceBay } from '../types';

const columns: ListColumn<ServiceBay>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 120 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'kind', title: 'field.bayKind', kind: 'enum', enumPrefix: 'enum.bayKind', width: 140 },
  { key: 'active', title: 'field.active', kind: 'active', width: 90 },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 32 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 60 },
  {
    name: 'kind',
    label: 'field.bayKind',
    kind: 'select',
    values: BAY_KINDS,
    enumPrefix: 'enum.bayKind',
    required: true,
    defaultValue: 'general',
  },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

/** 工位 service bays of the current store (the workshop board's rows). */
export function ServiceBaysPage() {
  return (
    <ResourcePage<ServiceBay>
      pageKey="admin.service-bays"
      resource="service-bays"
      entity="entity.serviceBay"
      columns={columns}
      fields={fields}
      defaultSort="code"
      filters={[{ kind: 'boolean', name: 'active', label: 'field.active' }]}
      permissions={{
        create: 'admin.service-bay.create',
        update: 'admin.service-bay.update',
        delete: 'admin.service-bay.delete',
        export: 'admin.service-bay.export',
      }}
    />
  );
}
