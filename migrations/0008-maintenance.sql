-- Maintenance plans (service agreements) and the jobs they created, one per due date.

CREATE TABLE maintenance_plans (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  equipment_id uuid REFERENCES equipment (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text,
  rrule text NOT NULL, -- RFC 5545 RRULE without DTSTART; starts_on starts the series
  lead_days integer NOT NULL DEFAULT 30 CHECK (lead_days BETWEEN 0 AND 365),
  price_grosze bigint CHECK (price_grosze >= 0),
  starts_on date NOT NULL,
  ends_on date,
  auto_renew boolean NOT NULL DEFAULT false, -- renewed plans keep creating jobs after ends_on
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX maintenance_plans_customer_idx ON maintenance_plans (tenant_id, customer_id);
CREATE INDEX maintenance_plans_active_idx ON maintenance_plans (status) WHERE status = 'active' AND deleted_at IS NULL;

-- The guarantee of the scheduler: at most one job per plan and due date, whatever runs twice,
-- concurrently or after a crash (the occurrence and its job are written in one transaction).
CREATE TABLE maintenance_occurrences (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  plan_id uuid NOT NULL REFERENCES maintenance_plans (id),
  due_on date NOT NULL,
  job_id uuid NOT NULL REFERENCES jobs (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, due_on)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['maintenance_plans', 'maintenance_occurrences'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id())', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON maintenance_plans TO pasja_app;
GRANT SELECT, INSERT ON maintenance_occurrences TO pasja_app;
