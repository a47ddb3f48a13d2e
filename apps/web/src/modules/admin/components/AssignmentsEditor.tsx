import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Typography } from 'antd';
import { useMe } from '../../../app/auth/useAuth';
import { useI18n } from '../../../app/i18n/useT';
import { ResourceSelect, type ResourceRow } from '../../../shared/ui/ResourceSelect';
import type { RoleAssignment } from '../types';

type Props = {
  disabled?: boolean;
  /** The user's current assignments, so stores outside the admin's own list still show their names. */
  existing?: readonly RoleAssignment[];
};

/** Role per store: rows of (store, role) bound to the form list `assignments`. */
export function AssignmentsEditor({ disabled = false, existing = [] }: Props) {
  const me = useMe();
  const { t, locale } = useI18n();
  const storeOptions = [
    ...me.stores.map((s) => ({ value: s.id, label: s.shortName || s.name })),
    ...existing
      .filter((a) => !me.stores.some((s) => s.id === a.storeId))
      .filter((a, i, arr) => arr.findIndex((b) => b.storeId === a.storeId) === i)
      .map((a) => ({ value: a.storeId, label: a.storeName })),
  ];
  const roleLabel = (r: ResourceRow) =>
    String((locale === 'en-US' && typeof r.nameEn === 'string' && r.nameEn) || r.name || r.code || r.id);

  return (
    <div data-testid="assignments-editor">
      <Typography.Text strong>{t('field.roles')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('users.assignmentsHint')}
      </Typography.Paragraph>
      <Form.List name="assignments">
        {(items, { add, remove }) => (
          <>
            {items.length === 0 && <Typography.Paragraph type="secondary">{t('users.noAssignments')}</Typography.Paragraph>}
            {items.map((item) => (
              <Row key={item.key} gutter={8} align="top">
                <Col span={11}>
                  <Form.Item
                    name={[item.name, 'storeId']}
                    rules={[{ required: true, message: t('common.requiredSelect', { label: t('field.store') }) }]}
                  >
                    <Select placeholder={t('field.store')} options={storeOptions} disabled={disabled} showSearch optionFilterProp="label" />
                  </Form.Item>
                </Col>
                <Col span={11}>
                  <Form.Item
                    name={[item.name, 'roleId']}
                    rules={[{ required: true, message: t('common.requiredSelect', { label: t('field.role') }) }]}
                  >
                    <ResourceSelect resource="roles" optionLabel={roleLabel} placeholder={t('field.role')} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(item.name)}
                    disabled={disabled}
                    aria-label={t('common.remove')}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={disabled}
              onClick={() => add({ storeId: me.currentStore.id })}
              data-testid="assignment-add"
            >
              {t('users.addAssignment')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
