import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import { PermissionEditor } from '../components/PermissionEditor';
import { DATA_SCOPES, type Role } from '../types';

const columns: ListColumn<Role>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', width: 160 },
  { key: 'name', title: 'field.name', width: 160 },
  { key: 'nameEn', title: 'field.nameEn', width: 180 },
  { key: 'dataScope', title: 'field.dataScope', kind: 'enum', enumPrefix: 'enum.dataScope', width: 120 },
  {
    key: 'permissions',
    title: 'field.permissions',
    kind: 'number',
    width: 90,
    value: (r) => r.permissions.length,
  },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, maxLength: 40, readOnlyOnEdit: true },
  {
    name: 'dataScope',
    label: 'field.dataScope',
    kind: 'select',
    values: DATA_SCOPES,
    enumPrefix: 'enum.dataScope',
    required: true,
    defaultValue: 'store',
  },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 40 },
  { name: 'nameEn', label: 'field.nameEn', kind: 'text', maxLength: 60 },
  {
    name: 'permissions',
    label: 'field.permissions',
    kind: 'custom',
    defaultValue: [],
    render: ({ disabled }) => <PermissionEditor disabled={disabled} />,
  },
];

/** 角色: a role = a data scope + a set of permissions. */
export function RolesPage() {
  return (
    <ResourcePage<Role>
      pageKey="admin.roles"
      resource="roles"
      entity="entity.role"
      columns={columns}
      fields={fields}
      formColumns={2}
      formWidth={860}
      search={false}
      defaultPageSize={100}
      loadDetail
      permissions={{ create: 'admin.role.create', update: 'admin.role.update' }}
    />
  );
}
