import { DashboardOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { api, isApiError, resourceUrl } from '../../../shared/api/client';
import { invalidateResource } from '../../../shared/api/queries';
import { ResetOnMount } from '../../../shared/form/ResetOnMount';
import { applyServerErrors } from '../../../shared/form/serverErrors';

type Values = { km: number | null; note: string };

/** 添加里程记录: a reading below the last one needs a note (a replaced odometer, a typo corrected …). */
export function AddMileageButton({ vehicleId, lastKm }: { vehicleId: string; lastKm: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const km = Form.useWatch('km', form);
  const lower = typeof km === 'number' && km < lastKm;

  return (
    <>
      <Button size="small" icon={<DashboardOutlined />} onClick={() => setOpen(true)} data-testid="mileage-add">
        {t('vehicles.addReading')}
      </Button>
      <Modal
        open={open}
        title={t('vehicles.addReading')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy, ...({ 'data-testid': 'mileage-submit' } as object) }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ km: null, note: '' }}
          onFinish={async (v) => {
            setBusy(true);
            try {
              await api.post(resourceUrl('vehicles', vehicleId, 'mileage'), { km: v.km, note: (v.note ?? '').trim() });
              await invalidateResource(qc, 'vehicles');
              void message.success(t('vehicles.readingSaved'));
              setOpen(false);
            } catch (e) {
              if (!applyServerErrors(form, e, ['km', 'note'])) void message.error(isApiError(e) ? e.message : t('error.unknown'));
            } finally {
              setBusy(false);
            }
          }}
        >
          <ResetOnMount form={form} />
          <Typography.Paragraph type="secondary">{t('vehicles.lastReading', { km: lastKm.toLocaleString('en-US') })}</Typography.Paragraph>
          <Form.Item
            name="km"
            label={t('vehicles.readingKm')}
            rules={[{ required: true, message: t('common.required', { label: t('vehicles.readingKm') }) }]}
          >
            <InputNumber<number> min={0} max={2_000_000} precision={0} suffix="km" style={{ width: '100%' }} autoFocus />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('vehicles.readingNote')}
            dependencies={['km']}
            extra={lower ? t('vehicles.readingLowerHint') : undefined}
            rules={[
              {
                validator: async (_r, v: unknown) => {
                  if (lower && (typeof v !== 'string' || v.trim().length < 2)) throw new Error(t('vehicles.readingNoteRequired'));
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
