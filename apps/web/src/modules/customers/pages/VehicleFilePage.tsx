import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan, useMe } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { isApiError } from '../../../shared/api/client';
import { useDetail } from '../../../shared/api/queries';
import { formatDate, formatDateTime } from '../../../shared/format';
import { Mono } from '../../../shared/ui/Mono';
import { AddMileageButton } from '../components/MileageDialog';
import { SectionCard } from '../components/SectionCard';
import { InsuranceExpiry, Km, Plate, WarrantyEnd } from '../components/VehicleBits';
import { VehicleFormDrawer } from '../components/VehicleFormDrawer';
import { divisionText, useDivisions } from '../hooks';
import { vehicleFileSections, type VehicleFileSectionDef } from '../sections';
import type { Customer, VehicleFile } from '../types';
import '../customers.css';

const dash = <span className="sf-muted">—</span>;
const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? dash : v);

/** Store, title, side and the file's number (the VIN) on top of each printed page. */
function PrintHeader({ file, side }: { file: VehicleFile; side: 'front' | 'back' }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div className="sf-print-header">
      <div className="sf-print-store">{me.currentStore.name}</div>
      <div className="sf-print-title">
        {t('vehicles.fileTitle')} · {t(side === 'front' ? 'vehicles.front' : 'vehicles.back')}
      </div>
      <div className="sf-print-meta">
        <span>
          {t('vehicles.vin')} <Mono>{file.vehicle.vin}</Mono>
        </span>
        <span>
          {t('vehicles.plate')} <Mono>{file.vehicle.plate ?? '—'}</Mono>
        </span>
        <span>{t('vehicles.printedAt', { at: formatDateTime(new Date()) })}</span>
      </div>
    </div>
  );
}

function Sections({ file, side }: { file: VehicleFile; side: VehicleFileSectionDef['side'] }) {
  const can = useCan();
  const list = vehicleFileSections.filter((s) => s.side === side && can(s.permission)).sort((a, b) => a.rank - b.rank);
  return (
    <>
      {list.map((s) => {
        const rows = file.sections[s.key] ?? [];
        return (
          <SectionCard
            key={s.key}
            cacheKey={`vehicle.${s.key}`}
            title={s.title}
            icon={s.icon}
            load={s.load}
            props={{ rows, file }}
            count={rows.length}
            empty={s.empty}
            testId={`vehicle-section-${s.key}`}
          />
        );
      })}
    </>
  );
}

/** 正面: the vehicle, its warranty and insurance, mileage over time, service and repair records. */
function FrontSide({ file }: { file: VehicleFile }) {
  const { t, tEnum } = useI18n();
  const can = useCan();
  const v = file.vehicle;
  const vehicleItems = [
    { key: 'plate', label: t('vehicles.plate'), children: <Plate vehicle={v} /> },
    { key: 'vin', label: t('vehicles.vin'), children: <Mono>{v.vin}</Mono> },
    { key: 'engineNo', label: t('vehicles.engineNo'), children: v.engineNo ? <Mono>{v.engineNo}</Mono> : dash },
    { key: 'brand', label: t('field.brand'), children: orDash(v.brandName) },
    { key: 'series', label: t('field.series'), children: orDash(v.seriesName) },
    { key: 'model', label: t('field.model'), children: orDash(v.modelName) },
    { key: 'configuration', label: t('vehicles.configuration'), children: orDash(v.configurationName) },
    { key: 'colour', label: t('vehicles.colour'), children: orDash(v.colour) },
    { key: 'modelYear', label: t('field.modelYear'), children: orDash(v.modelYear) },
    { key: 'mileage', label: t('vehicles.mileage'), children: <Km km={v.mileageKm} /> },
  ];
  const dateItems = [
    {
      key: 'saleDate',
      label: t('vehicles.saleDate'),
      children: (
        <Space size={4}>
          {orDash(formatDate(v.saleDate))}
          {v.sellingStoreId && <Tag color="blue">{t('vehicles.soldHere')}</Tag>}
        </Space>
      ),
    },
    { key: 'firstRegistration', label: t('vehicles.firstRegistration'), children: orDash(formatDate(v.firstRegistration)) },
    { key: 'warrantyStart', label: t('vehicles.warrantyStart'), children: orDash(formatDate(v.warrantyStart)) },
    { key: 'warrantyEnd', label: t('vehicles.warrantyEnd'), children: <WarrantyEnd date={v.warrantyEnd} /> },
    { key: 'insuranceExpiry', label: t('vehicles.insuranceExpiry'), children: <InsuranceExpiry date={v.insuranceExpiry} /> },
    { key: 'store', label: t('field.store'), children: v.storeName },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('vehicles.vehicleData')}>
        <Descriptions size="small" column={2} items={vehicleItems} data-testid="vehicle-data" />
      </Card>
      <Card size="small" title={t('vehicles.warrantyInsurance')}>
        <Descriptions size="small" column={2} items={dateItems} />
      </Card>
      <Card
        size="small"
        title={t('vehicles.mileageHistory')}
        extra={
          can('customers.vehicle.update') && (
            <span className="sf-no-print">
              <AddMileageButton vehicleId={v.id} lastKm={v.mileageKm} />
            </span>
          )
        }
      >
        <Table
          size="small"
          rowKey="id"
          data-testid="vehicle-mileage"
          dataSource={file.mileage}
          pagination={file.mileage.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('vehicles.noReadings') }}
          columns={[
            { key: 'at', title: t('vehicles.readingAt'), width: 150, render: (_, r) => formatDateTime(r.at) },
            { key: 'km', title: t('vehicles.readingKm'), width: 120, align: 'right', render: (_, r) => <Km km={r.km} /> },
            { key: 'source', title: t('vehicles.readingSource'), width: 100, render: (_, r) => tEnum('enum.mileageSource', r.source) },
            { key: 'note', title: t('vehicles.readingNote'), render: (_, r) => orDash(r.note) },
          ]}
        />
      </Card>
      <Sections file={file} side="front" />
    </Space>
  );
}

function PersonCard({
  title,
  customerId,
  fallbackName,
  fallbackPhone,
}: {
  title: string;
  customerId: string;
  fallbackName: string;
  fallbackPhone?: string;
}) {
  const { t, tEnum } = useI18n();
  const can = useCan();
  const canRead = can('customers.customer.read');
  const customer = useDetail<Customer>('customers', customerId, { enabled: canRead });
  const divisions = useDivisions();
  const c = customer.data;
  const items = c
    ? [
        {
          key: 'name',
          label: t('customers.name'),
          children: (
            <Space size={4}>
              <Link to={`/customers/${c.id}`}>{c.name}</Link>
              <Tag>{tEnum('enum.customerKind', c.kind)}</Tag>
            </Space>
          ),
        },
        { key: 'phone', label: t('customers.phone'), children: <Mono>{c.phone}</Mono> },
        ...(c.kind === 'person'
          ? [
              { key: 'gender', label: t('customers.gender'), children: orDash(tEnum('enum.gender', c.gender)) },
              { key: 'idNumber', label: t('customers.idNumber'), children: c.idNumber ? <Mono>{c.idNumber}</Mono> : dash },
            ]
          : [{ key: 'contactName', label: t('customers.contactName'), children: orDash(c.contactName) }]),
        {
          key: 'address',
          label: t('customers.address'),
          span: 2,
          children: orDash(
            [divisionText(divisions.data, [c.provinceCode, c.cityCode, c.districtCode]), c.address].filter(Boolean).join(' '),
          ),
        },
        { key: 'advisor', label: t('customers.advisor'), children: orDash(c.advisorName) },
      ]
    : [
        { key: 'name', label: t('customers.name'), children: fallbackName },
        ...(fallbackPhone ? [{ key: 'phone', label: t('customers.phone'), children: <Mono>{fallbackPhone}</Mono> }] : []),
      ];
  return (
    <Card size="small" title={title} loading={canRead && customer.isPending}>
      <Descriptions size="small" column={2} items={items} />
    </Card>
  );
}

/** 背面: owner and user (personal data masked), ownership history, maintenance, appointments, follow-ups. */
function BackSide({ file }: { file: VehicleFile }) {
  const { t } = useI18n();
  const v = file.vehicle;
  const userName = file.ownership.find((o) => o.role === 'user' && !o.toDate && o.customerId === v.userId)?.name ?? '';
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <PersonCard title={t('vehicles.owner')} customerId={v.ownerId} fallbackName={v.ownerName} fallbackPhone={v.ownerPhone} />
      {v.userId && v.userId !== v.ownerId && <PersonCard title={t('vehicles.user')} customerId={v.userId} fallbackName={userName} />}
      <Card size="small" title={t('vehicles.ownershipHistory')}>
        <Table
          size="small"
          rowKey={(o) => `${o.customerId}-${o.role}-${o.fromDate}`}
          data-testid="vehicle-ownership"
          dataSource={file.ownership}
          pagination={false}
          locale={{ emptyText: t('customers.sectionEmpty') }}
          columns={[
            {
              key: 'role',
              title: t('vehicles.role'),
              width: 90,
              render: (_, o) => t(o.role === 'owner' ? 'vehicles.roleOwner' : 'vehicles.roleUser'),
            },
            { key: 'name', title: t('customers.name'), render: (_, o) => <Link to={`/customers/${o.customerId}`}>{o.name}</Link> },
            { key: 'from', title: t('vehicles.fromDate'), width: 110, render: (_, o) => formatDate(o.fromDate) },
            {
              key: 'to',
              title: t('vehicles.toDate'),
              width: 110,
              render: (_, o) => (o.toDate ? formatDate(o.toDate) : <Tag color="green">{t('vehicles.current')}</Tag>),
            },
          ]}
        />
      </Card>
      <Sections file={file} side="back" />
      <div className="sf-print-only sf-signatures">
        <span>{t('vehicles.signCustomer')}</span>
        <span>{t('vehicles.signAdvisor')}</span>
        <span>{t('vehicles.signDate')}</span>
      </div>
    </Space>
  );
}

/** 用户档案 (seed 002): one file per vehicle, front and back as on the paper form; prints on two A4 pages. */
export function VehicleFilePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const detail = useDetail<VehicleFile>('vehicles', id);
  const [editing, setEditing] = useState(false);
  const file = detail.data;
  const title = useMemo(() => (file ? [file.vehicle.plate, file.vehicle.ownerName].filter(Boolean).join(' · ') : ''), [file]);

  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('vehicles.notFound') : t('error.loadFailed')}
        subTitle={detail.error instanceof Error ? detail.error.message : undefined}
        extra={<Button onClick={() => navigate('/vehicles')}>{t('vehicles.backToList')}</Button>}
      />
    );
  }
  if (!file) return <Skeleton active />;

  return (
    <div data-testid="vehicle-file" className="sf-vehicle-file">
      <Card size="small" className="sf-no-print" style={{ marginBottom: 12 }}>
        <div className="sf-record-header">
          <Space size={12} wrap>
            <Tooltip title={t('vehicles.backToList')}>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('vehicles.backToList')} />
            </Tooltip>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('vehicles.fileTitle')}
            </Typography.Title>
            <Typography.Text>{title}</Typography.Text>
            <Typography.Text type="secondary">
              <Mono>{file.vehicle.vin}</Mono>
            </Typography.Text>
          </Space>
          <Space wrap>
            {can('customers.vehicle.update') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="vehicle-edit">
                {t('common.edit')}
              </Button>
            )}
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="vehicle-print">
              {t('vehicles.print')}
            </Button>
          </Space>
        </div>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12} className="sf-file-side sf-file-front" data-testid="vehicle-file-front">
          <PrintHeader file={file} side="front" />
          <Typography.Title level={5} className="sf-side-title sf-no-print">
            {t('vehicles.front')}
          </Typography.Title>
          <FrontSide file={file} />
        </Col>
        <Col xs={24} xl={12} className="sf-file-side sf-file-back" data-testid="vehicle-file-back">
          <PrintHeader file={file} side="back" />
          <Typography.Title level={5} className="sf-side-title sf-no-print">
            {t('vehicles.back')}
          </Typography.Title>
          <BackSide file={file} />
        </Col>
      </Row>
      <VehicleFormDrawer open={editing} onClose={() => setEditing(false)} record={file.vehicle} />
    </div>
  );
}
