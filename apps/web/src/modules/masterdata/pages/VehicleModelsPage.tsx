import { CarOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Empty, Input, Row, Spin, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api, resourceUrl, type ListResult } from '../../../shared/api/client';
import { listKey, OPTIONS_PAGE_SIZE, useOptionsList } from '../../../shared/api/queries';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import { BODY_TYPES, FUEL_TYPES, type Brand, type Configuration, type Series, type VehicleModel } from '../types';

// One permission covers the whole vehicle catalogue (brands, series, models, configurations).
const PERMS = {
  create: 'masterdata.vehicle-model.create',
  update: 'masterdata.vehicle-model.update',
  delete: 'masterdata.vehicle-model.delete',
};

type Selection =
  | { level: 'root' }
  | { level: 'brand'; brand: Brand }
  | { level: 'series'; brand: Brand; series: Series }
  | { level: 'model'; brand: Brand; series: Series; model: VehicleModel };

const code: FieldDef = { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 };
const name: FieldDef = { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 };
const nameEn: FieldDef = { name: 'nameEn', label: 'field.nameEn', kind: 'text', maxLength: 80 };
const active: FieldDef = { name: 'active', label: 'field.active', kind: 'switch' };

const brandColumns: ListColumn<Brand>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'nameEn', title: 'field.nameEn' },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];
const brandFields: FieldDef[] = [code, name, nameEn, active];
const seriesColumns: ListColumn<Series>[] = brandColumns as ListColumn<Series>[];
const seriesFields: FieldDef[] = [
  { name: 'brandId', label: 'field.brand', kind: 'resource', resource: 'brands', required: true },
  code,
  name,
  nameEn,
  active,
];

const modelColumns: ListColumn<VehicleModel>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'modelYear', title: 'field.modelYear', kind: 'number', sortable: true, width: 90 },
  { key: 'bodyType', title: 'field.bodyType', kind: 'enum', enumPrefix: 'enum.bodyType', width: 110 },
  { key: 'fuelType', title: 'field.fuelType', kind: 'enum', enumPrefix: 'enum.fuelType', width: 130 },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];
const modelFields = (brandId: string): FieldDef[] => [
  { name: 'seriesId', label: 'field.series', kind: 'resource', resource: 'series', resourceParams: { brandId }, required: true },
  code,
  name,
  {
    name: 'modelYear',
    label: 'field.modelYear',
    kind: 'number',
    min: 1990,
    max: 2100,
    precision: 0,
    required: true,
    defaultValue: new Date().getFullYear(),
  },
  { name: 'bodyType', label: 'field.bodyType', kind: 'select', values: BODY_TYPES, enumPrefix: 'enum.bodyType', required: true },
  { name: 'fuelType', label: 'field.fuelType', kind: 'select', values: FUEL_TYPES, enumPrefix: 'enum.fuelType', required: true },
  active,
];

const configurationColumns: ListColumn<Configuration>[] = [
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
  { key: 'name', title: 'field.name', sortable: true },
  { key: 'msrpFen', title: 'field.msrp', kind: 'money', sortable: true, width: 130 },
  { key: 'colours', title: 'field.colours', kind: 'tags' },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];
const configurationFields = (seriesId: string): FieldDef[] => [
  { name: 'modelId', label: 'field.model', kind: 'resource', resource: 'models', resourceParams: { seriesId }, required: true },
  code,
  name,
  { name: 'msrpFen', label: 'field.msrp', kind: 'money', required: true },
  { name: 'colours', label: 'field.colours', kind: 'tags', defaultValue: [] },
  active,
];

function useChildren<T>(resource: string, parentParam: string, parentIds: string[]) {
  return useQueries({
    queries: parentIds.map((id) => {
      const params = { pageSize: OPTIONS_PAGE_SIZE, sort: 'code', [parentParam]: id };
      return {
        queryKey: listKey(resource, params),
        queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ListResult<T>>(resourceUrl(resource), params, signal),
        staleTime: 60_000,
      };
    }),
  });
}

/** 车型库: brand → series → model tree on the left; the right side lists the children of what is selected. */
export function VehicleModelsPage() {
  const { t } = useI18n();
  const [selection, setSelection] = useState<Selection>({ level: 'root' });
  const [expanded, setExpanded] = useState<string[]>([]);
  const [filter, setFilter] = useState('');

  const brands = useOptionsList<Brand>('brands', { sort: 'code' });
  const brandIds = expanded.filter((k) => k.startsWith('brand:')).map((k) => k.slice(6));
  const seriesIds = expanded.filter((k) => k.startsWith('series:')).map((k) => k.slice(7));
  const seriesQ = useChildren<Series>('series', 'brandId', brandIds);
  const modelsQ = useChildren<VehicleModel>('models', 'seriesId', seriesIds);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const f = filter.trim().toLowerCase();
    const loading = (key: string): TreeDataNode[] => [
      { key: `${key}:loading`, title: <Spin size="small" />, isLeaf: true, selectable: false },
    ];
    return (brands.data?.items ?? [])
      .filter((b) => !f || `${b.code} ${b.name}`.toLowerCase().includes(f))
      .map((b) => {
        const bi = brandIds.indexOf(b.id);
        const series = bi >= 0 ? seriesQ[bi]?.data?.items : undefined;
        return {
          key: `brand:${b.id}`,
          title: b.name,
          isLeaf: false,
          children:
            bi < 0
              ? undefined
              : series
                ? series.map((s) => {
                    const si = seriesIds.indexOf(s.id);
                    const models = si >= 0 ? modelsQ[si]?.data?.items : undefined;
                    return {
                      key: `series:${s.id}`,
                      title: s.name,
                      isLeaf: false,
                      children:
                        si < 0
                          ? undefined
                          : models
                            ? models.map((m) => ({
                                key: `model:${m.id}`,
                                title: m.modelYear ? `${m.name} (${m.modelYear})` : m.name,
                                isLeaf: true,
                                icon: <CarOutlined />,
                              }))
                            : loading(`series:${s.id}`),
                    };
                  })
                : loading(`brand:${b.id}`),
        };
      });
  }, [brands.data, brandIds, seriesIds, seriesQ, modelsQ, filter]);

  const findSeries = (id: string) => {
    for (let i = 0; i < brandIds.length; i++) {
      const s = seriesQ[i]?.data?.items.find((x) => x.id === id);
      const b = brands.data?.items.find((x) => x.id === brandIds[i]);
      if (s && b) return { brand: b, series: s };
    }
    return null;
  };
  const findModel = (id: string) => {
    for (let i = 0; i < seriesIds.length; i++) {
      const m = modelsQ[i]?.data?.items.find((x) => x.id === id);
      const sid = seriesIds[i];
      const found = m && sid ? findSeries(sid) : null;
      if (m && found) return { ...found, model: m };
    }
    return null;
  };

  const onSelect = (key: string) => {
    const [kind, id = ''] = key.split(':');
    if (kind === 'brand') {
      const b = brands.data?.items.find((x) => x.id === id);
      if (b) setSelection({ level: 'brand', brand: b });
    } else if (kind === 'series') {
      const found = findSeries(id);
      if (found) setSelection({ level: 'series', ...found });
    } else if (kind === 'model') {
      const found = findModel(id);
      if (found) setSelection({ level: 'model', ...found });
    }
    if (kind !== 'model' && !expanded.includes(key)) setExpanded([...expanded, key]);
  };

  const selectedKey =
    selection.level === 'brand'
      ? `brand:${selection.brand.id}`
      : selection.level === 'series'
        ? `series:${selection.series.id}`
        : selection.level === 'model'
          ? `model:${selection.model.id}`
          : '';

  const crumbs = [
    { key: 'root', title: <a onClick={() => setSelection({ level: 'root' })}>{t('vehicleModels.allBrands')}</a> },
    ...(selection.level !== 'root'
      ? [{ key: 'b', title: <a onClick={() => setSelection({ level: 'brand', brand: selection.brand })}>{selection.brand.name}</a> }]
      : []),
    ...(selection.level === 'series' || selection.level === 'model'
      ? [
          {
            key: 's',
            title: (
              <a onClick={() => setSelection({ level: 'series', brand: selection.brand, series: selection.series })}>
                {selection.series.name}
              </a>
            ),
          },
        ]
      : []),
    ...(selection.level === 'model' ? [{ key: 'm', title: selection.model.name }] : []),
  ];

  let right: ReactNode;
  switch (selection.level) {
    case 'root':
      right = (
        <ResourcePage<Brand>
          key="brands"
          pageKey="masterdata.brands"
          resource="brands"
          entity="entity.brand"
          urlSync={false}
          columns={brandColumns}
          fields={brandFields}
          defaultSort="code"
          permissions={PERMS}
        />
      );
      break;
    case 'brand':
      right = (
        <ResourcePage<Series>
          key={`series-${selection.brand.id}`}
          pageKey="masterdata.series"
          resource="series"
          entity="entity.series"
          urlSync={false}
          columns={seriesColumns}
          fields={seriesFields}
          fixedParams={{ brandId: selection.brand.id }}
          createDefaults={{ brandId: selection.brand.id }}
          defaultSort="code"
          permissions={PERMS}
        />
      );
      break;
    case 'series':
      right = (
        <ResourcePage<VehicleModel>
          key={`models-${selection.series.id}`}
          pageKey="masterdata.models"
          resource="models"
          entity="entity.model"
          urlSync={false}
          columns={modelColumns}
          fields={modelFields(selection.brand.id)}
          fixedParams={{ seriesId: selection.series.id }}
          createDefaults={{ seriesId: selection.series.id }}
          defaultSort="code"
          permissions={{
            ...PERMS,
            import: 'masterdata.vehicle-model.import',
            export: 'masterdata.vehicle-model.export',
          }}
        />
      );
      break;
    case 'model':
      right = (
        <ResourcePage<Configuration>
          key={`configurations-${selection.model.id}`}
          pageKey="masterdata.configurations"
          resource="configurations"
          entity="entity.configuration"
          urlSync={false}
          columns={configurationColumns}
          fields={configurationFields(selection.series.id)}
          fixedParams={{ modelId: selection.model.id }}
          createDefaults={{ modelId: selection.model.id, colours: [] }}
          defaultSort="code"
          permissions={PERMS}
        />
      );
      break;
  }

  return (
    <Row gutter={12} wrap={false}>
      <Col flex="260px" style={{ minWidth: 0 }}>
        <Card size="small" title={t('vehicleModels.tree')} styles={{ body: { padding: 8 } }}>
          <Input.Search
            allowClear
            size="small"
            placeholder={t('vehicleModels.treeSearch')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          {brands.isPending ? (
            <Spin />
          ) : treeData.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Tree
              blockNode
              showLine
              data-testid="vehicle-tree"
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selectedKey ? [selectedKey] : []}
              onSelect={(keys) => {
                const k = keys[0];
                if (k !== undefined) onSelect(String(k));
              }}
              height={560}
            />
          )}
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
        {right}
      </Col>
    </Row>
  );
}
