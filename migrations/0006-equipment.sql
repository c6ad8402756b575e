-- HVAC equipment at customers' sites, and the F-gas register of each piece (EU 2024/573).

CREATE TABLE equipment (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  site_id uuid NOT NULL REFERENCES sites (id),
  category text NOT NULL CHECK (category IN (
    'gas_boiler', 'oil_boiler', 'heat_pump_air_water', 'heat_pump_ground', 'split_ac', 'multi_split',
    'vrf', 'chiller', 'ventilation_heat_recovery', 'controller')),
  brand text NOT NULL CHECK (length(brand) BETWEEN 1 AND 100),
  model text,
  serial_number text,
  installed_on date,
  warranty_until date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'faulty', 'decommissioned')),
  -- Canonical designation from the refrigerant table ("R-410A"); NULL for equipment without one.
  refrigerant text,
  -- Grams, not kilograms: CO2-equivalent thresholds (5 t = 5000 kg × GWP…) must not drift.
  refrigerant_charge_g integer CHECK (refrigerant_charge_g > 0),
  hermetically_sealed boolean NOT NULL DEFAULT false,
  leak_detection boolean NOT NULL DEFAULT false,
  installer text,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((refrigerant IS NULL) = (refrigerant_charge_g IS NULL))
);
-- One serial number per brand in a tenant (two makers may use the same numbering).
CREATE UNIQUE INDEX equipment_serial_key ON equipment (tenant_id, lower(brand), serial_number)
  WHERE serial_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX equipment_customer_idx ON equipment (tenant_id, customer_id);
CREATE INDEX equipment_site_idx ON equipment (tenant_id, site_id);
CREATE INDEX equipment_refrigerant_idx ON equipment (tenant_id, refrigerant) WHERE refrigerant IS NOT NULL AND deleted_at IS NULL;

-- The F-gas register: what was done to the refrigerant circuit, by whom, with which result. A
-- legal record: entries are never changed or deleted; a wrong one is voided by a later entry
-- that names it (voids_entry_id), so the register shows both.
CREATE TABLE fgas_register (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  equipment_id uuid NOT NULL REFERENCES equipment (id),
  performed_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('leak_check', 'service', 'leak_repair', 'refill', 'recovery', 'installation', 'decommissioning', 'void')),
  result text CHECK (result IN ('no_leak', 'leak_found', 'leak_repaired')),
  technician_name text NOT NULL CHECK (length(technician_name) BETWEEN 1 AND 200),
  technician_user_id uuid REFERENCES users (id),
  certificate_number text NOT NULL CHECK (length(certificate_number) BETWEEN 1 AND 100),
  refrigerant_added_g integer NOT NULL DEFAULT 0 CHECK (refrigerant_added_g >= 0),
  refrigerant_recovered_g integer NOT NULL DEFAULT 0 CHECK (refrigerant_recovered_g >= 0),
  notes text,
  voids_entry_id uuid REFERENCES fgas_register (id),
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'void') = (voids_entry_id IS NOT NULL))
);
CREATE INDEX fgas_register_equipment_idx ON fgas_register (tenant_id, equipment_id, performed_on DESC, created_at DESC);

ALTER TABLE equipment ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON equipment USING (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE ON equipment TO pasja_app;
ALTER TABLE fgas_register ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON fgas_register USING (tenant_id = current_tenant_id());
-- Append-only for the application: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON fgas_register TO pasja_app;
