import { Type, type Static } from '@sinclair/typebox';

export const CustomFieldTypeSchema = Type.Union([Type.Literal('text'), Type.Literal('number'), Type.Literal('boolean'), Type.Literal('date'), Type.Literal('select')]);

export const CustomFieldDefinitionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  entity: Type.Literal('customer'),
  key: Type.String(),
  label: Type.String(),
  type: CustomFieldTypeSchema,
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
  version: Type.Integer(),
});
export type CustomFieldDefinition = Static<typeof CustomFieldDefinitionSchema>;
export const CustomFieldListSchema = Type.Object({ items: Type.Array(CustomFieldDefinitionSchema) });

export const CreateCustomFieldBody = Type.Object(
  {
    entity: Type.Literal('customer'),
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$', description: 'snake_case key used in customFields' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: CustomFieldTypeSchema,
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, uniqueItems: true })),
    required: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateCustomFieldInput = Static<typeof CreateCustomFieldBody>;
