import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Input, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import type { Permission } from '../types';

type Props = {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
};

type ResourceRow = { key: string; module: string; resource: string; perms: Permission[] };

const ACTION_ORDER = ['read', 'create', 'update', 'delete', 'import', 'export'];
function actionRank(a: string): number {
  const i = ACTION_ORDER.indexOf(a);
  return i === -1 ? ACTION_ORDER.length : i;
}

/** Permission checkboxes grouped by module and resource (GET /api/permissions). */
export function PermissionEditor({ value = [], onChange, disabled = false }: Props) {
  const { t, tEnum } = useI18n();
  const [filter, setFilter] = useState('');
  const query = useQuery({
    queryKey: ['list', 'permissions', {}],
    queryFn: ({ signal }) => api.get<Permission[]>('/api/permissions', undefined, signal),
    staleTime: 10 * 60_000,
  });
  const selected = useMemo(() => new Set(value), [value]);

  const modules = useMemo(() => {
    const byModule = new Map<string, ResourceRow[]>();
    const f = filter.trim().toLowerCase();
    for (const p of query.data ?? []) {
      const label = `${p.code} ${tEnum('perm.module', p.module)} ${tEnum('perm.resource', p.resource)} ${tEnum('perm.action', p.action)}`;
      if (f && !label.toLowerCase().includes(f)) continue;
      const rows = byModule.get(p.module) ?? [];
      let row = rows.find((r) => r.resource === p.resource);
      if (!row) {
        row = { key: `${p.module}.${p.resource}`, module: p.module, resource: p.resource, perms: [] };
        rows.push(row);
      }
      row.perms.push(p);
      byModule.set(p.module, rows);
    }
    for (const rows of byModule.values()) for (const r of rows) r.perms.sort((a, b) => actionRank(a.action) - actionRank(b.action));
    return [...byModule.entries()];
  }, [query.data, filter, tEnum]);

  const set = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const c of codes) {
      if (on) next.add(c);
      else next.delete(c);
    }
    onChange?.([...next].sort());
  };
  const state = (codes: string[]) => {
    const n = codes.filter((c) => selected.has(c)).length;
    return { checked: n > 0 && n === codes.length, indeterminate: n > 0 && n < codes.length };
  };

  if (query.isPending) return <Spin />;
  if (query.isError) return <Alert type="error" message={query.error.message} />;

  return (
    <div data-testid="permission-editor">
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8, gap: 8 }}>
        <Input.Search
          allowClear
          placeholder={t('perm.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 240 }}
        />
        <Typography.Text type="secondary">{t('perm.count', { count: selected.size })}</Typography.Text>
      </div>
      {modules.map(([module, rows]) => {
        const all = rows.flatMap((r) => r.perms.map((p) => p.code));
        return (
          <div key={module} style={{ marginBottom: 12 }}>
            <Checkbox {...state(all)} disabled={disabled} onChange={(e) => set(all, e.target.checked)}>
              <Typography.Text strong>{tEnum('perm.module', module)}</Typography.Text>
            </Checkbox>
            <Table<ResourceRow>
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={rows}
              style={{ marginTop: 6 }}
              columns={[
                {
                  title: t('perm.resourceColumn'),
                  width: 180,
                  render: (_: unknown, r) => {
                    const codes = r.perms.map((p) => p.code);
                    return (
                      <Checkbox {...state(codes)} disabled={disabled} onChange={(e) => set(codes, e.target.checked)}>
                        {tEnum('perm.resource', r.resource)}
                      </Checkbox>
                    );
                  },
                },
                {
                  title: t('field.permissions'),
                  render: (_: unknown, r) => (
                    <span style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}>
                      {r.perms.map((p) => (
                        <Checkbox
                          key={p.code}
                          checked={selected.has(p.code)}
                          disabled={disabled}
                          onChange={(e) => set([p.code], e.target.checked)}
                          title={p.code}
                          data-testid={`perm-${p.code}`}
                        >
                          {tEnum('perm.action', p.action)}
                        </Checkbox>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
          </div>
        );
      })}
    </div>
  );
}
