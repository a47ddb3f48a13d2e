import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Space, Typography } from 'antd';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/useT';
import type { MessageKey } from '../../app/i18n/zh-CN';
import { api, isApiError, resourceUrl } from '../api/client';
import { invalidateResource } from '../api/queries';
import { bodyFromValues, fieldRoot, FormFields, initialValuesFor } from './FormFields';
import { ResetOnMount } from './ResetOnMount';
import { applyServerErrors } from './serverErrors';
import type { FieldDef } from './types';

export type SubmitContext<T> = { editing: boolean; record: T | null };

export type FormDrawerProps<T> = {
  open: boolean;
  onClose: () => void;
  /** Path after /api/: create = POST /api/<resource>, update = PATCH /api/<resource>/:id. */
  resource: string;
  /** Names the record in the title: t('form.createTitle', { entity: t(entity) }). */
  entity: MessageKey;
  fields: readonly FieldDef[];
  /** The record being edited (must have `id`); null/undefined = create. */
  record?: T | null;
  /** Values preset when creating (e.g. { brandId }). */
  createDefaults?: Record<string, unknown>;
  /** Values for the form when editing, if not the record itself. */
  fromRecord?: (record: T) => Record<string, unknown>;
  /** Everything disabled, no Save (the user lacks the update permission). */
  readOnly?: boolean;
  /** Reshape the body built from the fields (values = the raw form values). */
  toBody?: (body: Record<string, unknown>, values: Record<string, unknown>, ctx: SubmitContext<T>) => unknown;
  /** Replace the default POST/PATCH. Throw an ApiError to have its `fields` shown. */
  submit?: (body: unknown, ctx: SubmitContext<T>) => Promise<unknown>;
  onSaved?: (saved: unknown, ctx: SubmitContext<T>) => void;
  /** 1 column (480 px) or 2 columns (760 px). */
  columns?: 1 | 2;
  width?: number;
  title?: ReactNode;
  /** Buttons at the left of the footer (delete, disable …). */
  footerExtra?: ReactNode;
  /** Extra content inside the form after the fields (a sub-editor bound to form fields). */
  children?: ReactNode;
  /** Field roots managed by `children`, so their server errors are shown on them. */
  extraFieldRoots?: readonly string[];
  loading?: boolean;
  /** data-testid of the form (default `form-drawer`). */
  testId?: string;
};

/**
 * A drawer with a form built from a field declaration. Enter saves (not in text areas or open selects),
 * Esc closes, the first field gets focus; server `fields` errors land on their fields.
 */
export function FormDrawer<T>(props: FormDrawerProps<T>) {
  const {
    open,
    onClose,
    resource,
    entity,
    fields,
    record,
    createDefaults,
    fromRecord,
    readOnly = false,
    toBody,
    submit,
    onSaved,
    columns = 1,
    width,
    title,
    footerExtra,
    children,
    extraFieldRoots = [],
    loading = false,
    testId = 'form-drawer',
  } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const editing = !!record;
  const ctx: SubmitContext<T> = { editing, record: record ?? null };
  const id = record ? String((record as { id?: unknown }).id ?? '') : '';

  const initialValues = useMemo(
    () => initialValuesFor(fields, record ? (fromRecord ? fromRecord(record) : (record as Record<string, unknown>)) : null, createDefaults),
    [fields, record, fromRecord, createDefaults],
  );
  const roots = useMemo(() => [...fields.map(fieldRoot), ...extraFieldRoots], [fields, extraFieldRoots]);

  const onFinish = async (values: Record<string, unknown>) => {
    if (readOnly) return;
    const all = { ...initialValues, ...values };
    const built = bodyFromValues(fields, all, editing, initialValues);
    const body = toBody ? toBody(built, all, ctx) : built;
    if (editing && !toBody && !submit && Object.keys(built).length === 0) {
      onClose(); // nothing changed
      return;
    }
    setSaving(true);
    try {
      const saved = submit
        ? await submit(body, ctx)
        : editing
          ? await api.patch(resourceUrl(resource, id), body)
          : await api.post(resourceUrl(resource), body);
      await invalidateResource(qc, resource);
      void message.success(t(editing ? 'common.saved' : 'common.created'));
      onSaved?.(saved, ctx);
      onClose();
    } catch (e) {
      const allOnFields = applyServerErrors(form, e, roots);
      if (isApiError(e) && e.status === 401) return;
      if (!allOnFields) void message.error(e instanceof Error ? e.message : t('error.unknown'));
      else void message.warning(t('error.formInvalid'));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || readOnly) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return;
    if (target.closest('.ant-select, .ant-picker') && !(e.ctrlKey || e.metaKey)) return;
    if (target.tagName === 'BUTTON') return;
    e.preventDefault();
    form.submit();
  };

  const titleText =
    title ??
    t(readOnly && editing ? 'form.viewTitle' : editing ? 'form.editTitle' : 'form.createTitle', {
      entity: t(entity),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={titleText}
      width={width ?? (columns === 2 ? 760 : 480)}
      destroyOnHidden
      keyboard
      loading={loading}
      afterOpenChange={(o) => {
        if (!o) return;
        const first = bodyRef.current?.querySelector<HTMLElement>('input:not([disabled]):not([type=hidden]), textarea:not([disabled])');
        first?.focus();
      }}
      footer={
        <div className="sf-drawer-footer">
          <Space>{footerExtra}</Space>
          <Space>
            {!readOnly && !footerExtra && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('form.keyboardHint')}
              </Typography.Text>
            )}
            <Button onClick={onClose}>{t(readOnly ? 'common.close' : 'common.cancel')}</Button>
            {!readOnly && (
              <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="form-submit">
                {t('common.save')}
              </Button>
            )}
          </Space>
        </div>
      }
    >
      <div ref={bodyRef} onKeyDown={onKeyDown}>
        <Form
          form={form}
          layout="vertical"
          size="middle"
          initialValues={initialValues}
          onFinish={(v) => void onFinish(v)}
          disabled={readOnly}
          requiredMark
          scrollToFirstError
          data-testid={testId}
        >
          <ResetOnMount form={form} />
          <FormFields fields={fields} editing={editing} disabled={readOnly} columns={columns} />
          {children}
        </Form>
      </div>
    </Drawer>
  );
}
