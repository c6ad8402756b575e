import type { ColumnType, Generated } from 'kysely';

// Row types of every table, as Kysely sees them. One interface per table, grouped by the module
// that owns it; migrations/ is the source of truth and a test compares the two.
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Version = ColumnType<number, number | undefined, number>;
type Json = ColumnType<unknown, string, string>;
// A jsonb column with a default: inserts may leave it out.
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

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

// CRM (migrations/0002-crm.sql)
type SoftDelete = { deleted_at: Date | null };
type Editable = { created_at: CreatedAt; updated_at: UpdatedAt; version: Version };

export interface RegionsTable extends Editable {
  id: string;
  tenant_id: string;
  name: string;
  name_key: string;
  geometry: Json;
  min_lat: number;
  min_lng: number;
  max_lat: number;
  max_lng: number;
}

export type CustomerKind = 'company' | 'person';
export type CustomerStatus = 'lead' | 'active' | 'inactive';

export interface CustomersTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  kind: CustomerKind;
  name: string;
  company_name: string | null;
  first_name: string | null;
  last_name: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  pesel: string | null;
  status: CustomerStatus;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  owner_user_id: string | null;
  source: string | null;
  custom_fields: JsonWithDefault;
}

export interface ContactsTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  first_name: string;
  last_name: string | null;
  name: string;
  role: string | null;
  phones: JsonWithDefault;
  emails: JsonWithDefault;
  phone_keys: ColumnType<string[], string[] | undefined, string[]>;
  email_keys: ColumnType<string[], string[] | undefined, string[]>;
  consents: JsonWithDefault;
  is_primary: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SitesTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  label: string | null;
  street: string;
  building: string | null;
  flat: string | null;
  postal_code: string;
  city: string;
  lat: number | null;
  lng: number | null;
  access_notes: string | null;
  region_id: string | null;
}

export interface NotesTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  body: string;
  author_user_id: string | null;
}

export type InteractionKind = 'call' | 'email' | 'sms' | 'visit' | 'meeting';
export type InteractionDirection = 'inbound' | 'outbound';

export interface InteractionsTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  contact_id: string | null;
  kind: InteractionKind;
  direction: InteractionDirection | null;
  occurred_at: Date;
  user_id: string | null;
  subject: string | null;
  outcome: string | null;
}

export interface RemindersTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string | null;
  title: string;
  due_at: Date;
  assignee_user_id: string | null;
  recurrence: string | null;
  done_at: Date | null;
  done_by: string | null;
  due_notified_at: Date | null;
  created_by: string | null;
}

export interface CustomFieldDefinitionsTable extends Editable {
  id: string;
  tenant_id: string;
  entity: 'customer';
  key: string;
  label: string;
  type: 'text' | 'number' | 'boolean' | 'date' | 'select';
  options: JsonWithDefault;
  required: ColumnType<boolean, boolean | undefined, boolean>;
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
  regions: RegionsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  sites: SitesTable;
  notes: NotesTable;
  interactions: InteractionsTable;
  reminders: RemindersTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
}
