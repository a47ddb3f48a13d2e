import { ArrowLeftOutlined, BankOutlined, EditOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../shared/api/client';
import { useDetail, useList } from '../../../shared/api/queries';
import { formatDate, formatDateTime } from '../../../shared/format';
import { Mono } from '../../../shared/ui/Mono';
import { MergeButton } from '../components/MergeButton';
import { CustomerFormDrawer } from '../components/CustomerFormDrawer';
import { RevealButton } from '../components/RevealDialog';
import { SectionCard } from '../components/SectionCard';
import { InsuranceExpiry, Km, Plate, vehicleModelText, WarrantyEnd } from '../components/VehicleBits';
import { VehicleFormDrawer } from '../components/VehicleFormDrawer';
import { divisionText, useDictionary, useDivisions } from '../hooks';
import { customerSections } from '../sections';
import type { Customer, Vehicle } from '../types';
import '../customers.css';

type ChurnSummary = { vehicles: number; churnedVehicles: number; effectiveCustomers: number; churnMonths: number };

/** seed 003: churned when no vehicle of the customer came back within the store's churn period; else effective. */
function ChurnTag({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['detail', 'customers', customerId, 'churn'],
    queryFn: ({ signal }) => api.get<ChurnSummary>('/api/customers/churn-summary', { customerId }, signal),
  });
  if (!q.data || q.data.vehicles === 0) return null;
  if (q.data.churnedVehicles === q.data.vehicles) {
    return (
      <Tag color="red" data-testid="churn-status">
        {t('customers.churned', { months: q.data.churnMonths })}
      </Tag>
    );
  }
  return (
    <Tag color={q.data.effectiveCustomers ? 'green' : 'default'} data-testid="churn-status">
      {t(q.data.effectiveCustomers ? 'customers.effective' : 'customers.notEffective')}
    </Tag>
  );
}

const dash = <span className="sf-muted">—</span>;
const orDash = (v: string | null | undefined) => (v ? v : dash);

function BasicInfo({ c }: { c: Customer }) {
  const { t, tEnum } = useI18n();
  const divisions = useDivisions();
  const sources = useDictionary('customer_source');
  const region = divisionText(divisions.data, [c.provinceCode, c.cityCode, c.districtCode]);
  const person = c.kind === 'person';
  const items = [
    { key: 'kind', label: t('customers.kind'), children: tEnum('enum.customerKind', c.kind) },
    ...(person
      ? [
          { key: 'gender', label: t('customers.gender'), children: orDash(tEnum('enum.gender', c.gender)) },
          { key: 'birthday', label: t('customers.birthday'), children: orDash(formatDate(c.birthday)) },
          { key: 'idNumber', label: t('customers.idNumber'), children: c.idNumber ? <Mono>{c.idNumber}</Mono> : dash },
        ]
      : [
          { key: 'contactName', label: t('customers.contactName'), children: orDash(c.contactName) },
          { key: 'creditCode', label: t('field.creditCode'), children: c.creditCode ? <Mono>{c.creditCode}</Mono> : dash },
        ]),
    { key: 'phone', label: t('customers.phone'), children: <Mono>{c.phone}</Mono> },
    {
      key: 'extraPhones',
      label: t('customers.extraPhones'),
      children: c.extraPhones.length ? (
        <Space size={8} wrap>
          {c.extraPhones.map((p) => (
            <Mono key={p}>{p}</Mono>
          ))}
        </Space>
      ) : (
        dash
      ),
    },
    { key: 'address', label: t('customers.address'), children: orDash([region, c.address].filter(Boolean).join(' ')) },
    { key: 'source', label: t('customers.source'), children: orDash(sources.label(c.source)) },
    {
      key: 'consent',
      label: t('customers.marketingConsent'),
      children: c.marketingConsent ? (
        <Space size={4} wrap>
          <Tag color="green">{t('customers.consentGiven')}</Tag>
          {c.consentChannel && <span>{tEnum('enum.consentChannel', c.consentChannel)}</span>}
          {c.consentAt && <Typography.Text type="secondary">{formatDateTime(c.consentAt)}</Typography.Text>}
        </Space>
      ) : (
        <Tag>{t('customers.consentNone')}</Tag>
      ),
    },
    { key: 'advisor', label: t('customers.advisor'), children: orDash(c.advisorName) },
    { key: 'consultant', label: t('customers.consultant'), children: orDash(c.consultantName) },
    { key: 'store', label: t('field.store'), children: c.storeName },
    { key: 'createdAt', label: t('customers.createdAt'), children: formatDateTime(c.createdAt) },
    { key: 'notes', label: t('customers.notes'), children: orDash(c.notes), span: 'filled' as const },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }} items={items} data-testid="customer-basic" />;
}

function VehiclesCard({ customer, onAdd }: { customer: Customer; onAdd: () => void }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useList<Vehicle>('vehicles', { ownerId: customer.id, pageSize: 100 }, { enabled: can('customers.vehicle.read') });
  return (
    <Card
      size="small"
      title={t('customers.vehicles')}
      extra={
        can('customers.vehicle.create') && (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="customer-add-vehicle">
            {t('customers.addVehicle')}
          </Button>
        )
      }
    >
      <Table<Vehicle>
        size="small"
        rowKey="id"
        data-testid="customer-vehicles"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(v) => ({ onClick: () => navigate(`/vehicles/${v.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('customers.noVehicles') }}
        columns={[
          { key: 'plate', title: t('vehicles.plate'), width: 120, render: (_, v) => <Plate vehicle={v} /> },
          { key: 'vin', title: t('vehicles.vin'), width: 190, render: (_, v) => <Mono>{v.vin}</Mono> },
          { key: 'model', title: t('vehicles.model'), render: (_, v) => orDash(vehicleModelText(v)) },
          { key: 'colour', title: t('vehicles.colour'), width: 80, render: (_, v) => orDash(v.colour) },
          { key: 'mileage', title: t('vehicles.mileage'), width: 110, align: 'right', render: (_, v) => <Km km={v.mileageKm} /> },
          { key: 'warrantyEnd', title: t('vehicles.warrantyEnd'), width: 170, render: (_, v) => <WarrantyEnd date={v.warrantyEnd} /> },
          {
            key: 'insuranceExpiry',
            title: t('vehicles.insuranceExpiry'),
            width: 180,
            render: (_, v) => <InsuranceExpiry date={v.insuranceExpiry} />,
          },
          {
            key: 'role',
            title: t('vehicles.role'),
            width: 80,
            render: (_, v) => (
              <Tag color={v.ownerId === customer.id ? 'blue' : undefined}>
                {t(v.ownerId === customer.id ? 'vehicles.roleOwner' : 'vehicles.roleUser')}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 客户 360°: who the customer is, their cars, and what the other modules know about them. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t, tEnum } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const detail = useDetail<Customer>('customers', id);
  const [revealed, setRevealed] = useState<Customer | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingVehicle, setAddingVehicle] = useState(false);
  useEffect(() => setRevealed(null), [id]);

  const c = revealed && revealed.id === id ? revealed : (detail.data ?? null);
  const sections = useMemo(() => customerSections.filter((s) => can(s.permission)).sort((a, b) => a.rank - b.rank), [can]);
  const vehicleDefaults = useMemo(() => ({ ownerId: id }), [id]);

  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('customers.notFound') : t('error.loadFailed')}
        subTitle={detail.error instanceof Error ? detail.error.message : undefined}
        extra={<Button onClick={() => navigate('/customers')}>{t('customers.backToList')}</Button>}
      />
    );
  }
  if (!c) return <Skeleton active />;

  return (
    <div data-testid="customer-detail">
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="sf-record-header">
          <Space size={12} align="start">
            <Avatar size={48} icon={c.kind === 'company' ? <BankOutlined /> : <UserOutlined />} style={{ background: '#1677ff' }} />
            <div>
              <Space size={8} wrap>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
                  {c.name}
                </Typography.Title>
                <Tag>{tEnum('enum.customerKind', c.kind)}</Tag>
                {c.anonymised && <Tag color="default">{t('customers.anonymised')}</Tag>}
                <ChurnTag customerId={c.id} />
              </Space>
              <div style={{ marginTop: 4 }}>
                <Space size={16} wrap>
                  <span data-testid="customer-phone">
                    <Typography.Text type="secondary">{t('customers.labelColon', { label: t('customers.phone') })}</Typography.Text>
                    <Mono>{c.phone}</Mono>
                  </span>
                  <span>
                    <Typography.Text type="secondary">{t('customers.labelColon', { label: t('customers.advisor') })}</Typography.Text>
                    {c.advisorName ?? t('customers.unassigned')}
                  </span>
                  <span>
                    <Typography.Text type="secondary">{t('customers.labelColon', { label: t('field.store') })}</Typography.Text>
                    {c.storeName}
                  </span>
                </Space>
              </div>
              {c.tags.length > 0 && (
                <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
                  {c.tags.map((tag) => (
                    <Tag key={tag} color="blue">
                      {tag}
                    </Tag>
                  ))}
                </Space>
              )}
            </div>
          </Space>
          <Space wrap>
            <Tooltip title={t('customers.backToList')}>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('customers.backToList')} />
            </Tooltip>
            {can('customers.customer.merge') && !c.anonymised && <MergeButton customer={c} />}
            {!c.revealed && can('customers.customer.reveal') && <RevealButton customerId={c.id} onRevealed={setRevealed} />}
            {can('customers.customer.update') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        </div>
        {c.revealed && (
          <Alert
            type="warning"
            showIcon
            banner
            style={{ marginTop: 8 }}
            message={t('customers.revealedBanner')}
            action={
              <Button size="small" onClick={() => setRevealed(null)}>
                {t('customers.hideAgain')}
              </Button>
            }
            data-testid="customer-revealed"
          />
        )}
      </Card>

      <Row gutter={[12, 12]}>
        <Col span={24}>
          <Card size="small" title={t('customers.basicInfo')}>
            <BasicInfo c={c} />
          </Card>
        </Col>
        <Col span={24}>
          <VehiclesCard customer={c} onAdd={() => setAddingVehicle(true)} />
        </Col>
        {sections.map((s) => (
          <Col key={s.key} xs={24} lg={12}>
            <SectionCard
              cacheKey={`customer.${s.key}`}
              title={s.title}
              icon={s.icon}
              load={s.load}
              props={{ customer: c }}
              empty={s.empty}
              testId={`customer-section-${s.key}`}
            />
          </Col>
        ))}
      </Row>

      <CustomerFormDrawer
        open={editing}
        onClose={() => setEditing(false)}
        record={c}
        onSaved={() => setRevealed(null)} // the saved answer is masked again
      />
      <VehicleFormDrawer
        open={addingVehicle}
        onClose={() => setAddingVehicle(false)}
        createDefaults={vehicleDefaults}
        onSaved={(v) => navigate(`/vehicles/${v.id}`)}
      />
    </div>
  );
}
