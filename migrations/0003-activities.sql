-- Customer timeline (GET /api/customers/:id/timeline): the audit entries of one customer, newest
-- first, without walking the whole tenant's audit log.
--
-- A customer's entries are its own (entity_type 'customer') and those of its records that name it
-- in details.customerId (contacts, sites, …). Under row-level security the planner may not use an
-- index on details->>'customerId' (->> is not LEAKPROOF, see 0004-search.sql), so, as there, a view
-- owned by the migration role applies the tenant filter itself and exposes the key the index holds.
-- Rules as for the search views: it filters on tenant_id = current_tenant_id() (NULL outside a
-- tenant transaction: no rows), the app role may only SELECT it, only the timeline repository reads it.

CREATE VIEW customer_audit WITH (security_invoker = false) AS
  SELECT id, occurred_at, actor_user_id, action, entity_type, entity_id, details,
    coalesce(details->>'customerId', CASE WHEN entity_type = 'customer' THEN entity_id END) AS customer_key
  FROM audit_log
  WHERE tenant_id = current_tenant_id();

GRANT SELECT ON customer_audit TO pasja_app;

-- Exactly the view's customer_key expression; rows about no customer are left out.
CREATE INDEX audit_log_customer_idx ON audit_log
  (tenant_id, (coalesce(details->>'customerId', CASE WHEN entity_type = 'customer' THEN entity_id END)), occurred_at DESC, id DESC)
  WHERE coalesce(details->>'customerId', CASE WHEN entity_type = 'customer' THEN entity_id END) IS NOT NULL;
