import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { Team } from '../types';

const columns: ListColumn<Team>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'active', title: 'field.active', kind: 'active', width: 90 },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 32 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 60 },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

/** 班组 workshop teams of the current store. */
export function TeamsPage() {
  return (
    <ResourcePage<Team>
      pageKey="admin.teams"
      resource="teams"
      entity="entity.team"
      columns={columns}
      fields={fields}
      defaultSort="code"
      filters={[{ kind: 'boolean', name: 'active', label: 'field.active' }]}
      permissions={{ create: 'admin.team.create', update: 'admin.team.update', delete: 'admin.team.delete', export: 'admin.team.export' }}
    />
  );
}
