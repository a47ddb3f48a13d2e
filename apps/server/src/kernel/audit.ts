import { auditLog } from './kernel.schema.js';
import type { Executor } from './db.js';
import type { RequestContext } from './context.js';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  success?: boolean;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
  /** for events without a logged-in user (failed logins) */
  username?: string;
  userId?: string | null;
  storeId?: string | null;
  ip?: string;
};

const SECRET_KEYS = /password|token|secret|hash|otp/i;

/** Secrets never reach the audit log, whatever a caller passes. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v);
    }
    return out;
  }
  return value;
}

/** Writes one audit row, in the caller's transaction when given one. */
export async function writeAudit(exec: Executor, ctx: RequestContext | null, entry: AuditEntry): Promise<void> {
  await exec.insert(auditLog).values({
    action: entry.action,
    entityType: entry.entityType ?? '',
    entityId: entry.entityId ?? '',
    success: entry.success ?? true,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    detail: entry.detail === undefined ? null : redact(entry.detail),
    userId: entry.userId !== undefined ? entry.userId : (ctx?.user.id ?? null),
    username: entry.username ?? ctx?.user.username ?? '',
    storeId: entry.storeId !== undefined ? entry.storeId : (ctx?.storeId ?? null),
    ip: entry.ip ?? ctx?.ip ?? '',
  });
}

/** The fields whose value changed, for before/after rows. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
