-- CRM core: customers, contacts, service sites, regions, notes, interactions, reminders and
-- per-tenant custom field definitions. Every table is tenant-owned with row-level security.

CREATE TABLE regions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key text NOT NULL, -- diacritic-, case- and hyphen-insensitive form used for matching
  geometry jsonb NOT NULL, -- GeoJSON Polygon or MultiPolygon, lon/lat
  min_lat double precision NOT NULL,
  min_lng double precision NOT NULL,
  max_lat double precision NOT NULL,
  max_lng double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, name_key)
);

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL CHECK (kind IN ('company', 'person')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  company_name text,
  first_name text,
  last_name text,
  nip text CHECK (nip ~ '^[0-9]{10}$'),
  regon text CHECK (regon ~ '^([0-9]{9}|[0-9]{14})$'),
  krs text CHECK (krs ~ '^[0-9]{10}$'),
  pesel text CHECK (pesel ~ '^[0-9]{11}$'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('lead', 'active', 'inactive')),
  tags text[] NOT NULL DEFAULT '{}',
  owner_user_id uuid REFERENCES users (id),
  source text,
  custom_fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX customers_nip_key ON customers (tenant_id, nip) WHERE nip IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX customers_list_name_idx ON customers (tenant_id, name, id);
CREATE INDEX customers_list_created_idx ON customers (tenant_id, created_at, id);
CREATE INDEX customers_list_updated_idx ON customers (tenant_id, updated_at, id);
CREATE INDEX customers_name_trgm_idx ON customers USING gin (f_unaccent(lower(name)) gin_trgm_ops);
CREATE INDEX customers_tags_idx ON customers USING gin (tags);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name text,
  name text NOT NULL,
  role text,
  phones jsonb NOT NULL DEFAULT '[]'::jsonb, -- [{ number: E.164, label }]
  emails jsonb NOT NULL DEFAULT '[]'::jsonb, -- [{ address, label }]
  phone_keys text[] NOT NULL DEFAULT '{}', -- E.164 numbers, for exact search
  email_keys text[] NOT NULL DEFAULT '{}', -- lower-cased addresses, for exact search
  consents jsonb NOT NULL DEFAULT '{}'::jsonb, -- RODO marketing consents with when and how
  is_primary boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX contacts_customer_idx ON contacts (tenant_id, customer_id);
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (f_unaccent(lower(name)) gin_trgm_ops);
CREATE INDEX contacts_phone_keys_idx ON contacts USING gin (phone_keys);
CREATE INDEX contacts_email_keys_idx ON contacts USING gin (email_keys);

CREATE TABLE sites (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  label text,
  street text NOT NULL CHECK (length(street) BETWEEN 1 AND 200),
  building text,
  flat text,
  postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{2}-[0-9]{3}$'),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  access_notes text,
  region_id uuid REFERENCES regions (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX sites_customer_idx ON sites (tenant_id, customer_id);
CREATE INDEX sites_region_idx ON sites (tenant_id, region_id);
CREATE INDEX sites_address_trgm_idx ON sites USING gin (f_unaccent(lower(street || ' ' || city)) gin_trgm_ops);

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  author_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX notes_timeline_idx ON notes (tenant_id, customer_id, created_at DESC, id DESC);

CREATE TABLE interactions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  contact_id uuid REFERENCES contacts (id),
  kind text NOT NULL CHECK (kind IN ('call', 'email', 'sms', 'visit', 'meeting')),
  direction text CHECK (direction IN ('inbound', 'outbound')),
  occurred_at timestamptz NOT NULL,
  user_id uuid REFERENCES users (id),
  subject text,
  outcome text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX interactions_timeline_idx ON interactions (tenant_id, customer_id, occurred_at DESC, id DESC);

CREATE TABLE reminders (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid REFERENCES customers (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  due_at timestamptz NOT NULL,
  assignee_user_id uuid REFERENCES users (id),
  recurrence text, -- RFC 5545 RRULE; the next occurrence is created when this one is done
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  due_notified_at timestamptz, -- when the reminder.due event was emitted (once per occurrence)
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX reminders_timeline_idx ON reminders (tenant_id, customer_id, due_at DESC, id DESC);
CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE done_at IS NULL AND deleted_at IS NULL AND due_notified_at IS NULL;
CREATE INDEX reminders_assignee_idx ON reminders (tenant_id, assignee_user_id, due_at) WHERE done_at IS NULL;

CREATE TABLE custom_field_definitions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  entity text NOT NULL CHECK (entity IN ('customer')),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
  label text NOT NULL,
  type text NOT NULL CHECK (type IN ('text', 'number', 'boolean', 'date', 'select')),
  options jsonb NOT NULL DEFAULT '[]'::jsonb,
  required boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, entity, key)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['regions', 'customers', 'contacts', 'sites', 'notes', 'interactions', 'reminders', 'custom_field_definitions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO pasja_app', t);
  END LOOP;
END $$;
-- Regions are replaced wholesale by an import; the other tables keep history through soft delete.
GRANT DELETE ON regions, custom_field_definitions TO pasja_app;
