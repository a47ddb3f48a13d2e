import { ApartmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { detailKey } from '../../../shared/api/queries';
import { PLATE_LETTERS, PLATE_PROVINCES, STORE_TIMEZONES } from '../../../shared/china';
import { FormDrawer } from '../../../shared/form/FormDrawer';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { Group, Store } from '../types';

const columns: ListColumn<Store>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 110 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'shortName', title: 'field.shortName', width: 120 },
  { key: 'province', title: 'field.province', width: 90 },
  { key: 'city', title: 'field.city', width: 90, sortable: true },
  {
    key: 'plateProvince',
    title: 'field.plateProvince',
    width: 110,
    render: (r) => <span className="sf-mono">{`${r.plateProvince ?? ''}${r.plateLetter ?? ''}`}</span>,
  },
  { key: 'phone', title: 'field.phone', width: 130 },
  { key: 'address', title: 'field.address', ellipsis: true, defaultHidden: true },
  { key: 'timezone', title: 'field.timezone', width: 130, defaultHidden: true },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];

const fields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 32, readOnlyOnEdit: true },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
  { name: 'shortName', label: 'field.shortName', kind: 'text', required: true, maxLength: 20 },
  { name: 'phone', label: 'field.phone', kind: 'text', maxLength: 40 },
  { name: 'province', label: 'field.province', kind: 'text', maxLength: 20 },
  { name: 'city', label: 'field.city', kind: 'text', maxLength: 20 },
  { name: 'plateProvince', label: 'field.plateProvince', kind: 'select', values: PLATE_PROVINCES },
  { name: 'plateLetter', label: 'field.plateLetter', kind: 'select', values: PLATE_LETTERS },
  { name: 'timezone', label: 'field.timezone', kind: 'select', values: STORE_TIMEZONES, required: true, defaultValue: 'Asia/Shanghai' },
  { name: 'active', label: 'field.active', kind: 'switch' },
  { name: 'address', label: 'field.address', kind: 'text', maxLength: 120, wide: true },
];

const groupFields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 32 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
];

/** 门店 stores of the group, plus the group's own name and code (集团). */
export function StoresPage() {
  const t = useT();
  const can = useCan();
  const [groupOpen, setGroupOpen] = useState(false);
  const group = useQuery({
    queryKey: detailKey('group', 'current'),
    queryFn: ({ signal }) => api.get<Group>('/api/group', undefined, signal),
    enabled: groupOpen,
  });

  return (
    <>
      <ResourcePage<Store>
        pageKey="admin.stores"
        resource="stores"
        entity="entity.store"
        columns={columns}
        fields={fields}
        formColumns={2}
        defaultSort="code"
        permissions={{
          create: 'admin.store.create',
          update: 'admin.store.update',
          export: 'admin.store.export',
        }}
        toolbar={
          <Button icon={<ApartmentOutlined />} onClick={() => setGroupOpen(true)} data-testid="group-edit">
            {t('stores.group')}
          </Button>
        }
      />
      <FormDrawer<Group>
        open={groupOpen}
        onClose={() => setGroupOpen(false)}
        resource="group"
        entity="entity.group"
        title={t('stores.group')}
        fields={groupFields}
        record={group.data ?? null}
        loading={group.isPending}
        readOnly={!can('admin.group.update')}
        submit={(body) => api.patch('/api/group', body)}
      />
    </>
  );
}
