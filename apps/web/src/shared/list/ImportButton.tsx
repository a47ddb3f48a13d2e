import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useT } from '../../app/i18n/useT';
import { apiRequest, resourceUrl } from '../api/client';
import { invalidateResource } from '../api/queries';
import { useApiErrorHandler } from '../hooks/useApiErrorHandler';

export type ImportResult = {
  total: number;
  created: number;
  updated: number;
  errors: { row: number; column?: string; message: string }[];
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST the raw .xlsx to /api/<resource>/import and show the per-row error report. */
export function ImportButton({ resource, columnLabels = {} }: { resource: string; columnLabels?: Record<string, string> }) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const upload = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      void message.warning(t('list.importFileType'));
      return;
    }
    setBusy(true);
    try {
      const r = await apiRequest<ImportResult>(resourceUrl(resource, undefined, 'import'), {
        method: 'POST',
        body: file,
        contentType: XLSX,
      });
      setResult(r);
      await invalidateResource(qc, resource);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: 'none' }}
        data-testid="list-import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void upload(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="list-import">
        {busy ? t('list.importing') : t('list.import')}
      </Button>
      <Modal
        open={!!result}
        title={t('list.importTitle')}
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>{t('common.close')}</Button>}
        width={720}
      >
        {result && (
          <>
            <Alert
              type={result.errors.length ? 'warning' : 'success'}
              showIcon
              message={t('list.importSummary', {
                total: result.total,
                created: result.created,
                updated: result.updated,
                errors: new Set(result.errors.map((e) => e.row)).size,
              })}
              style={{ marginBottom: 12 }}
            />
            {result.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.message}`}
                dataSource={result.errors}
                pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
                data-testid="import-errors"
                columns={[
                  { title: t('list.importRow'), dataIndex: 'row', width: 80, align: 'right' },
                  {
                    title: t('list.importColumn'),
                    dataIndex: 'column',
                    width: 160,
                    render: (c: string | undefined) => (c ? (columnLabels[c] ?? c) : ''),
                  },
                  {
                    title: t('list.importMessage'),
                    dataIndex: 'message',
                    render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
                  },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
