import {
  CalendarOutlined,
  CrownOutlined,
  FileSearchOutlined,
  PhoneOutlined,
  ShopOutlined,
  ToolOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey } from '../../app/i18n/zh-CN';
import type { Customer, VehicleFile } from './types';

// Sections other modules contribute to the customer's 360° view and to the vehicle file (用户档案).
// Explicit registration, like src/app/registry.ts: a module that gets its records replaces the placeholder's
// `load` with a lazy import of its own component, e.g.
//   { key: 'visits', …, load: () => import('../service/components/CustomerVisits').then((m) => m.CustomerVisits) }
// Until then the section shows its empty state. Sections are listed in `rank` order.

export type CustomerSectionDef = {
  key: string;
  title: MessageKey;
  icon?: ReactNode;
  rank: number;
  /** Shown only with this permission (the module's read permission). */
  permission?: string;
  /** The contributing module's component (its own chunk); none = the empty state. */
  load?: () => Promise<ComponentType<{ customer: Customer }>>;
  /** Text of the empty state (default: "no records yet"). */
  empty?: MessageKey;
};

export const customerSections: CustomerSectionDef[] = [
  { key: 'visits', title: 'customers.section.visits', icon: <ShopOutlined />, rank: 10 },
  {
    key: 'followUps',
    title: 'customers.section.followUps',
    icon: <PhoneOutlined />,
    rank: 20,
    permission: 'customers.follow-up.read',
    load: () => import('./care/CustomerFollowUps').then((m) => m.CustomerFollowUps),
  },
  {
    key: 'complaints',
    title: 'customers.section.complaints',
    icon: <WarningOutlined />,
    rank: 30,
    permission: 'customers.complaint.read',
    load: () => import('./care/CustomerComplaints').then((m) => m.CustomerComplaints),
  },
  { key: 'membership', title: 'customers.section.membership', icon: <CrownOutlined />, rank: 40 },
];

export type VehicleFileSectionDef = {
  /** Key in the server's `sections` of GET /api/vehicles/:id (the rows are passed to the component). */
  key: string;
  /** 正面 (vehicle and its records) or 背面 (the people and their contacts), as on the paper file */
  side: 'front' | 'back';
  title: MessageKey;
  icon?: ReactNode;
  rank: number;
  permission?: string;
  load?: () => Promise<ComponentType<{ rows: unknown[]; file: VehicleFile }>>;
  empty?: MessageKey;
};

export const vehicleFileSections: VehicleFileSectionDef[] = [
  { key: 'serviceRecords', side: 'front', title: 'vehicles.section.serviceRecords', icon: <ToolOutlined />, rank: 10 },
  { key: 'maintenanceRecords', side: 'back', title: 'vehicles.section.maintenanceRecords', icon: <FileSearchOutlined />, rank: 10 },
  { key: 'appointments', side: 'back', title: 'vehicles.section.appointments', icon: <CalendarOutlined />, rank: 20 },
  {
    key: 'followUps',
    side: 'back',
    title: 'vehicles.section.followUps',
    icon: <PhoneOutlined />,
    rank: 30,
    permission: 'customers.follow-up.read',
    load: () => import('./care/CustomerFollowUps').then((m) => m.VehicleFollowUps),
  },
];
