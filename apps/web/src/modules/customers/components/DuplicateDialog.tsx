import { ExclamationCircleFilled } from '@ant-design/icons';
import { Button, List, Modal, Space, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/useT';
import type { DuplicateCustomer } from '../types';

export type DuplicateDialogState = {
  duplicates: DuplicateCustomer[] | null;
  /** Opens the dialog; resolves true for "create anyway", false for "go back". */
  ask: (duplicates: DuplicateCustomer[]) => Promise<boolean>;
  answer: (createAnyway: boolean) => void;
};

export function useDuplicateDialog(): DuplicateDialogState {
  const [duplicates, setDuplicates] = useState<DuplicateCustomer[] | null>(null);
  const resolver = useRef<((v: boolean) => void) | null>(null);
  const ask = useCallback((list: DuplicateCustomer[]) => {
    setDuplicates(list);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const answer = useCallback((v: boolean) => {
    resolver.current?.(v);
    resolver.current = null;
    setDuplicates(null);
  }, []);
  return { duplicates, ask, answer };
}

/**
 * 同一手机号已有客户档案 (seed 002: one file per customer): lists who has the number — a link where the user may
 * look, "another store" otherwise — and lets the clerk go back or create the customer anyway.
 */
export function DuplicateDialog({ state }: { state: DuplicateDialogState }) {
  const t = useT();
  const open = state.duplicates !== null;
  return (
    <Modal
      open={open}
      title={
        <Space>
          <ExclamationCircleFilled style={{ color: '#faad14' }} />
          {t('customers.duplicateTitle')}
        </Space>
      }
      onCancel={() => state.answer(false)}
      zIndex={1100}
      footer={
        <Space>
          <Button onClick={() => state.answer(false)} data-testid="duplicate-cancel">
            {t('customers.duplicateBack')}
          </Button>
          <Button type="primary" danger onClick={() => state.answer(true)} data-testid="duplicate-confirm">
            {t('customers.duplicateCreateAnyway')}
          </Button>
        </Space>
      }
      data-testid="duplicate-dialog"
    >
      <Typography.Paragraph>{t('customers.duplicateIntro')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={state.duplicates ?? []}
        rowKey="id"
        renderItem={(d) => (
          <List.Item>
            {d.visible ? (
              <Link to={`/customers/${d.id}`} target="_blank" rel="noreferrer">
                {d.name}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('customers.duplicateOtherStore')}</Typography.Text>
            )}
          </List.Item>
        )}
      />
    </Modal>
  );
}
