import type { MessageKey } from '../../../app/i18n/zh-CN';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { CatalogueItem } from '../types';

type CatalogueConfig = {
  resource: string;
  /** Permission resource segment: masterdata.<perm>.read|create|update|delete */
  perm: string;
  entity: MessageKey;
  withPhone?: boolean;
};

function CataloguePage({ resource, perm, entity, withPhone = false }: CatalogueConfig) {
  const columns: ListColumn<CatalogueItem>[] = [
    { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 140 },
    { key: 'name', title: 'field.name', sortable: true },
    { key: 'nameEn', title: 'field.nameEn' },
    ...(withPhone ? [{ key: 'phone', title: 'field.phone', width: 140 } satisfies ListColumn<CatalogueItem>] : []),
    { key: 'active', title: 'field.active', kind: 'active', width: 90 },
  ];
  const fields: FieldDef[] = [
    { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, uppercase: true, maxLength: 40 },
    { name: 'name', label: 'field.name', kind: 'text', required: true, maxLength: 80 },
    { name: 'nameEn', label: 'field.nameEn', kind: 'text', maxLength: 80 },
    ...(withPhone ? [{ name: 'phone', label: 'field.phone', kind: 'text', maxLength: 40 } satisfies FieldDef] : []),
    { name: 'active', label: 'field.active', kind: 'switch' },
  ];
  return (
    <ResourcePage<CatalogueItem>
      pageKey={`masterdata.${resource}`}
      resource={resource}
      entity={entity}
      columns={columns}
      fields={fields}
      defaultSort="code"
      filters={[{ kind: 'boolean', name: 'active', label: 'field.active' }]}
      permissions={{
        create: `masterdata.${perm}.create`,
        update: `masterdata.${perm}.update`,
        delete: `masterdata.${perm}.delete`,
      }}
    />
  );
}

/** 维修类型 repair types (maintenance, general repair, accident, warranty …). */
export function RepairTypesPage() {
  return <CataloguePage resource="repair-types" perm="repair-type" entity="entity.repairType" />;
}

/** 付款方式 payment methods. */
export function PaymentMethodsPage() {
  return <CataloguePage resource="payment-methods" perm="payment-method" entity="entity.paymentMethod" />;
}

/** 保险公司 insurers (payers of accident repairs, renewals). */
export function InsurersPage() {
  return <CataloguePage resource="insurers" perm="insurer" entity="entity.insurer" withPhone />;
}
