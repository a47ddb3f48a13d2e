import { MergeCellsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { CustomerPicker } from '../care/CustomerPicker';
import type { Customer } from '../types';

/** 合并客户: pick the duplicate file, confirm, POST /api/customers/:id/merge { sourceId } — it moves here and closes. */
export function MergeButton({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [sourceId, setSourceId] = useState<string | undefined>();
  const [sourceName, setSourceName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const merge = async () => {
    if (!sourceId) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(`/api/customers/${customer.id}/merge`, { sourceId });
      await Promise.all([invalidateResource(qc, 'customers'), invalidateResource(qc, 'vehicles')]);
      void message.success(t('customers.merge.done', { name: sourceName }));
      setOpen(false);
      setSourceId(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: t('customers.merge.confirmTitle'),
      content: t('customers.merge.confirmText', { source: sourceName, target: customer.name }),
      okText: t('customers.merge.ok'),
      okButtonProps: { danger: true },
      onOk: merge,
    });

  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)} data-testid="customer-merge">
        {t('customers.merge')}
      </Button>
      <Modal
        open={open}
        title={t('customers.merge.title', { name: customer.name })}
        onCancel={() => setOpen(false)}
        okText={t('customers.merge.next')}
        okButtonProps={{ disabled: !sourceId, loading: saving }}
        onOk={confirm}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('customers.merge.hint')}</Typography.Paragraph>
        <CustomerPicker
          value={sourceId}
          excludeId={customer.id}
          onChange={(id) => {
            setSourceId(id);
            setError(null);
          }}
          onPicked={setSourceName}
          testId="merge-source"
        />
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      </Modal>
    </>
  );
}
