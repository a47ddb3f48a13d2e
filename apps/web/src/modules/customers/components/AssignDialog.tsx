import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api, isApiError } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { applyServerErrors } from '../../../shared/form/serverErrors';

type Load = { role: string; items: { userId: string; username: string; displayName: string; customers: number }[]; unassigned: number };
type Values = { toUserId: string; reason: string };

/** 批量分配顾问: the selected customers go to one service advisor (POST /api/customers/assign, role advisor). */
export function AssignDialog({
  open,
  customerIds,
  onClose,
  onDone,
}: {
  open: boolean;
  customerIds: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const load = useQuery({
    queryKey: ['customers', 'assignment-load', 'advisor'],
    queryFn: ({ signal }) => api.get<Load>('/api/customers/assignment-load', { role: 'advisor' }, signal),
    enabled: open,
  });
  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      const r = await api.post<{ requested: number; changed: number; unchanged: number }>('/api/customers/assign', {
        customerIds,
        role: 'advisor',
        toUserId: v.toUserId,
        reason: v.reason.trim(),
      });
      await invalidateResource(qc, 'customers');
      await qc.invalidateQueries({ queryKey: ['customers', 'assignment-load'] });
      void message.success(t('customers.assign.done', { changed: r.changed, unchanged: r.unchanged }));
      form.resetFields();
      onDone();
    } catch (e) {
      const onFields = applyServerErrors(form, e, ['toUserId', 'reason']);
      if (isApiError(e) && e.status === 401) return;
      if (!onFields) void message.error(e instanceof Error ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('customers.assign.title', { count: customerIds.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="assign-form">
        <Form.Item name="toUserId" label={t('customers.assign.to')} rules={[{ required: true, message: t('care.selectPlaceholder') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={load.isPending}
            placeholder={t('care.selectPlaceholder')}
            options={(load.data?.items ?? []).map((u) => ({
              value: u.userId,
              label: t('customers.assign.option', { name: u.displayName || u.username, count: u.customers }),
            }))}
          />
        </Form.Item>
        {load.data && (
          <Typography.Paragraph type="secondary">{t('customers.assign.unassigned', { count: load.data.unassigned })}</Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label={t('customers.assign.reason')}
          rules={[{ required: true, min: 2, message: t('customers.assign.reasonRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
