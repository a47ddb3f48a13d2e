// Shapes of the follow-up and complaint API (apps/server/src/modules/customers/follow-ups.routes.ts, complaints.routes.ts).
import type { ListResult } from '../../../shared/api/client';

export const FOLLOW_UP_CHANNELS = ['phone', 'sms', 'wechat', 'letter', 'visit'] as const;
export const FOLLOW_UP_PURPOSES = [
  'after_service',
  'after_sale',
  'maintenance_reminder',
  'insurance',
  'birthday',
  'churn',
  'complaint',
  'other',
] as const;
export const COMPLAINT_CHANNELS = ['phone', 'visit', 'wechat', 'online', 'letter', 'follow_up', 'sales_call', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export const COMPLAINT_STATUSES = ['open', 'escalated', 'resolved'] as const;

export type FollowUp = {
  id: string;
  storeId: string;
  customerId: string;
  customerName: string;
  /** masked */
  customerPhone: string;
  vehicleId: string | null;
  plate: string | null;
  /** planned | done */
  status: string;
  channel: string;
  purpose: string;
  outcome: string;
  outcomeLabel: string | null;
  content: string;
  satisfaction: number | null;
  dueDate: string | null;
  doneAt: string | null;
  nextContactDate: string | null;
  assignedTo: string | null;
  assignedToName: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
};

export type Complaint = {
  id: string;
  storeId: string;
  number: string;
  customerId: string;
  customerName: string;
  customerPhone: string;
  vehicleId: string | null;
  plate: string | null;
  type: string;
  typeLabel: string | null;
  severity: string;
  channel: string;
  againstUserId: string | null;
  againstUserName: string | null;
  againstText: string;
  description: string;
  receivedAt: string;
  dueAt: string;
  /** open → escalated → resolved */
  status: string;
  overdue: boolean;
  escalatedAt: string | null;
  resolution: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
  satisfied: boolean | null;
  satisfactionScore: number | null;
  createdBy: string | null;
  createdAt: string;
  allowedActions: string[];
};

export type CareInbox = {
  followUps: ListResult<FollowUp>;
  complaints: ListResult<Complaint>;
};

/** One colour per state, everywhere (follow-ups and complaints share the pending/done meaning). */
export const STATE_COLOURS: Record<string, string> = {
  planned: 'blue',
  open: 'blue',
  escalated: 'red',
  done: 'green',
  resolved: 'green',
};

export const SEVERITY_COLOURS: Record<string, string> = {
  low: 'default',
  medium: 'gold',
  high: 'volcano',
};
