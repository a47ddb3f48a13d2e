import { EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api, isApiError, resourceUrl } from '../../../shared/api/client';
import { ResetOnMount } from '../../../shared/form/ResetOnMount';
import { applyServerErrors } from '../../../shared/form/serverErrors';
import type { Customer } from '../types';

/** 显示完整信息: asks for the reason (audited), then hands the unmasked customer to the page. */
export function RevealButton({ customerId, onRevealed }: { customerId: string; onRevealed: (c: Customer) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="customer-reveal">
        {t('customers.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('customers.revealTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('customers.revealOk')}
        okButtonProps={{ loading: busy, ...({ 'data-testid': 'reveal-submit' } as object) }}
        destroyOnHidden
      >
        <Alert type="info" showIcon message={t('customers.revealNotice')} style={{ marginBottom: 12 }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            setBusy(true);
            try {
              const c = await api.post<Customer>(resourceUrl('customers', customerId, 'reveal'), { reason: v.reason.trim() });
              onRevealed(c);
              setOpen(false);
            } catch (e) {
              if (!applyServerErrors(form, e, ['reason'])) void message.error(isApiError(e) ? e.message : t('error.unknown'));
            } finally {
              setBusy(false);
            }
          }}
        >
          <ResetOnMount form={form} />
          <Form.Item
            name="reason"
            label={t('customers.revealReason')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: t('customers.revealReason') }) },
              { min: 2, max: 200, message: t('customers.revealReasonLength') },
            ]}
          >
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={200}
              placeholder={t('customers.revealReasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
