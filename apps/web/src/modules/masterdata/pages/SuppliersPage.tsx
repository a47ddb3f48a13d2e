import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { Supplier } from '../types';

const columns: ListColumn<Supplier>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 120 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'contact', title: 'field.contact', width: 100 },
  { key: 'phone', title: 'field.phone', width: 130 },
  { key: 'creditCode', title: 'field.creditCode', kind: 'mono', width: 190 },
  { key: 'address', title: 'field.address', ellipsis: true, width: 240 },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
  { name: 'contact', label: 'field.contact', kind: 'text', maxLength: 40 },
  { name: 'phone', label: 'field.phone', kind: 'text', maxLength: 40 },
  { name: 'creditCode', label: 'field.creditCode', kind: 'text', mono: true, uppercase: true, maxLength: 18, check: 'creditCode' },
  { name: 'active', label: 'field.active', kind: 'switch' },
  { name: 'address', label: 'field.address', kind: 'text', maxLength: 200, wide: true },
];

/** 供应商 suppliers (group-wide). */
export function SuppliersPage() {
  return (
    <ResourcePage<Supplier>
      pageKey="masterdata.suppliers"
      resource="suppliers"
      entity="entity.supplier"
      columns={columns}
      fields={fields}
      formColumns={2}
      defaultSort="code"
      filters={[{ kind: 'boolean', name: 'active', label: 'field.active' }]}
      permissions={{
        create: 'masterdata.supplier.create',
        update: 'masterdata.supplier.update',
        delete: 'masterdata.supplier.delete',
        export: 'masterdata.supplier.export',
      }}
    />
  );
}
