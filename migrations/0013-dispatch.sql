-- Dispatch: technicians (skills, certificates, home base, hours, absences), the live schedule of
-- visits, day-plan proposals from the route optimiser, GPS positions and calendar feeds.

-- A user with the technician role, as dispatch needs them. Working hours: seven entries, Monday
-- first, each null (day off) or [start, end] in minutes after local midnight (Europe/Warsaw).
CREATE TABLE technicians (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid NOT NULL REFERENCES users (id),
  skills text[] NOT NULL DEFAULT '{}' CHECK (skills <@ ARRAY['gas', 'refrigeration', 'electrical', 'heat_pumps', 'ventilation']::text[]),
  -- Personal F-gas certificate (categories I–IV under Regulation (EU) 2015/2067).
  fgas_category text CHECK (fgas_category IN ('I', 'II', 'III', 'IV')),
  fgas_certificate_number text CHECK (length(fgas_certificate_number) BETWEEN 1 AND 100),
  fgas_certificate_expires_on date,
  -- SEP licence (Polish electrical qualification, "świadectwo kwalifikacyjne").
  sep_licence_number text CHECK (length(sep_licence_number) BETWEEN 1 AND 100),
  sep_licence_expires_on date,
  home_label text CHECK (length(home_label) BETWEEN 1 AND 300),
  home_lat double precision CHECK (home_lat BETWEEN -90 AND 90),
  home_lng double precision CHECK (home_lng BETWEEN -180 AND 180),
  working_hours jsonb NOT NULL,
  vehicle text CHECK (length(vehicle) BETWEEN 1 AND 200),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (tenant_id, user_id),
  CHECK ((home_lat IS NULL) = (home_lng IS NULL)),
  CHECK (NOT (skills @> ARRAY['refrigeration']::text[]) OR fgas_category IS NOT NULL)
);

-- Days off and absences (inclusive dates). Removing one only marks it.
CREATE TABLE technician_absences (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  technician_id uuid NOT NULL REFERENCES technicians (id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('vacation', 'sick', 'training', 'other')),
  note text CHECK (length(note) BETWEEN 1 AND 500),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX technician_absences_idx ON technician_absences (tenant_id, technician_id, starts_on) WHERE deleted_at IS NULL;

-- One row per certificate notice sent (expires soon, expired): the daily check sends each once.
CREATE TABLE technician_certificate_notices (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  technician_id uuid NOT NULL REFERENCES technicians (id),
  certificate text NOT NULL CHECK (certificate IN ('fgas', 'sep')),
  expires_on date NOT NULL,
  notice text NOT NULL CHECK (notice IN ('expires_soon', 'expired')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (technician_id, certificate, expires_on, notice)
);

-- Day-plan proposals of the optimiser: what it suggested, kept after acceptance as the record of
-- why the day looks as it does.
CREATE TABLE dispatch_proposals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  plan_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'superseded')),
  -- [{ technicianId, visits: [{ jobId, start, end, travelMinutes }] }]
  routes jsonb NOT NULL,
  -- [{ jobId, reason }]
  unassigned jsonb NOT NULL,
  travel_minutes numeric NOT NULL,
  travel_source text NOT NULL CHECK (travel_source IN ('straight_line', 'osrm')),
  solver jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_by uuid REFERENCES users (id),
  accepted_at timestamptz
);
CREATE INDEX dispatch_proposals_day_idx ON dispatch_proposals (tenant_id, plan_date, created_at DESC);

-- The live schedule: which technician makes a job's visit, when, in which order. A job has at most
-- one planned visit; locked visits are kept as they are by re-optimisation.
CREATE TABLE dispatch_visits (
  job_id uuid PRIMARY KEY REFERENCES jobs (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  technician_id uuid NOT NULL REFERENCES technicians (id),
  visit_date date NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 0),
  planned_start timestamptz NOT NULL,
  planned_end timestamptz NOT NULL,
  travel_minutes integer NOT NULL CHECK (travel_minutes >= 0),
  eta timestamptz,
  eta_updated_at timestamptz,
  locked boolean NOT NULL DEFAULT false,
  proposal_id uuid REFERENCES dispatch_proposals (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (planned_end >= planned_start)
);
CREATE INDEX dispatch_visits_day_idx ON dispatch_visits (tenant_id, visit_date, technician_id, sequence);

-- Positions from technicians' devices. The key makes a resent batch harmless; arrival order does
-- not matter because readers order by recorded_at.
CREATE TABLE technician_positions (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  technician_id uuid NOT NULL REFERENCES technicians (id),
  recorded_at timestamptz NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy_m real CHECK (accuracy_m >= 0),
  speed_kmh real CHECK (speed_kmh >= 0),
  heading real CHECK (heading >= 0 AND heading < 360),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (technician_id, recorded_at)
);
CREATE INDEX technician_positions_time_idx ON technician_positions (tenant_id, technician_id, recorded_at DESC);

-- Secret calendar feed URLs (the token is shown once; only its SHA-256 is kept). Revoking marks.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  technician_id uuid NOT NULL REFERENCES technicians (id),
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX calendar_feeds_technician_idx ON calendar_feeds (tenant_id, technician_id) WHERE revoked_at IS NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['technicians', 'technician_absences', 'technician_certificate_notices', 'dispatch_proposals', 'dispatch_visits', 'technician_positions', 'calendar_feeds'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id())', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON technicians TO pasja_app;
GRANT SELECT, INSERT, UPDATE ON technician_absences TO pasja_app;
GRANT SELECT, INSERT ON technician_certificate_notices TO pasja_app;
GRANT SELECT, INSERT, UPDATE ON dispatch_proposals TO pasja_app;
-- A visit taken off the schedule is deleted; the audit log and the job's history keep the trace.
GRANT SELECT, INSERT, UPDATE, DELETE ON dispatch_visits TO pasja_app;
-- Old positions are removed by the retention job (GPS_RETENTION_DAYS), counted in the log.
GRANT SELECT, INSERT, DELETE ON technician_positions TO pasja_app;
GRANT SELECT, INSERT, UPDATE ON calendar_feeds TO pasja_app;
