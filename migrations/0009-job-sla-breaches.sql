-- SLA breaches of jobs, each recorded (and announced through the outbox) once per job and clock.

CREATE TABLE job_sla_breaches (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job_id uuid NOT NULL REFERENCES jobs (id),
  clock text NOT NULL CHECK (clock IN ('response', 'resolution')),
  breached_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, clock)
);
ALTER TABLE job_sla_breaches ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON job_sla_breaches USING (tenant_id = current_tenant_id());
GRANT SELECT, INSERT ON job_sla_breaches TO pasja_app;

-- What the breach checker reads: jobs whose clocks may still run, or that changed lately (a job
-- completed late between two checks still has its breach recorded).
CREATE INDEX jobs_sla_watch_idx ON jobs (updated_at) WHERE deleted_at IS NULL;
