import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';

/** 'assignments.0.roleId' → ['assignments', 0, 'roleId'] (antd NamePath). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/** Put field errors ({ 'a.0.b': message }) on the form; true when each one belongs to a known field root. */
export function applyFieldErrors(form: FormInstance, fields: Record<string, string>, knownRoots: readonly string[]): boolean {
  const entries = Object.entries(fields);
  if (entries.length === 0) return false;
  form.setFields(entries.map(([path, msg]) => ({ name: toNamePath(path), errors: [msg] })));
  const first = entries[0];
  if (first) form.scrollToField(toNamePath(first[0]), { block: 'center' });
  return entries.every(([path]) => knownRoots.includes(path.split('.')[0] ?? ''));
}

/**
 * Put the server's `fields` errors on the form. Returns true when every error found a field,
 * false when the caller should show the general message (no `fields`, or an unknown field).
 */
export function applyServerErrors(form: FormInstance, e: unknown, knownRoots: readonly string[]): boolean {
  if (!isApiError(e) || !e.fields) return false;
  return applyFieldErrors(form, e.fields, knownRoots);
}
