-- Service jobs (work orders): what is to be done where, their lifecycle history and priced lines.

CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  equipment_id uuid REFERENCES equipment (id),
  requested_by_contact_id uuid REFERENCES contacts (id),
  type text NOT NULL CHECK (type IN ('installation', 'repair', 'maintenance', 'inspection', 'fgas_leak_check', 'emergency')),
  priority text NOT NULL CHECK (priority IN ('emergency', 'high', 'normal', 'low')),
  -- Kept equal to the last row of job_transitions by the service (one transaction).
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'scheduled', 'dispatched', 'en_route', 'in_progress', 'completed', 'invoiced', 'closed', 'on_hold', 'cancelled')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  window_start timestamptz,
  window_end timestamptz,
  estimated_minutes integer CHECK (estimated_minutes BETWEEN 1 AND 10080),
  required_skills text[] NOT NULL DEFAULT '{}',
  arrived_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (window_end IS NULL OR window_start IS NULL OR window_end > window_start)
);
CREATE INDEX jobs_board_idx ON jobs (tenant_id, status, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX jobs_customer_idx ON jobs (tenant_id, customer_id, created_at DESC);
CREATE INDEX jobs_equipment_idx ON jobs (tenant_id, equipment_id) WHERE equipment_id IS NOT NULL;

-- Every status change: who, when, from, to, why. Append-only for the application.
CREATE TABLE job_transitions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job_id uuid NOT NULL REFERENCES jobs (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  at timestamptz NOT NULL,
  actor_id text NOT NULL, -- a user id, or an API token id for integrations
  actor_role text NOT NULL,
  reason text
);
CREATE INDEX job_transitions_job_idx ON job_transitions (tenant_id, job_id, at, id);

-- Priced lines: amounts in grosze, quantities in thousandths (1.5 h = 1500), VAT per line.
CREATE TABLE job_lines (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job_id uuid NOT NULL REFERENCES jobs (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('part', 'labour', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  quantity_thousandths integer NOT NULL,
  unit_price_grosze bigint NOT NULL,
  vat_rate smallint NOT NULL CHECK (vat_rate IN (23, 8, 5, 0)),
  discount_basis_points integer NOT NULL DEFAULT 0 CHECK (discount_basis_points BETWEEN 0 AND 10000),
  UNIQUE (job_id, position)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['jobs', 'job_transitions', 'job_lines'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id())', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON jobs TO pasja_app;
GRANT SELECT, INSERT ON job_transitions TO pasja_app;
-- Lines are replaced as a whole with the job's version (the job row is the lock).
GRANT SELECT, INSERT, DELETE ON job_lines TO pasja_app;
