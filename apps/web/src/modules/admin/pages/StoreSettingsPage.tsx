import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Row, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan, useMe } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { api, isApiError } from '../../../shared/api/client';
import { detailKey, useOptionsList } from '../../../shared/api/queries';
import { fenToYuan, yuanToFen } from '../../../shared/format';
import { FormFields } from '../../../shared/form/FormFields';
import { ResetOnMount } from '../../../shared/form/ResetOnMount';
import { applyFieldErrors } from '../../../shared/form/serverErrors';
import type { FieldDef } from '../../../shared/form/types';
import { Mono } from '../../../shared/ui/Mono';
import { MoneyInput } from '../../../shared/ui/MoneyInput';
import type { StoreSettings } from '../types';

type RepairType = { id: string; code: string; name: string; nameEn: string | null; active: boolean };

type FormValues = Omit<StoreSettings, 'labourRates'> & {
  labourRates: { repairTypeId: string; rateFen: number | null }[];
};

const hoursFields: FieldDef[] = [
  { name: ['businessHours', 'open'], label: 'settings.open', kind: 'time', required: true },
  { name: ['businessHours', 'close'], label: 'settings.close', kind: 'time', required: true },
];
const thresholdFields: FieldDef[] = [
  {
    name: ['approvalThresholds', 'discountPercent'],
    label: 'settings.discountPercent',
    kind: 'number',
    min: 0,
    max: 100,
    precision: 1,
    required: true,
  },
  { name: ['approvalThresholds', 'refundFen'], label: 'settings.refund', kind: 'money', required: true },
  { name: ['approvalThresholds', 'stockAdjustFen'], label: 'settings.stockAdjust', kind: 'money', required: true },
  { name: ['approvalThresholds', 'purchaseFen'], label: 'settings.purchase', kind: 'money', required: true },
];
const printFields: FieldDef[] = [
  { name: ['printHeader', 'title'], label: 'settings.printTitle', kind: 'text', maxLength: 80, wide: true },
  { name: ['printHeader', 'address'], label: 'field.address', kind: 'text', maxLength: 120, wide: true },
  { name: ['printHeader', 'phone'], label: 'field.phone', kind: 'text', maxLength: 40 },
  { name: ['printHeader', 'footer'], label: 'settings.printFooter', kind: 'textarea', maxLength: 200 },
];

/** 门店设置: one form for the current store's hours, labour rates, approval thresholds and print header. */
export function StoreSettingsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const readOnly = !can('admin.settings.update');

  const settings = useQuery({
    queryKey: detailKey('store-settings', me.currentStore.id),
    queryFn: ({ signal }) => api.get<StoreSettings>('/api/store-settings', undefined, signal),
  });
  const repairTypes = useOptionsList<RepairType>('repair-types', { sort: 'code' });

  const initialValues = useMemo<FormValues | null>(() => {
    if (!settings.data || !repairTypes.data) return null;
    const s = settings.data;
    const rates = new Map(s.labourRates.map((r) => [r.repairTypeId, r.rateFen]));
    return {
      ...s,
      labourRates: repairTypes.data.items.map((rt) => ({ repairTypeId: rt.id, rateFen: rates.get(rt.id) ?? null })),
    };
  }, [settings.data, repairTypes.data]);

  if (settings.isPending || repairTypes.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" showIcon message={settings.error.message} />;
  if (!initialValues) return <Empty />;

  const rtName = (id: string) => {
    const rt = repairTypes.data?.items.find((r) => r.id === id);
    if (!rt) return id;
    return (locale === 'en-US' && rt.nameEn) || rt.name;
  };

  const onFinish = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    // Only rows with a rate are sent; remember where each came from to put errors back on the right row.
    const sentFrom: number[] = [];
    const labourRates: StoreSettings['labourRates'] = [];
    v.labourRates.forEach((r, i) => {
      if (r.rateFen !== null && r.rateFen !== undefined) {
        sentFrom.push(i);
        labourRates.push({ repairTypeId: r.repairTypeId, rateFen: r.rateFen });
      }
    });
    const body: StoreSettings = {
      businessHours: v.businessHours,
      labourRates,
      approvalThresholds: v.approvalThresholds,
      disabledSteps: settings.data?.disabledSteps ?? [],
      printHeader: {
        title: v.printHeader.title ?? '',
        address: v.printHeader.address ?? '',
        phone: v.printHeader.phone ?? '',
        footer: v.printHeader.footer ?? '',
      },
    };
    setSaving(true);
    try {
      await api.put('/api/store-settings', body);
      await qc.invalidateQueries({ queryKey: ['detail', 'store-settings'] });
      void message.success(t('settings.saved'));
    } catch (e) {
      if (isApiError(e) && e.fields) {
        const remapped: Record<string, string> = {};
        for (const [path, msg] of Object.entries(e.fields)) {
          const m = /^labourRates\.(\d+)\.(.+)$/.exec(path);
          const from = m ? sentFrom[Number(m[1])] : undefined;
          remapped[m && from !== undefined ? `labourRates.${from}.rateFen` : path] = msg;
        }
        if (!applyFieldErrors(form, remapped, ['businessHours', 'labourRates', 'approvalThresholds', 'printHeader'])) {
          void message.error(e.message);
        }
      } else {
        void message.error(e instanceof Error ? e.message : t('error.unknown'));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues>
      key={me.currentStore.id}
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void onFinish()}
      disabled={readOnly}
      data-testid="store-settings-form"
    >
      <ResetOnMount form={form} />
      <div className="sf-panel" style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text strong>
          {t('menu.admin.settings')} · {me.currentStore.shortName || me.currentStore.name}
        </Typography.Text>
        {!readOnly && (
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="form-submit">
            {t('common.save')}
          </Button>
        )}
      </div>
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('settings.businessHours')}>
              <FormFields fields={hoursFields} editing disabled={readOnly} columns={2} />
            </Card>
            <Card size="small" title={t('settings.approvalThresholds')}>
              <FormFields fields={thresholdFields} editing disabled={readOnly} columns={2} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('settings.labourRates')}>
              {initialValues.labourRates.length === 0 ? (
                <Empty description={t('settings.noRepairTypes')} />
              ) : (
                <Form.List name="labourRates">
                  {(items) => (
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="key"
                      dataSource={items}
                      columns={[
                        {
                          title: t('field.repairType'),
                          render: (_: unknown, item) => {
                            const id = form.getFieldValue(['labourRates', item.name, 'repairTypeId']) as string;
                            const rt = repairTypes.data?.items.find((r) => r.id === id);
                            return (
                              <span>
                                {rt && <Mono>{rt.code}</Mono>} {rtName(id)}
                              </span>
                            );
                          },
                        },
                        {
                          title: t('settings.labourRate'),
                          width: 200,
                          render: (_: unknown, item) => (
                            <Form.Item
                              name={[item.name, 'rateFen']}
                              style={{ margin: 0 }}
                              getValueProps={(fen: unknown) => ({ value: typeof fen === 'number' ? fenToYuan(fen) : fen })}
                              normalize={(yuan: unknown) => yuanToFen(yuan as number | null)}
                            >
                              <MoneyInput />
                            </Form.Item>
                          ),
                        },
                      ]}
                    />
                  )}
                </Form.List>
              )}
            </Card>
            <Card size="small" title={t('settings.printHeader')}>
              <FormFields fields={printFields} editing disabled={readOnly} columns={2} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
