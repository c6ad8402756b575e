-- Global search (GET /api/search): read-only views over customers, contacts and sites, and the
-- B-tree indexes for exact and prefix lookups the trigram indexes of 0002 cannot serve.
--
-- Why views: under row-level security Postgres may use a WHERE clause as an index condition only if
-- its functions are LEAKPROOF, or it could run them on other tenants' rows before the policy
-- filters them. LIKE, the pg_trgm operators (%, <%), array @> and f_unaccent are not leakproof, so
-- on the tables themselves every trigram search becomes a scan of the whole tenant (measured at 1M
-- customers: 3.5 s instead of ~10 ms). These views are owned by the migration role, which owns the
-- tables and so is not subject to their policies (no FORCE ROW LEVEL SECURITY), and they apply the
-- same tenant filter as the policies, so the planner may use the indexes.
-- Rules for keeping that safe: every view filters on current_tenant_id() (NULL outside a tenant
-- transaction, so it shows nothing there), the app role may only SELECT, and only the search
-- repository reads them, with operators that cannot raise errors on row values.
--
-- The filter is written "(tenant_id = current_tenant_id()) IS TRUE" on purpose: the same rows, but
-- no index can serve it. Embedded mode (PGlite) has no autovacuum, so tables may never have been
-- analysed; the planner then guesses that a tenant has a few hundred rows and reads the whole tenant
-- through any (tenant_id, …) index instead of using the trigram index (measured: 0.5-9 s per search
-- at 100k customers). Queries that want a (tenant_id, …) B-tree index add "tenant_id = current_tenant_id()".
-- Soft-deleted rows are left out here, once.

-- *_key columns are exactly the expressions of the trigram indexes: a query on them uses the index.
CREATE VIEW search_customers WITH (security_invoker = false) AS
  SELECT id, tenant_id, name, nip, f_unaccent(lower(name)) AS name_key
  FROM customers
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

CREATE VIEW search_contacts WITH (security_invoker = false) AS
  SELECT id, tenant_id, customer_id, name, phones, emails, phone_keys, email_keys, f_unaccent(lower(name)) AS name_key
  FROM contacts
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

CREATE VIEW search_sites WITH (security_invoker = false) AS
  SELECT id, tenant_id, customer_id, label, street, building, flat, postal_code, city,
    f_unaccent(lower(street || ' ' || city)) AS address_key
  FROM sites
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

GRANT SELECT ON search_customers, search_contacts, search_sites TO pasja_app;

-- Names that equal or start with the query, in order, however many others merely contain it
-- (a trigram index gives matches in no useful order). text_pattern_ops: LIKE 'abc%' and ORDER BY … USING ~<~.
-- Not partial (WHERE deleted_at IS NULL) for the reason above: without statistics the planner takes
-- "deleted_at IS NULL" for a rare condition and reads such an index whole instead of the trigram one.
CREATE INDEX customers_search_name_idx ON customers (tenant_id, f_unaccent(lower(name)) text_pattern_ops);
CREATE INDEX contacts_search_name_idx ON contacts (tenant_id, f_unaccent(lower(name)) text_pattern_ops);
-- Exact postal code ("00-590") and its prefix ("00-5").
CREATE INDEX sites_search_postal_code_idx ON sites (tenant_id, postal_code text_pattern_ops);
