import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/auth/useAuth';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { Mono } from '../../../shared/ui/Mono';
import { InsuranceExpiry, Km, Plate, vehicleModelText, WarrantyEnd } from '../components/VehicleBits';
import { VehicleFormDrawer } from '../components/VehicleFormDrawer';
import type { Vehicle } from '../types';

const filters: ListFilter[] = [{ kind: 'resource', name: 'seriesId', label: 'field.series', resource: 'series', width: 180 }];

/** 车辆: every vehicle of the store; search by VIN, plate or engine number; row click opens the vehicle file. */
export function VehiclesPage() {
  const navigate = useNavigate();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const canReadCustomers = can('customers.customer.read');

  const columns = useMemo<ListColumn<Vehicle>[]>(
    () => [
      { key: 'plate', title: 'vehicles.plate', sortable: true, width: 130, render: (v) => <Plate vehicle={v} /> },
      { key: 'vin', title: 'vehicles.vin', kind: 'mono', sortable: true, width: 190 },
      {
        key: 'model',
        title: 'vehicles.model',
        width: 280,
        render: (v) => (
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 280 }}>
            {vehicleModelText(v)}
          </Typography.Text>
        ),
      },
      { key: 'brandName', title: 'field.brand', width: 110, defaultHidden: true },
      { key: 'colour', title: 'vehicles.colour', width: 100 },
      {
        key: 'ownerName',
        title: 'vehicles.owner',
        width: 130,
        render: (v) =>
          canReadCustomers ? (
            <Link to={`/customers/${v.ownerId}`} onClick={(e) => e.stopPropagation()}>
              {v.ownerName}
            </Link>
          ) : (
            v.ownerName
          ),
      },
      { key: 'ownerPhone', title: 'customers.phone', width: 120, render: (v) => <Mono>{v.ownerPhone}</Mono>, defaultHidden: true },
      { key: 'mileageKm', title: 'vehicles.mileage', width: 110, render: (v) => <Km km={v.mileageKm} /> },
      { key: 'engineNo', title: 'vehicles.engineNo', kind: 'mono', width: 130, defaultHidden: true },
      { key: 'saleDate', title: 'vehicles.saleDate', kind: 'date', sortable: true, width: 110 },
      { key: 'warrantyEnd', title: 'vehicles.warrantyEnd', width: 170, render: (v) => <WarrantyEnd date={v.warrantyEnd} /> },
      {
        key: 'insuranceExpiry',
        title: 'vehicles.insuranceExpiry',
        width: 180,
        render: (v) => <InsuranceExpiry date={v.insuranceExpiry} />,
      },
      { key: 'storeName', title: 'field.store', width: 100, defaultHidden: true },
      { key: 'createdAt', title: 'customers.createdAt', kind: 'datetime', sortable: true, width: 150, defaultHidden: true },
    ],
    [canReadCustomers],
  );

  return (
    <>
      <ListPage<Vehicle>
        pageKey="customers.vehicles"
        resource="vehicles"
        columns={columns}
        filters={filters}
        search="vehicles.searchPlaceholder"
        defaultSort="-createdAt"
        exportPermission="customers.vehicle.export"
        onRowClick={(v) => navigate(`/vehicles/${v.id}`)}
        create={{ onClick: () => setCreating(true), permission: 'customers.vehicle.create', label: 'vehicles.create' }}
      />
      <VehicleFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(v) => navigate(`/vehicles/${v.id}`)} />
    </>
  );
}
