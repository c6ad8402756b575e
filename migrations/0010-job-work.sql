-- The work on a job (checklist, technician notes, customer sign-off), files kept for jobs and
-- equipment, and each company's own job settings (SLA targets, default VAT, checklists).

-- One row per tenant that changed a default; a missing row or a null/absent key means "default".
CREATE TABLE tenant_job_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  -- { "emergency": { "responseMinutes": 30, "resolutionMinutes": 240 }, … } for the priorities changed
  sla_targets jsonb NOT NULL DEFAULT '{}'::jsonb,
  pause_on_hold boolean,
  default_vat_rate smallint CHECK (default_vat_rate IN (23, 8, 5, 0)),
  -- { "maintenance": ["…", "…"], … } for the job types changed
  checklists jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- Files: bytes live in the storage (local disk by default) under storage_key, named by content.
-- Deleting one only marks it: the file and its row stay as the trace.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  owner_type text NOT NULL CHECK (owner_type IN ('job', 'equipment', 'job_signature')),
  owner_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id)
);
CREATE INDEX attachments_owner_idx ON attachments (tenant_id, owner_type, owner_id, created_at) WHERE deleted_at IS NULL;

-- A job's checklist, copied from its type's template when the job opens; items may be added.
CREATE TABLE job_checklist_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job_id uuid NOT NULL REFERENCES jobs (id),
  position integer NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  UNIQUE (job_id, position)
);

CREATE TABLE job_notes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  job_id uuid NOT NULL REFERENCES jobs (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  author_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_notes_job_idx ON job_notes (tenant_id, job_id, created_at);

-- The customer's acceptance of the work: once per job, never changed.
CREATE TABLE job_sign_offs (
  job_id uuid PRIMARY KEY REFERENCES jobs (id),
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
  signed_at timestamptz NOT NULL,
  signature_attachment_id uuid NOT NULL REFERENCES attachments (id),
  recorded_by uuid REFERENCES users (id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_job_settings', 'attachments', 'job_checklist_items', 'job_notes', 'job_sign_offs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id())', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE ON tenant_job_settings TO pasja_app;
GRANT SELECT, INSERT, UPDATE ON attachments TO pasja_app;
GRANT SELECT, INSERT, UPDATE ON job_checklist_items TO pasja_app;
GRANT SELECT, INSERT ON job_notes TO pasja_app;
GRANT SELECT, INSERT ON job_sign_offs TO pasja_app;
