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
  premises_kind: 'house' | 'flat' | 'non_residential' | null;
  // numeric: pg hands it over as a string (exact), written as a number
  usable_area_m2: ColumnType<string | null, number | null | undefined, number | null>;
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

// Derived from names and addresses by triggers (migration 0005); read through search_dictionary.
export interface SearchWordsTable {
  tenant_id: string;
  word: string;
}

export type EquipmentCategory =
  | 'gas_boiler'
  | 'oil_boiler'
  | 'heat_pump_air_water'
  | 'heat_pump_ground'
  | 'split_ac'
  | 'multi_split'
  | 'vrf'
  | 'chiller'
  | 'ventilation_heat_recovery'
  | 'controller';

export interface EquipmentTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  site_id: string;
  category: EquipmentCategory;
  brand: string;
  model: string | null;
  serial_number: string | null;
  installed_on: ColumnType<string | null, string | null | undefined, string | null>; // date, 'YYYY-MM-DD'
  warranty_until: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<'active' | 'faulty' | 'decommissioned', 'active' | 'faulty' | 'decommissioned' | undefined, 'active' | 'faulty' | 'decommissioned'>;
  refrigerant: string | null;
  refrigerant_charge_g: number | null;
  hermetically_sealed: ColumnType<boolean, boolean | undefined, boolean>;
  leak_detection: ColumnType<boolean, boolean | undefined, boolean>;
  installer: string | null;
  notes: string | null;
}

export type FgasEntryKind = 'leak_check' | 'service' | 'leak_repair' | 'refill' | 'recovery' | 'installation' | 'decommissioning' | 'void';
export type FgasCheckResult = 'no_leak' | 'leak_found' | 'leak_repaired';

// Append-only (the app role may not update or delete).
export interface FgasRegisterTable {
  id: string;
  tenant_id: string;
  equipment_id: string;
  performed_on: string; // date, 'YYYY-MM-DD'
  kind: FgasEntryKind;
  result: FgasCheckResult | null;
  technician_name: string;
  technician_user_id: string | null;
  certificate_number: string;
  refrigerant_added_g: ColumnType<number, number | undefined, never>;
  refrigerant_recovered_g: ColumnType<number, number | undefined, never>;
  notes: string | null;
  voids_entry_id: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface JobsTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  site_id: string;
  equipment_id: string | null;
  requested_by_contact_id: string | null;
  type: 'installation' | 'repair' | 'maintenance' | 'inspection' | 'fgas_leak_check' | 'emergency';
  priority: 'emergency' | 'high' | 'normal' | 'low';
  status: ColumnType<string, string | undefined, string>;
  description: string;
  window_start: Date | null;
  window_end: Date | null;
  estimated_minutes: number | null;
  required_skills: ColumnType<string[], string[] | undefined, string[]>;
  arrived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
}

// Append-only (the app role may not update or delete).
export interface JobTransitionsTable {
  id: string;
  tenant_id: string;
  job_id: string;
  from_status: string;
  to_status: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  reason: string | null;
}

export interface JobLinesTable {
  id: string;
  tenant_id: string;
  job_id: string;
  position: number;
  kind: 'part' | 'labour' | 'other';
  description: string;
  quantity_thousandths: number;
  unit_price_grosze: ColumnType<string, string, string>; // bigint: pg returns it as text
  vat_rate: number;
  discount_basis_points: ColumnType<number, number | undefined, number>;
}

export interface MaintenancePlansTable extends Editable, SoftDelete {
  id: string;
  tenant_id: string;
  customer_id: string;
  site_id: string;
  equipment_id: string | null;
  title: string;
  description: string | null;
  rrule: string;
  lead_days: number;
  price_grosze: ColumnType<string | null, string | null | undefined, string | null>; // bigint as text
  starts_on: ColumnType<string, string, string>; // date, 'YYYY-MM-DD'
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  auto_renew: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<'active' | 'paused' | 'ended', 'active' | 'paused' | 'ended' | undefined, 'active' | 'paused' | 'ended'>;
  scheduled_through: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MaintenanceOccurrencesTable {
  id: string;
  tenant_id: string;
  plan_id: string;
  due_on: string;
  job_id: string;
  created_at: CreatedAt;
}

export interface JobSlaBreachesTable {
  id: string;
  tenant_id: string;
  job_id: string;
  clock: 'response' | 'resolution';
  breached_at: Date;
  recorded_at: CreatedAt;
}

type SlaTargetsJson = Record<string, { responseMinutes?: number; resolutionMinutes?: number }>;

// Absent keys mean "the default of the code" (job-sla.ts, job-pricing.ts, job-checklists.ts).
export interface TenantJobSettingsTable {
  tenant_id: string;
  sla_targets: ColumnType<SlaTargetsJson, string | undefined, string>;
  pause_on_hold: boolean | null;
  default_vat_rate: number | null;
  checklists: ColumnType<Record<string, string[]>, string | undefined, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: Version;
}

export interface AttachmentsTable {
  id: string;
  tenant_id: string;
  owner_type: 'job' | 'equipment' | 'job_signature';
  owner_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, never, Date>;
  deleted_by: ColumnType<string | null, never, string | null>;
}

export interface JobChecklistItemsTable {
  id: string;
  tenant_id: string;
  job_id: string;
  position: number;
  label: string;
  done_at: Date | null;
  done_by: string | null;
}

// Append-only.
export interface JobNotesTable {
  id: string;
  tenant_id: string;
  job_id: string;
  body: string;
  author_user_id: string | null;
  created_at: CreatedAt;
}

// One per job, never changed.
export interface JobSignOffsTable {
  job_id: string;
  tenant_id: string;
  signer_name: string;
  signed_at: Date;
  signature_attachment_id: string;
  recorded_by: string | null;
}

// dispatch
export type TechnicianSkill = 'gas' | 'refrigeration' | 'electrical' | 'heat_pumps' | 'ventilation';

export interface TechniciansTable extends Editable {
  id: string;
  tenant_id: string;
  user_id: string;
  skills: ColumnType<TechnicianSkill[], TechnicianSkill[] | undefined, TechnicianSkill[]>;
  fgas_category: 'I' | 'II' | 'III' | 'IV' | null;
  fgas_certificate_number: string | null;
  fgas_certificate_expires_on: string | null;
  sep_licence_number: string | null;
  sep_licence_expires_on: string | null;
  home_label: string | null;
  home_lat: number | null;
  home_lng: number | null;
  working_hours: Json;
  vehicle: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface TechnicianAbsencesTable extends SoftDelete {
  id: string;
  tenant_id: string;
  technician_id: string;
  starts_on: string;
  ends_on: string;
  kind: 'vacation' | 'sick' | 'training' | 'other';
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TechnicianCertificateNoticesTable {
  tenant_id: string;
  technician_id: string;
  certificate: 'fgas' | 'sep';
  expires_on: string;
  notice: 'expires_soon' | 'expired';
  sent_at: CreatedAt;
}

export interface DispatchProposalsTable {
  id: string;
  tenant_id: string;
  plan_date: string;
  status: 'proposed' | 'accepted' | 'superseded';
  routes: Json;
  unassigned: Json;
  travel_minutes: ColumnType<string, number, never>;
  travel_source: 'straight_line' | 'osrm';
  solver: Json;
  created_by: string | null;
  created_at: CreatedAt;
  accepted_by: string | null;
  accepted_at: Date | null;
}

export interface DispatchVisitsTable {
  job_id: string;
  tenant_id: string;
  technician_id: string;
  visit_date: string;
  sequence: number;
  planned_start: Date;
  planned_end: Date;
  travel_minutes: number;
  eta: Date | null;
  eta_updated_at: Date | null;
  locked: ColumnType<boolean, boolean | undefined, boolean>;
  proposal_id: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TechnicianPositionsTable {
  tenant_id: string;
  technician_id: string;
  recorded_at: Date;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  speed_kmh: number | null;
  heading: number | null;
  received_at: CreatedAt;
}

export interface CalendarFeedsTable {
  id: string;
  tenant_id: string;
  technician_id: string;
  token_sha256: string;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
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
  search_words: SearchWordsTable;
  equipment: EquipmentTable;
  fgas_register: FgasRegisterTable;
  jobs: JobsTable;
  job_transitions: JobTransitionsTable;
  job_lines: JobLinesTable;
  maintenance_plans: MaintenancePlansTable;
  maintenance_occurrences: MaintenanceOccurrencesTable;
  job_sla_breaches: JobSlaBreachesTable;
  tenant_job_settings: TenantJobSettingsTable;
  attachments: AttachmentsTable;
  job_checklist_items: JobChecklistItemsTable;
  job_notes: JobNotesTable;
  job_sign_offs: JobSignOffsTable;
  technicians: TechniciansTable;
  technician_absences: TechnicianAbsencesTable;
  technician_certificate_notices: TechnicianCertificateNoticesTable;
  dispatch_proposals: DispatchProposalsTable;
  dispatch_visits: DispatchVisitsTable;
  technician_positions: TechnicianPositionsTable;
  calendar_feeds: CalendarFeedsTable;
}
