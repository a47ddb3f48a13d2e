import { BankOutlined, UserSwitchOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { Mono } from '../../../shared/ui/Mono';
import { AssignDialog } from '../components/AssignDialog';
import { CustomerFormDrawer } from '../components/CustomerFormDrawer';
import { useDictionary } from '../hooks';
import { CUSTOMER_KINDS, type CustomerRow } from '../types';

/** 客户: the store's customers; search by name, phone or pinyin; row click opens the 360° view. */
export function CustomersPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const sources = useDictionary('customer_source');
  const t = useT();
  const can = useCan();
  const mayAssign = can('customers.customer.assign');
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);

  const columns = useMemo<ListColumn<CustomerRow>[]>(
    () => [
      {
        key: 'name',
        title: 'customers.name',
        sortable: true,
        width: 160,
        render: (c) => (
          <Space size={6}>
            {c.kind === 'company' ? <BankOutlined className="sf-muted" /> : <UserOutlined className="sf-muted" />}
            <a>{c.name}</a>
          </Space>
        ),
      },
      { key: 'kind', title: 'customers.kind', kind: 'enum', enumPrefix: 'enum.customerKind', width: 80 },
      { key: 'phone', title: 'customers.phone', width: 130, render: (c) => <Mono>{c.phone}</Mono> },
      { key: 'vehicleCount', title: 'customers.vehicleCount', kind: 'number', width: 80 },
      { key: 'advisorName', title: 'customers.advisor', width: 110 },
      { key: 'consultantName', title: 'customers.consultant', width: 110, defaultHidden: true },
      { key: 'source', title: 'customers.source', width: 130, ellipsis: true, value: (c) => sources.label(c.source) },
      {
        key: 'tags',
        title: 'customers.tags',
        render: (c) => (
          <Space size={[4, 4]} wrap>
            {c.tags.map((tag) => (
              <Tag key={tag} color="blue">
                {tag}
              </Tag>
            ))}
          </Space>
        ),
      },
      { key: 'storeName', title: 'field.store', width: 100, defaultHidden: true },
      { key: 'createdAt', title: 'customers.createdAt', kind: 'datetime', sortable: true, width: 150 },
    ],
    [sources],
  );

  const filters = useMemo<ListFilter[]>(
    () => [
      { kind: 'select', name: 'kind', label: 'customers.kind', values: CUSTOMER_KINDS, enumPrefix: 'enum.customerKind', width: 120 },
      { kind: 'select', name: 'source', label: 'customers.source', values: [], options: sources.options, width: 140 },
      { kind: 'text', name: 'tag', label: 'customers.tag', width: 140 },
      { kind: 'check', name: 'mine', label: 'customers.mine' },
    ],
    [sources.options],
  );

  return (
    <>
      <ListPage<CustomerRow>
        pageKey="customers.customers"
        resource="customers"
        columns={columns}
        filters={filters}
        search="customers.searchPlaceholder"
        defaultSort="-createdAt"
        onRowClick={(c) => navigate(`/customers/${c.id}`)}
        create={{ onClick: () => setCreating(true), permission: 'customers.customer.create', label: 'customers.create' }}
        exportPermission="customers.customer.export"
        rowSelection={mayAssign ? { selectedRowKeys: selected, onChange: setSelected } : undefined}
        toolbar={
          mayAssign && (
            <Button
              icon={<UserSwitchOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
              data-testid="customers-assign"
            >
              {selected.length ? t('customers.assign.buttonCount', { count: selected.length }) : t('customers.assign.button')}
            </Button>
          )
        }
      />
      <AssignDialog
        open={assigning}
        customerIds={selected}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setAssigning(false);
          setSelected([]);
        }}
      />
      <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/customers/${c.id}`)} />
    </>
  );
}
