import { KeyOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { api, isApiError, resourceUrl } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { ResetOnMount } from '../../../shared/form/ResetOnMount';
import { applyServerErrors } from '../../../shared/form/serverErrors';
import type { FieldDef } from '../../../shared/form/types';
import { useApiErrorHandler } from '../../../shared/hooks/useApiErrorHandler';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import { AssignmentsEditor } from '../components/AssignmentsEditor';
import type { User } from '../types';

type Assignment = { storeId: string; roleId: string };

const columns: ListColumn<User>[] = [
  { key: 'username', title: 'field.username', kind: 'mono', sortable: true, width: 130 },
  { key: 'displayName', title: 'field.displayName', sortable: true, width: 120 },
  { key: 'phone', title: 'field.phone', width: 130 },
  {
    key: 'roles',
    title: 'field.roles',
    render: (u) => (
      <Space size={[4, 4]} wrap>
        {u.roles.map((r) => (
          <Tag key={`${r.storeId}-${r.roleId}`}>{`${r.storeName} · ${r.roleName}`}</Tag>
        ))}
      </Space>
    ),
  },
  { key: 'locale', title: 'field.locale', kind: 'enum', enumPrefix: 'enum.locale', width: 100, defaultHidden: true },
  { key: 'active', title: 'field.active', kind: 'active', sortable: true, width: 80 },
];

const fields: FieldDef[] = [
  { name: 'username', label: 'field.username', kind: 'text', required: true, mono: true, maxLength: 40, readOnlyOnEdit: true },
  { name: 'displayName', label: 'field.displayName', kind: 'text', required: true, maxLength: 40 },
  { name: 'phone', label: 'field.phone', kind: 'text', maxLength: 20, check: 'mobile' },
  { name: 'locale', label: 'field.locale', kind: 'select', values: ['zh-CN', 'en-US'], enumPrefix: 'enum.locale', defaultValue: 'zh-CN' },
  { name: 'departmentId', label: 'field.department', kind: 'resource', resource: 'departments', nullable: true },
  { name: 'password', label: 'field.password', kind: 'password', required: true, createOnly: true, maxLength: 128 },
];

function cleanAssignments(v: unknown): Assignment[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((a): a is Assignment => !!a && typeof a === 'object' && 'storeId' in a && 'roleId' in a)
    .filter((a) => a.storeId && a.roleId)
    .map((a) => ({ storeId: a.storeId, roleId: a.roleId }));
}

const sameAssignments = (a: Assignment[], b: Assignment[]) =>
  JSON.stringify([...a].map((x) => `${x.storeId}:${x.roleId}`).sort()) ===
  JSON.stringify([...b].map((x) => `${x.storeId}:${x.roleId}`).sort());

function ResetPasswordButton({ user }: { user: User }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  return (
    <>
      <Button icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="user-reset-password">
        {t('users.resetPassword')}
      </Button>
      <Modal
        open={open}
        title={`${t('users.resetPassword')} · ${user.displayName}`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            setBusy(true);
            try {
              await api.post(resourceUrl('users', user.id, 'reset-password'), { password: v.password });
              void message.success(t('users.passwordReset'));
              setOpen(false);
            } catch (e) {
              if (!applyServerErrors(form, e, ['password'])) {
                void message.error(isApiError(e) ? e.message : t('error.unknown'));
              }
            } finally {
              setBusy(false);
            }
          }}
        >
          <ResetOnMount form={form} />
          <Form.Item
            name="password"
            label={t('users.newPassword')}
            rules={[{ required: true, message: t('common.required', { label: t('users.newPassword') }) }]}
          >
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ActiveToggleButton({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const disabling = user.active;
  return (
    <Button
      danger={disabling}
      icon={disabling ? <StopOutlined /> : <CheckCircleOutlined />}
      data-testid={disabling ? 'user-disable' : 'user-enable'}
      onClick={() =>
        modal.confirm({
          title: t(disabling ? 'users.disable' : 'users.enable'),
          content: t(disabling ? 'users.disableConfirm' : 'users.enableConfirm', { name: user.displayName }),
          okButtonProps: { danger: disabling },
          onOk: async () => {
            try {
              await api.post(resourceUrl('users', user.id, disabling ? 'disable' : 'enable'));
              await invalidateResource(qc, 'users');
              void message.success(t(disabling ? 'users.disabled' : 'users.enabled'));
              onDone();
            } catch (e) {
              onError(e);
            }
          },
        })
      }
    >
      {t(disabling ? 'users.disable' : 'users.enable')}
    </Button>
  );
}

/** 用户: staff accounts and their role in each store. */
export function UsersPage() {
  const can = useCan();
  const canAssign = can('admin.user.assign-roles');

  return (
    <ResourcePage<User>
      pageKey="admin.users"
      resource="users"
      entity="entity.user"
      columns={columns}
      fields={fields}
      formWidth={640}
      defaultSort="username"
      loadDetail
      filters={[
        { kind: 'resource', name: 'roleId', label: 'field.role', resource: 'roles', width: 160 },
        { kind: 'boolean', name: 'active', label: 'field.active', width: 110 },
      ]}
      permissions={{ create: 'admin.user.create', update: 'admin.user.update', export: 'admin.user.export' }}
      recordName={(u) => u.displayName}
      fromRecord={(u) => ({ ...u, assignments: u.roles.map((r) => ({ storeId: r.storeId, roleId: r.roleId })) })}
      extraFieldRoots={['assignments']}
      toBody={(body, values) => ({ ...body, assignments: cleanAssignments(values.assignments) })}
      submit={async (body, ctx) => {
        const { assignments, ...rest } = body as Record<string, unknown> & { assignments: Assignment[] };
        if (!ctx.editing || !ctx.record) return api.post(resourceUrl('users'), { ...rest, assignments });
        const user = ctx.record;
        const saved = Object.keys(rest).length ? await api.patch(resourceUrl('users', user.id), rest) : user;
        const before = user.roles.map((r) => ({ storeId: r.storeId, roleId: r.roleId }));
        if (canAssign && !sameAssignments(before, assignments)) {
          await api.put(resourceUrl('users', user.id, 'roles'), { assignments });
        }
        return saved;
      }}
      drawerChildren={(u) => <AssignmentsEditor existing={u?.roles} disabled={!!u && !canAssign} />}
      drawerActions={(u, close) => (
        <>
          {can('admin.user.disable') && <ActiveToggleButton user={u} onDone={close} />}
          {can('admin.user.reset-password') && <ResetPasswordButton user={u} />}
        </>
      )}
    />
  );
}
