import { App, Button, Descriptions, Divider, Drawer, Form, Input, Radio, Rate, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/useT';
import { api, isApiError } from '../../../shared/api/client';
import { useDetail } from '../../../shared/api/queries';
import { applyServerErrors } from '../../../shared/form/serverErrors';
import { formatDateTime } from '../../../shared/format';
import { Mono } from '../../../shared/ui/Mono';
import { ComplaintClock, ComplaintStatusTag, SeverityTag } from './bits';
import { useInvalidateCare } from './FollowUpDrawer';
import type { Complaint } from './types';

type ResolveValues = { resolution: string; satisfied: boolean; satisfactionScore: number };

function ResolveForm({ c, onDone }: { c: Complaint; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const [saving, setSaving] = useState(false);
  const invalidate = useInvalidateCare();
  const onFinish = async (v: ResolveValues) => {
    setSaving(true);
    try {
      await api.post(`/api/complaints/${c.id}/resolve`, { ...v, resolution: v.resolution.trim() });
      await invalidate();
      void message.success(t('care.resolved'));
      onDone();
    } catch (e) {
      const onFields = applyServerErrors(form, e, ['resolution', 'satisfied', 'satisfactionScore']);
      if (isApiError(e) && e.status === 401) return;
      if (!onFields) void message.error(e instanceof Error ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<ResolveValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="complaint-resolve-form">
      <Form.Item name="resolution" label={t('care.resolution')} rules={[{ required: true, min: 2, message: t('care.resolutionRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="satisfied" label={t('care.satisfied')} rules={[{ required: true, message: t('care.selectPlaceholder') }]}>
        <Radio.Group
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="satisfactionScore" label={t('care.score')} rules={[{ required: true, message: t('care.selectPlaceholder') }]}>
        <Rate />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="complaint-resolve">
        {t('care.resolve')}
      </Button>
    </Form>
  );
}

/** A complaint: what happened, the 24-hour clock, and 处理完成 when the caller may resolve it. */
export function ComplaintDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, tEnum } = useI18n();
  const detail = useDetail<Complaint>('complaints', id);
  const c = detail.data && detail.data.id === id ? detail.data : null;
  const dash = '—';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={620}
      title={c ? t('care.complaintTitle', { number: c.number }) : t('care.complaint')}
      destroyOnHidden
    >
      {!c ? (
        <Skeleton active />
      ) : (
        <div data-testid="complaint-detail">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'status', label: t('care.status'), children: <ComplaintStatusTag c={c} /> },
              { key: 'clock', label: t('care.clock'), children: <ComplaintClock c={c} /> },
              {
                key: 'customer',
                label: t('care.customer'),
                children: (
                  <span>
                    <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> <Mono>{c.customerPhone}</Mono>
                  </span>
                ),
              },
              { key: 'plate', label: t('care.plate'), children: c.plate ? <Mono>{c.plate}</Mono> : dash },
              { key: 'type', label: t('care.complaintType'), children: c.typeLabel ?? c.type },
              { key: 'severity', label: t('care.severity'), children: <SeverityTag severity={c.severity} /> },
              { key: 'channel', label: t('care.channel'), children: tEnum('enum.complaintChannel', c.channel) },
              { key: 'against', label: t('care.against'), children: c.againstUserName ?? (c.againstText || dash) },
              { key: 'receivedAt', label: t('care.receivedAt'), children: formatDateTime(c.receivedAt) },
              { key: 'dueAt', label: t('care.dueAt'), children: formatDateTime(c.dueAt) },
              ...(c.escalatedAt ? [{ key: 'escalatedAt', label: t('care.escalatedAt'), children: formatDateTime(c.escalatedAt) }] : []),
              {
                key: 'description',
                label: t('care.description'),
                span: 2,
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>,
              },
            ]}
          />
          {c.status === 'resolved' && (
            <>
              <Divider orientation="left" plain>
                {t('care.resolution')}
              </Divider>
              <Descriptions
                size="small"
                column={2}
                items={[
                  {
                    key: 'resolution',
                    label: t('care.resolution'),
                    span: 2,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</span>,
                  },
                  { key: 'resolvedBy', label: t('care.resolvedBy'), children: c.resolvedByName ?? dash },
                  { key: 'resolvedAt', label: t('care.resolvedAt'), children: formatDateTime(c.resolvedAt) },
                  {
                    key: 'satisfied',
                    label: t('care.satisfied'),
                    children: c.satisfied === null ? dash : t(c.satisfied ? 'common.yes' : 'common.no'),
                  },
                  {
                    key: 'score',
                    label: t('care.score'),
                    children: c.satisfactionScore ? <Rate disabled value={c.satisfactionScore} /> : dash,
                  },
                ]}
              />
            </>
          )}
          {c.allowedActions.includes('resolve') && (
            <>
              <Divider orientation="left" plain>
                {t('care.resolve')}
              </Divider>
              <Typography.Paragraph type="secondary">{t('care.resolveHint')}</Typography.Paragraph>
              <ResolveForm c={c} onDone={() => void detail.refetch()} />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
