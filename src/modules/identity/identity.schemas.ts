import { Type, type Static } from '@sinclair/typebox';

export const RoleSchema = Type.Union(
  [Type.Literal('owner'), Type.Literal('admin'), Type.Literal('dispatcher'), Type.Literal('technician'), Type.Literal('viewer')],
  { description: 'Member role; each includes the permissions of the ones after it' },
);

const Email = Type.String({ format: 'email', maxLength: 254, description: 'E-mail address' });
const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters' });
const PersonName = Type.String({ minLength: 1, maxLength: 200 });
const Uuid = Type.String({ format: 'uuid' });
export const TenantSlugSchema = Type.String({
  pattern: '^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$',
  description: 'Lower-case letters, digits and hyphens, 1–50 characters',
});

export const TenantSchema = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() });

export const MeSchema = Type.Object({
  user: Type.Object({ id: Uuid, email: Type.String(), name: Type.String() }),
  tenant: TenantSchema,
  role: RoleSchema,
  memberships: Type.Array(Type.Object({ tenant: TenantSchema, role: RoleSchema })),
});
export type Me = Static<typeof MeSchema>;

export const SignUpBody = Type.Object(
  { tenantName: Type.String({ minLength: 1, maxLength: 200 }), tenantSlug: TenantSlugSchema, name: PersonName, email: Email, password: Password },
  { additionalProperties: false },
);
export type SignUpInput = Static<typeof SignUpBody>;

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 200 }),
    tenantSlug: Type.Optional(TenantSlugSchema),
  },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof LoginBody>;

export const SwitchTenantBody = Type.Object({ tenantId: Uuid }, { additionalProperties: false });

export const MemberSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: RoleSchema, joinedAt: Type.String({ format: 'date-time' }) });
export type Member = Static<typeof MemberSchema>;
export const MemberListSchema = Type.Object({ items: Type.Array(MemberSchema) });

export const UserIdParams = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ChangeRoleBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });

export const InviteBody = Type.Object({ email: Email, role: RoleSchema }, { additionalProperties: false });
export type InviteInput = Static<typeof InviteBody>;

export const InvitationSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: RoleSchema,
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]),
});
export type Invitation = Static<typeof InvitationSchema>;
export const InvitationListSchema = Type.Object({ items: Type.Array(InvitationSchema) });
export const CreatedInvitationSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: RoleSchema,
  expiresAt: Type.String({ format: 'date-time' }),
  token: Type.String({ description: 'Shown once: send it to the invitee (link /accept-invitation?token=…)' }),
});
export type CreatedInvitation = Static<typeof CreatedInvitationSchema>;

export const AcceptInvitationBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), name: PersonName, password: Password },
  { additionalProperties: false },
);
export type AcceptInvitationInput = Static<typeof AcceptInvitationBody>;

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

export const ApiTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  role: RoleSchema,
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiToken = Static<typeof ApiTokenSchema>;
export const ApiTokenListSchema = Type.Object({ items: Type.Array(ApiTokenSchema) });
export const CreatedApiTokenSchema = Type.Composite([ApiTokenSchema, Type.Object({ token: Type.String({ description: 'Shown once; store it now' }) })]);
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;

export const TenantUpdateBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
