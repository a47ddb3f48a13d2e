import { useSearchParams } from 'react-router';
import type { FieldDef } from '../../../shared/form/types';
import { ResourcePage } from '../../../shared/list/ResourcePage';
import type { ListColumn } from '../../../shared/list/types';
import type { DictionaryEntry } from '../types';

const columns: ListColumn<DictionaryEntry>[] = [
  { key: 'type', title: 'field.dictType', kind: 'mono', sortable: true, width: 180 },
  { key: 'code', title: 'field.code', kind: 'mono', sortable: true, width: 160 },
  { key: 'label', title: 'field.label', sortable: true },
  { key: 'labelEn', title: 'field.labelEn' },
  { key: 'sort', title: 'field.sort', kind: 'number', sortable: true, width: 80 },
  { key: 'active', title: 'field.active', kind: 'active', width: 80 },
];

const fields: FieldDef[] = [
  { name: 'type', label: 'field.dictType', kind: 'text', required: true, mono: true, maxLength: 40, help: 'dict.typeHint' },
  { name: 'code', label: 'field.code', kind: 'text', required: true, mono: true, maxLength: 40 },
  { name: 'label', label: 'field.label', kind: 'text', required: true, maxLength: 80 },
  { name: 'labelEn', label: 'field.labelEn', kind: 'text', maxLength: 80 },
  { name: 'sort', label: 'field.sort', kind: 'number', precision: 0, min: 0, max: 9999, defaultValue: 0 },
  { name: 'active', label: 'field.active', kind: 'switch' },
];

/** 数据字典: small code lists (body types, fuel types, part categories …), filtered by type. */
export function DictionariesPage() {
  const [params] = useSearchParams();
  const type = params.get('type');
  return (
    <ResourcePage<DictionaryEntry>
      pageKey="masterdata.dictionaries"
      resource="dictionaries"
      entity="entity.dictionary"
      columns={columns}
      fields={fields}
      defaultSort="type"
      createDefaults={type ? { type } : undefined}
      filters={[{ kind: 'text', name: 'type', label: 'field.dictType', width: 180 }]}
      permissions={{
        create: 'masterdata.dictionary.create',
        update: 'masterdata.dictionary.update',
        delete: 'masterdata.dictionary.delete',
      }}
    />
  );
}
