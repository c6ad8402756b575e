import type { Tx } from '../../core/db/database.ts';
import type { CustomFieldDefinition } from './custom-fields.schemas.ts';

const columns = ['id', 'entity', 'key', 'label', 'type', 'options', 'required', 'version'] as const;

export class CustomFieldsRepo {
  async list(tx: Tx, entity: 'customer'): Promise<CustomFieldDefinition[]> {
    const rows = await tx.selectFrom('custom_field_definitions').select(columns).where('entity', '=', entity).orderBy('key').execute();
    return rows.map(toDefinition);
  }

  async insert(tx: Tx, tenantId: string, definition: Omit<CustomFieldDefinition, 'version'>): Promise<CustomFieldDefinition> {
    const row = await tx
      .insertInto('custom_field_definitions')
      .values({ ...definition, tenant_id: tenantId, options: JSON.stringify(definition.options) })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toDefinition(row);
  }

  async delete(tx: Tx, id: string): Promise<boolean> {
    const result = await tx.deleteFrom('custom_field_definitions').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toDefinition(row: { id: string; entity: 'customer'; key: string; label: string; type: CustomFieldDefinition['type']; options: unknown; required: boolean; version: number }): CustomFieldDefinition {
  return { ...row, options: (row.options ?? []) as string[] };
}
