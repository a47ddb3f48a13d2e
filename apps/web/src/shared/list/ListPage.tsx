import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useCan } from '../../app/auth/useAuth';
import { useI18n } from '../../app/i18n/useT';
import type { MessageKey } from '../../app/i18n/zh-CN';
import { resourceUrl, toQueryString, type QueryParams } from '../api/client';
import { useList } from '../api/queries';
import { formatFen } from '../format';
import { useLocalStorage } from '../hooks/useLocalStorage';
import { ColumnChooser } from './ColumnChooser';
import { FilterBar } from './FilterBar';
import { ImportButton } from './ImportButton';
import { ListTotal } from './ListTotal';
import { cellValue, isRightAligned, renderCell } from './renderCell';
import type { ListColumn, ListFilter, ListState } from './types';
import { PAGE_SIZES, useListState } from './useListState';

export type ListPageProps<T> = {
  /** Unique per list; the column choices are saved under it. */
  pageKey: string;
  /** Path after /api/: GET /api/<resource>?q&page&pageSize&sort&<filters> → { items, total }. */
  resource: string;
  columns: readonly ListColumn<T>[];
  filters?: readonly ListFilter[];
  /** Show the `q` box (true = default placeholder, or a message key), false to hide it. */
  search?: boolean | MessageKey;
  /** Always sent, never shown (e.g. { seriesId } for a nested list). */
  fixedParams?: QueryParams;
  defaultSort?: string;
  defaultPageSize?: number;
  /** Keep q/page/sort/filters in the URL (default true; set false for a second list on the same page). */
  urlSync?: boolean;
  rowKey?: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** The New button; hidden when the user lacks `permission`. */
  create?: { onClick: () => void; permission?: string; label?: MessageKey };
  /** Show Export (GET /api/<resource>/export with the current filters) when the user has this permission. */
  exportPermission?: string;
  /** Show Import (POST /api/<resource>/import, raw .xlsx) when the user has this permission. */
  importPermission?: string;
  /** Extra buttons in the toolbar (before New). */
  toolbar?: ReactNode;
  /** A heading shown left of the toolbar (for nested lists). */
  title?: ReactNode;
  /** Buttons at the end of each row (clicks don't open the row). */
  rowActions?: (row: T) => ReactNode;
  rowActionsWidth?: number;
  /** A class for a row (e.g. highlight an overdue one). */
  rowClassName?: (row: T) => string;
  /** Tick boxes for bulk actions (the selected keys are the caller's state). */
  rowSelection?: { selectedRowKeys: readonly string[]; onChange: (keys: string[]) => void };
};

/** Filter state → query parameters; 'instant' date ranges become [start of day, start of the day after). */
function filterParams(filters: readonly ListFilter[], values: Record<string, string | undefined>): QueryParams {
  const out: QueryParams = { ...values };
  for (const f of filters) {
    if (f.kind !== 'dateRange' || f.format !== 'instant') continue;
    const from = values[f.from];
    const to = values[f.to];
    out[f.from] = from ? dayjs(from).startOf('day').toISOString() : undefined;
    out[f.to] = to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined;
  }
  return out;
}

function stripPaging(params: QueryParams): QueryParams {
  const { page: _p, pageSize: _s, count: _c, ...rest } = params;
  return rest;
}

export function ListPage<T>(props: ListPageProps<T>) {
  const {
    pageKey,
    resource,
    columns,
    filters = [],
    search = true,
    fixedParams,
    defaultSort,
    defaultPageSize,
    urlSync = true,
    rowKey = (r: T) => String((r as { id?: unknown }).id),
    onRowClick,
    create,
    exportPermission,
    importPermission,
    toolbar,
    title,
    rowActions,
    rowActionsWidth = 120,
    rowClassName,
    rowSelection,
  } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const can = useCan();

  const filterNames = useMemo(() => filters.flatMap((f) => (f.kind === 'dateRange' ? [f.from, f.to] : [f.name])), [filters]);
  const { state, update } = useListState({ urlSync, filterNames, defaultSort, defaultPageSize });
  // a long list shows "1,000+"; the user may ask for the exact number
  const [countAll, setCountAll] = useState(false);

  const params: QueryParams = {
    ...filterParams(filters, state.filters),
    q: state.q || undefined,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    count: countAll ? 'exact' : undefined,
    ...fixedParams,
  };
  const query = useList<T>(resource, params);
  const rows = query.data?.items ?? [];

  const defaultHidden = useMemo(() => columns.filter((c) => c.defaultHidden).map((c) => c.key), [columns]);
  const [hidden, setHidden] = useLocalStorage<string[]>(`columns.${pageKey}`, defaultHidden);
  const visible = columns.filter((c) => !hidden.includes(c.key));

  const sortKey = state.sort?.replace(/^-/, '');
  const sortDir = state.sort ? (state.sort.startsWith('-') ? 'descend' : 'ascend') : null;

  const tableColumns: ColumnsType<T> = visible.map((c) => ({
    key: c.key,
    dataIndex: c.key,
    title: t(c.title),
    width: c.width,
    fixed: c.fixed,
    ellipsis: c.ellipsis,
    align: isRightAligned(c.kind) ? 'right' : undefined,
    sorter: c.sortable ? true : undefined,
    sortOrder: c.sortable && sortKey === c.key ? sortDir : null,
    render: (_: unknown, row: T) => renderCell(c, row, i18n),
  }));
  if (rowActions) {
    tableColumns.push({
      key: '__actions',
      title: t('common.actions'),
      fixed: 'right',
      width: rowActionsWidth,
      render: (_: unknown, row: T) => (
        <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          {rowActions(row)}
        </span>
      ),
    });
  }

  const totalCols = visible.filter((c) => c.total);
  const exportHref = `${resourceUrl(resource, undefined, 'export')}${toQueryString(stripPaging(params))}`;

  const onTableChange = (pagination: { current?: number; pageSize?: number }, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ?? s?.field;
    const nextSort = s?.order && key ? `${s.order === 'descend' ? '-' : ''}${String(key)}` : undefined;
    const patch: Partial<ListState> = {};
    if (nextSort !== state.sort) {
      patch.sort = nextSort;
      patch.page = 1;
    } else {
      patch.page = pagination.current ?? 1;
    }
    if (pagination.pageSize && pagination.pageSize !== state.pageSize) {
      patch.pageSize = pagination.pageSize;
      patch.page = 1;
    }
    update(patch);
  };

  return (
    <div className="sf-list">
      <div className="sf-list-toolbar">
        <Space wrap size={[8, 8]}>
          {title && <Typography.Text strong>{title}</Typography.Text>}
          <FilterBar filters={filters} state={state} onChange={update} search={search} />
        </Space>
        <Space wrap size={[8, 8]}>
          {toolbar}
          {exportPermission && can(exportPermission) && (
            <Button icon={<DownloadOutlined />} href={exportHref} data-testid="list-export">
              {t('list.export')}
            </Button>
          )}
          {importPermission && can(importPermission) && (
            <ImportButton resource={resource} columnLabels={Object.fromEntries(columns.map((c) => [c.key, t(c.title)]))} />
          )}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={() => void query.refetch()}
              loading={query.isFetching && !query.isPending}
            />
          </Tooltip>
          <ColumnChooser columns={columns} hidden={hidden} onChange={setHidden} onReset={() => setHidden(defaultHidden)} />
          {create && can(create.permission) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick} data-testid="list-create">
              {t(create.label ?? 'common.create')}
            </Button>
          )}
        </Space>
      </div>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={query.error instanceof Error ? query.error.message : t('error.loadFailed')}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('error.retry')}
            </Button>
          }
        />
      )}
      <Table<T>
        data-testid="list-table"
        size="small"
        bordered
        rowKey={rowKey}
        columns={tableColumns}
        dataSource={rows}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 48 }}
        showSorterTooltip={false}
        onChange={(pagination, _filters, sorter) => onTableChange(pagination, sorter)}
        onRow={onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined}
        rowClassName={rowClassName ? (row) => rowClassName(row) : undefined}
        rowSelection={
          rowSelection
            ? {
                selectedRowKeys: [...rowSelection.selectedRowKeys],
                preserveSelectedRowKeys: true,
                onChange: (keys) => rowSelection.onChange(keys.map(String)),
              }
            : undefined
        }
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => <ListTotal total={total} exact={query.data?.totalExact ?? true} onCountAll={() => setCountAll(true)} />,
          size: 'small',
        }}
        summary={
          totalCols.length > 0 && rows.length > 0
            ? () => (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="sf-total-row">
                    {visible.map((c, i) => (
                      <Table.Summary.Cell key={c.key} index={i} align={c.total ? 'right' : undefined}>
                        {c.total
                          ? formatFen(rows.reduce((sum, r) => sum + (Number(cellValue(c, r)) || 0), 0))
                          : i === 0
                            ? t('list.pageTotal')
                            : null}
                      </Table.Summary.Cell>
                    ))}
                    {rowActions && <Table.Summary.Cell index={visible.length} />}
                  </Table.Summary.Row>
                </Table.Summary>
              )
            : undefined
        }
      />
    </div>
  );
}
