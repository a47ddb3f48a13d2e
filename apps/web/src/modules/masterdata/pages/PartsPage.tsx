import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { api, resourceUrl } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { fenToYuan, formatFen, yuanToFen } from '../../../shared/format';
import type { FieldDef } from '../../../shared/form/types';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { MoneyInput } from '../../../shared/ui/MoneyInput';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { Part } from '../types';

const ABC = ['A', 'B', 'C'] as const;

function partColumns(seesCost: boolean): ListColumn<Part>[] {
  return [
    { key: 'partNo', title: 'field.partNo', kind: 'mono', sortable: true, width: 150, fixed: 'left' },
    { key: 'name', title: 'field.name', sortable: true, width: 240, ellipsis: true },
    { key: 'unit', title: 'field.unit', width: 60 },
    { key: 'category', title: 'field.category', sortable: true, width: 110 },
    ...(seesCost ? [{ key: 'costFen', title: 'field.cost', kind: 'money', width: 110 } satisfies ListColumn<Part>] : []),
    { key: 'retailFen', title: 'field.retail', kind: 'money', sortable: true, width: 110 },
    { key: 'warrantyFen', title: 'field.warrantyPrice', kind: 'money', width: 110, defaultHidden: true },
    { key: 'storeRetailFen', title: 'field.storeRetail', kind: 'money', width: 120 },
    { key: 'abcClass', title: 'field.abcClass', width: 80 },
    { key: 'safetyStock', title: 'field.safetyStock', kind: 'number', width: 90 },
    { key: 'reorderPoint', title: 'field.reorderPoint', kind: 'number', width: 90 },
    { key: 'supersededBy', title: 'field.supersededBy', kind: 'mono', width: 150, defaultHidden: true },
    { key: 'active', title: 'field.active', kind: 'active', width: 80 },
  ];
}

// Cost prices only for those allowed (masterdata.part.read-cost); others never receive or send them.
function partFields(seesCost: boolean): FieldDef[] {
  return [
    {
      name: 'partNo',
      label: 'field.partNo',
      kind: 'text',
      required: true,
      mono: true,
      uppercase: true,
      maxLength: 40,
      readOnlyOnEdit: true,
    },
    { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
    { name: 'unit', label: 'field.unit', kind: 'text', required: true, maxLength: 8 },
    { name: 'category', label: 'field.category', kind: 'text', required: true, maxLength: 40 },
    ...(seesCost ? [{ name: 'costFen', label: 'field.cost', kind: 'money', required: true } satisfies FieldDef] : []),
    { name: 'retailFen', label: 'field.retail', kind: 'money', required: true },
    { name: 'warrantyFen', label: 'field.warrantyPrice', kind: 'money', required: true },
    { name: 'abcClass', label: 'field.abcClass', kind: 'select', values: ABC, defaultValue: 'C', required: true },
    { name: 'safetyStock', label: 'field.safetyStock', kind: 'number', min: 0, precision: 0, defaultValue: 0 },
    { name: 'reorderPoint', label: 'field.reorderPoint', kind: 'number', min: 0, precision: 0, defaultValue: 0 },
    { name: 'supersededBy', label: 'field.supersededBy', kind: 'text', mono: true, uppercase: true, maxLength: 40, nullable: true },
    { name: 'active', label: 'field.active', kind: 'switch' },
  ];
}

/** This store's own retail price (PUT /api/parts/:id/store-price); empty = the group price applies. */
function StorePriceCard({ part }: { part: Part }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [fen, setFen] = useState<number | null>(part.storeRetailFen);
  const [busy, setBusy] = useState(false);
  const editable = can('masterdata.part.store-price');

  const save = async () => {
    setBusy(true);
    try {
      await api.put(resourceUrl('parts', part.id, 'store-price'), { retailFen: fen });
      await invalidateResource(qc, 'parts');
      void message.success(t('parts.storePriceSaved'));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('parts.storePrice')} style={{ marginTop: 4 }} data-testid="store-price">
      <Space wrap>
        <MoneyInput
          value={fenToYuan(fen)}
          onChange={(v) => setFen(yuanToFen(v))}
          style={{ width: 180 }}
          disabled={!editable}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.stopPropagation();
              e.preventDefault();
              if (editable) void save();
            }
          }}
        />
        {editable && (
          <Button icon={<SaveOutlined />} loading={busy} onClick={() => void save()} disabled={fen === part.storeRetailFen}>
            {t('parts.saveStorePrice')}
          </Button>
        )}
      </Space>
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('parts.storePriceHint')} · {t('parts.groupPrice')} {formatFen(part.retailFen)}
        </Typography.Text>
      </div>
    </Card>
  );
}

/** 配件目录: the group catalogue with this store's price override; Excel import/export. */
export function PartsPage() {
  const can = useCan();
  const seesCost = can('masterdata.part.read-cost');
  const columns = useMemo(() => partColumns(seesCost), [seesCost]);
  const fields = useMemo(() => partFields(seesCost), [seesCost]);
  return (
    <ResourcePage<Part>
      pageKey="masterdata.parts"
      resource="parts"
      entity="entity.part"
      columns={columns}
      fields={fields}
      formColumns={2}
      defaultSort="partNo"
      search="list.searchPlaceholder"
      filters={[
        { kind: 'text', name: 'category', label: 'field.category', width: 140 },
        { kind: 'select', name: 'abcClass', label: 'field.abcClass', values: ABC, width: 120 },
        { kind: 'boolean', name: 'active', label: 'field.active', width: 110 },
      ]}
      permissions={{
        create: 'masterdata.part.create',
        update: 'masterdata.part.update',
        delete: 'masterdata.part.delete',
        import: 'masterdata.part.import',
        export: 'masterdata.part.export',
      }}
      recordName={(p) => `${p.partNo} ${p.name}`}
      drawerChildren={(p) => (p ? <StorePriceCard key={p.id} part={p} /> : null)}
    />
  );
}
