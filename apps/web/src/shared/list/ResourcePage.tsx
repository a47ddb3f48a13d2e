import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import type { MessageKey } from '../../app/i18n/zh-CN';
import { api, resourceUrl } from '../api/client';
import { detailKey, invalidateResource } from '../api/queries';
import { FormDrawer, type FormDrawerProps } from '../form/FormDrawer';
import type { FieldDef } from '../form/types';
import { useApiErrorHandler } from '../hooks/useApiErrorHandler';
import { ListPage, type ListPageProps } from './ListPage';

export type ResourcePermissions = {
  create?: string;
  update?: string;
  delete?: string;
  import?: string;
  export?: string;
};

export type ResourcePageProps<T extends { id: string }> = Omit<
  ListPageProps<T>,
  'onRowClick' | 'create' | 'exportPermission' | 'importPermission'
> & {
  entity: MessageKey;
  fields: readonly FieldDef[];
  permissions: ResourcePermissions;
  /** Load GET /api/<resource>/:id before editing (when the list row lacks fields the form needs). */
  loadDetail?: boolean;
  formColumns?: 1 | 2;
  formWidth?: number;
  createDefaults?: Record<string, unknown>;
  fromRecord?: FormDrawerProps<T>['fromRecord'];
  toBody?: FormDrawerProps<T>['toBody'];
  submit?: FormDrawerProps<T>['submit'];
  /** Shown in the delete confirmation; default row.name ?? row.code. */
  recordName?: (row: T) => string;
  /** Extra footer buttons in the edit drawer (close() closes the drawer). */
  drawerActions?: (row: T, close: () => void) => ReactNode;
  /** Extra content inside the drawer form (row = null when creating). */
  drawerChildren?: (row: T | null) => ReactNode;
  extraFieldRoots?: readonly string[];
};

type DrawerState<T> = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; row: T };

function defaultName(row: object): string {
  const r = row as Record<string, unknown>;
  const v = r.name ?? r.displayName ?? r.label ?? r.code ?? r.partNo ?? r.username ?? r.id;
  return typeof v === 'string' ? v : String(v);
}

/** A list of a resource + the create/edit drawer + delete: most master-data pages are just this. */
export function ResourcePage<T extends { id: string }>(props: ResourcePageProps<T>) {
  const {
    entity,
    fields,
    permissions,
    loadDetail = false,
    formColumns,
    formWidth,
    createDefaults,
    fromRecord,
    toBody,
    submit,
    recordName = defaultName,
    drawerActions,
    drawerChildren,
    extraFieldRoots,
    ...listProps
  } = props;
  const { resource } = listProps;
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [drawer, setDrawer] = useState<DrawerState<T>>({ mode: 'closed' });
  const [deleting, setDeleting] = useState(false);
  const close = () => setDrawer({ mode: 'closed' });

  const editRow = drawer.mode === 'edit' ? drawer.row : null;
  const detail = useQuery({
    queryKey: detailKey(resource, editRow?.id ?? ''),
    queryFn: ({ signal }) => api.get<T>(resourceUrl(resource, editRow?.id ?? ''), undefined, signal),
    enabled: loadDetail && !!editRow,
  });
  const record = editRow ? (loadDetail ? (detail.data ?? null) : editRow) : null;

  const remove = async (row: T) => {
    setDeleting(true);
    try {
      await api.delete(resourceUrl(resource, row.id));
      await invalidateResource(qc, resource);
      void message.success(t('common.deleted'));
      close();
    } catch (e) {
      onError(e);
    } finally {
      setDeleting(false);
    }
  };

  const readOnly = drawer.mode === 'edit' && !can(permissions.update);
  const canCreate = !!permissions.create && can(permissions.create);

  return (
    <>
      <ListPage<T>
        {...listProps}
        onRowClick={(row) => setDrawer({ mode: 'edit', row })}
        create={canCreate ? { onClick: () => setDrawer({ mode: 'create' }), permission: permissions.create } : undefined}
        exportPermission={permissions.export}
        importPermission={permissions.import}
      />
      <FormDrawer<T>
        open={drawer.mode !== 'closed'}
        onClose={close}
        resource={resource}
        entity={entity}
        fields={fields}
        record={drawer.mode === 'edit' ? (record ?? editRow) : null}
        loading={drawer.mode === 'edit' && loadDetail && detail.isPending}
        readOnly={readOnly}
        createDefaults={createDefaults}
        fromRecord={fromRecord}
        toBody={toBody}
        submit={submit}
        columns={formColumns}
        width={formWidth}
        extraFieldRoots={extraFieldRoots}
        footerExtra={
          editRow ? (
            <>
              {permissions.delete && can(permissions.delete) && (
                <Popconfirm
                  title={t('common.deleteConfirmTitle')}
                  description={t('common.deleteConfirm', { name: recordName(editRow) })}
                  okButtonProps={{ danger: true, loading: deleting }}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(editRow)}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="form-delete">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              )}
              {drawerActions?.(record ?? editRow, close)}
            </>
          ) : undefined
        }
      >
        {drawerChildren?.(drawer.mode === 'edit' ? (record ?? editRow) : null)}
      </FormDrawer>
    </>
  );
}
