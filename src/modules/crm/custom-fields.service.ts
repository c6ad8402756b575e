import { recordAudit } from '../../core/audit/audit.ts';
import type { Database } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import type { CustomFieldsRepo } from './custom-fields.repo.ts';
import type { CreateCustomFieldInput, CustomFieldDefinition } from './custom-fields.schemas.ts';
import type { FieldErrors } from '../../core/field-errors.ts';

type CustomValue = string | number | boolean | null;

// Custom fields are typed per tenant: a value must match its definition's type (and options).
export class CustomFieldsService {
  constructor(private readonly options: { db: Database; repo: CustomFieldsRepo }) {}

  async list(principal: Principal): Promise<CustomFieldDefinition[]> {
    return this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.list(tx, 'customer'));
  }

  async create(principal: Principal, input: CreateCustomFieldInput): Promise<CustomFieldDefinition> {
    if (input.type === 'select' && (input.options ?? []).length === 0) {
      throw new AppError('invalid_input', 'A select field needs options', { errors: [{ field: '/body/options', rule: 'minItems', message: 'a select field needs at least one option' }] });
    }
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      const existing = await this.options.repo.list(tx, input.entity);
      if (existing.some((d) => d.key === input.key)) throw new AppError('conflict', `A field "${input.key}" exists`, { errors: [{ field: '/body/key', rule: 'unique', message: 'exists already' }] });
      const definition = await this.options.repo.insert(tx, principal.tenantId, {
        id: newId(),
        entity: input.entity,
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.options ?? [],
        required: input.required ?? false,
      });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'custom_field.created', entityType: 'custom_field', entityId: definition.id, details: { key: input.key, type: input.type } });
      return definition;
    });
  }

  // Existing values stay on the records; they are no longer validated or required.
  async remove(principal: Principal, id: string): Promise<void> {
    await this.options.db.inTenant(principal.tenantId, async (tx) => {
      if (!(await this.options.repo.delete(tx, id))) throw notFound('Custom field');
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'custom_field.deleted', entityType: 'custom_field', entityId: id });
    });
  }

  // Returns the values to store; problems go to `errors` with the path of each value.
  async validate(tenantId: string, values: Record<string, CustomValue | unknown>, context: { path: string; isCreate: boolean }, errors: FieldErrors): Promise<Record<string, CustomValue>> {
    const definitions = await this.options.db.inTenant(tenantId, (tx) => this.options.repo.list(tx, 'customer'));
    const byKey = new Map(definitions.map((d) => [d.key, d]));
    const clean: Record<string, CustomValue> = {};
    for (const [key, value] of Object.entries(values)) {
      const definition = byKey.get(key);
      const field = `${context.path}/${key}`;
      if (!definition) {
        errors.add(field, 'unknown', 'is not a custom field of this company');
        continue;
      }
      const problem = checkValue(definition, value);
      if (problem) errors.add(field, problem.rule, problem.message);
      else clean[key] = value as CustomValue;
    }
    if (context.isCreate) {
      for (const definition of definitions) {
        if (definition.required && (values[definition.key] === undefined || values[definition.key] === null)) errors.add(`${context.path}/${definition.key}`, 'required', 'is required');
      }
    }
    return clean;
  }
}

function checkValue(definition: CustomFieldDefinition, value: unknown): { rule: string; message: string } | null {
  if (value === null) return definition.required ? { rule: 'required', message: 'is required' } : null;
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' ? null : { rule: 'type', message: 'must be text' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { rule: 'type', message: 'must be a number' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { rule: 'type', message: 'must be true or false' };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : { rule: 'format', message: 'must be a date YYYY-MM-DD' };
    case 'select':
      return typeof value === 'string' && definition.options.includes(value) ? null : { rule: 'enum', message: `must be one of: ${definition.options.join(', ')}` };
  }
}
