import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { Department } from '../types';

const columns: ListColumn<Department>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'active', title: 'field.active', kind: 'active', width: 90 },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 32 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 100 },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

/** 部门 departments of the current store. */
export function DepartmentsPage() {
  return (
    <ResourcePage<Department>
      pageKey="admin.departments"
      resource="departments"
      entity="entity.department"
      columns={columns}
      fields={fields}
      defaultSort="code"
      filters={[{ kind: 'boolean', name: 'active', label: 'field.active' }]}
      permissions={{
        create: 'admin.department.create',
        update: 'admin.department.update',
        delete: 'admin.department.delete',
        export: 'admin.department.export',
      }}
    />
  );
}
