import type { ColumnType, Generated } from 'kysely';

// Row types of every table, as Kysely sees them. One interface per table, grouped by the module
// that owns it; migrations/ is the source of truth and a test compares the two.
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Version = ColumnType<number, number | undefined, number>;
type Json = ColumnType<unknown, string, string>;

export type Role = 'owner' | 'admin' | 'dispatcher' | 'technician' | 'viewer';

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SessionsTable {
  id: string;
  token_hash: Buffer;
  user_id: string;
  active_tenant_id: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface ApiTokensTable {
  id: string;
  tenant_id: string;
  name: string;
  role: Role;
  token_hash: Buffer;
  token_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface InvitationsTable {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  token_hash: Buffer;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: string;
  tenant_id: string;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_token_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  correlation_id: string;
  details: Json;
}

export interface OutboxTable {
  id: string;
  tenant_id: string;
  event_type: string;
  payload: Json;
  correlation_id: string;
  occurred_at: CreatedAt;
  available_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  delivered_at: Date | null;
  last_error: string | null;
}

export interface OutboxDeliveriesTable {
  event_id: string;
  handler: string;
  tenant_id: string;
  delivered_at: Generated<Date>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  tenants: TenantsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  outbox_deliveries: OutboxDeliveriesTable;
}
