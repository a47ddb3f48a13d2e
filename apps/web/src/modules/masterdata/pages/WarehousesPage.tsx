import { Tabs } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import { useOptionsList } from '../../../shared/api/queries';
import type { Bin, Warehouse } from '../types';

const warehouseColumns: ListColumn<Warehouse>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'active', title: 'field.active', kind: 'active', width: 90 },
];

const warehouseFields: FieldDef[] = [
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 },
  { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

const binFields: FieldDef[] = [
  { name: 'warehouseId', label: 'field.warehouse', kind: 'resource', resource: 'warehouses', required: true },
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 },
  { name: 'name', label: 'field.name', kind: 'text', maxLength: 80 },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

function BinsList() {
  const warehouses = useOptionsList<Warehouse>('warehouses');
  const whName = (b: Bin) => warehouses.data?.items.find((w) => w.id === b.warehouseId)?.name ?? '';
  const columns: ListColumn<Bin>[] = [
    { key: 'warehouseId', title: 'field.warehouse', width: 160, render: whName },
    { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
    { key: 'name', title: 'field.name' },
    { key: 'active', title: 'field.active', kind: 'active', width: 80 },
  ];
  return (
    <ResourcePage<Bin>
      pageKey="masterdata.bins"
      resource="bins"
      entity="entity.bin"
      urlSync={false}
      columns={columns}
      fields={binFields}
      defaultSort="code"
      filters={[{ kind: 'resource', name: 'warehouseId', label: 'field.warehouse', resource: 'warehouses' }]}
      permissions={{
        create: 'masterdata.bin.create',
        update: 'masterdata.bin.update',
        delete: 'masterdata.bin.delete',
        export: 'masterdata.bin.export',
      }}
    />
  );
}

/** 仓库 and 库位 of the current store. */
export function WarehousesPage() {
  const t = useT();
  const can = useCan();
  const [tab, setTab] = useState('warehouses');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      size="small"
      tabBarStyle={{ marginBottom: 8 }}
      items={[
        {
          key: 'warehouses',
          label: t('warehouses.warehouses'),
          children: (
            <ResourcePage<Warehouse>
              pageKey="masterdata.warehouses"
              resource="warehouses"
              entity="entity.warehouse"
              urlSync={false}
              columns={warehouseColumns}
              fields={warehouseFields}
              defaultSort="code"
              permissions={{
                create: 'masterdata.warehouse.create',
                update: 'masterdata.warehouse.update',
                delete: 'masterdata.warehouse.delete',
                export: 'masterdata.warehouse.export',
              }}
            />
          ),
        },
        ...(can('masterdata.bin.read') ? [{ key: 'bins', label: t('warehouses.bins'), children: <BinsList /> }] : []),
      ]}
    />
  );
}
