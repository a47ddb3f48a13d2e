import { Col, Descriptions, Drawer, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/format';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { JsonView } from '../../../shared/ui/JsonView';
import { Mono } from '../../../shared/ui/Mono';
import type { AuditLog } from '../types';

const columns: ListColumn<AuditLog>[] = [
  { key: 'at', title: 'field.at', kind: 'datetime', width: 140 },
  { key: 'username', title: 'field.username', kind: 'mono', width: 120 },
  { key: 'storeName', title: 'field.store', width: 140 },
  { key: 'action', title: 'field.action', kind: 'mono', width: 200 },
  { key: 'entityType', title: 'field.entityType', kind: 'mono', width: 140 },
  { key: 'entityId', title: 'field.entityId', kind: 'mono', ellipsis: true, width: 180, defaultHidden: true },
  {
    key: 'success',
    title: 'field.success',
    width: 80,
    render: (r) => <SuccessTag success={r.success} />,
  },
  { key: 'ip', title: 'field.ip', kind: 'mono', width: 130 },
];

function SuccessTag({ success }: { success: boolean }) {
  const t = useT();
  return <Tag color={success ? 'success' : 'error'}>{t(success ? 'enum.success.true' : 'enum.success.false')}</Tag>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The fields that differ between before and after (top level). */
function changes(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  if (!isRecord(before) && !isRecord(after)) return [];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

function AuditDrawer({ row, onClose }: { row: AuditLog | null; onClose: () => void }) {
  const t = useT();
  const diff = row ? changes(row.before, row.after) : [];
  return (
    <Drawer open={!!row} onClose={onClose} title={t('audit.detail')} width={760} destroyOnHidden>
      {row && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('field.at')}>{formatDateTime(row.at)}</Descriptions.Item>
            <Descriptions.Item label={t('field.success')}>
              <SuccessTag success={row.success} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.username')}>
              <Mono>{row.username ?? ''}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.store')}>{row.storeName}</Descriptions.Item>
            <Descriptions.Item label={t('field.action')}>
              <Mono>{row.action}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.ip')}>
              <Mono>{row.ip ?? ''}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.entityType')}>
              <Mono>{row.entityType ?? ''}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.entityId')}>
              <Mono>{row.entityId ?? ''}</Mono>
            </Descriptions.Item>
          </Descriptions>
          {diff.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('audit.changes')}
              </Typography.Title>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="field"
                dataSource={diff}
                columns={[
                  { title: t('audit.field'), dataIndex: 'field', width: 160, render: (v: string) => <Mono>{v}</Mono> },
                  {
                    title: t('field.before'),
                    dataIndex: 'before',
                    render: (v: string) => <Typography.Text delete={!!v}>{v}</Typography.Text>,
                  },
                  { title: t('field.after'), dataIndex: 'after', render: (v: string) => <Typography.Text mark={!!v}>{v}</Typography.Text> },
                ]}
              />
            </>
          )}
          <Row gutter={12} style={{ marginTop: 16 }}>
            <Col span={12}>
              <Typography.Title level={5}>{t('field.before')}</Typography.Title>
              <JsonView value={row.before} />
            </Col>
            <Col span={12}>
              <Typography.Title level={5}>{t('field.after')}</Typography.Title>
              <JsonView value={row.after} />
            </Col>
          </Row>
        </>
      )}
    </Drawer>
  );
}

/** 审计日志: read-only; a row opens before/after. */
export function AuditLogsPage() {
  const [row, setRow] = useState<AuditLog | null>(null);
  return (
    <>
      <ListPage<AuditLog>
        pageKey="admin.audit-logs"
        resource="audit-logs"
        columns={columns}
        search="audit.searchPlaceholder"
        filters={[
          { kind: 'text', name: 'action', label: 'field.action', width: 180 },
          { kind: 'text', name: 'username', label: 'field.username', width: 140 },
          { kind: 'text', name: 'entityType', label: 'field.entityType', width: 150 },
          { kind: 'select', name: 'success', label: 'field.success', values: ['true', 'false'], enumPrefix: 'enum.success', width: 100 },
          { kind: 'dateRange', from: 'from', to: 'to', label: 'list.dateRange', format: 'instant' },
        ]}
        onRowClick={setRow}
      />
      <AuditDrawer row={row} onClose={() => setRow(null)} />
    </>
  );
}
