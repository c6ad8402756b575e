-- Search by words: an index of the words of every name and address, and a dictionary of the
-- words each tenant's records use, for completing and correcting what is typed.
--
-- Why: 0002/0004 looked text up as substrings through trigram indexes (name_key LIKE '%word%',
-- and word_similarity <% for typos). At 1M customers a common surname meant intersecting posting
-- lists of very common trigrams ("ska", "wsk"): 20–80 ms per table, and ≈ 270 ms p95 for typos.
-- Words make both cheap: a row lookup reads the posting list of each word (GIN on the word
-- array), and what a typed word may stand for (a longer word it starts or is part of, or a word
-- it is a typo of) is looked up in the dictionary, which is small next to the rows that hold its
-- words: a million customers use tens of thousands of distinct surnames, streets and company
-- words. This is the dictionary technique of the pg_trgm documentation.
--
-- The dictionary is derived data kept by statement-level triggers (one INSERT per statement,
-- whatever its row count, so bulk imports stay fast). Words are only added: a word no row holds
-- any more costs a lookup that finds nothing. search_words_rebuild() recomputes a tenant's
-- dictionary (for where a name must leave no trace, e.g. erasure).

-- The words of a text, folded like the search keys (lower case, no diacritics), split at spaces
-- and punctuation (not at other non-ASCII characters, which a "C" locale cannot classify), three
-- characters or more: shorter ones ("ul", "z", "o") narrow nothing and are never looked up.
-- Schema-qualified: index builds and restores may run it with an empty search_path.
CREATE FUNCTION f_search_words(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_agg(DISTINCT word), '{}')
    FROM regexp_split_to_table(public.f_unaccent(lower($1)), '[[:space:][:punct:]]+') AS word
    WHERE length(word) >= 3
  $$;

CREATE INDEX customers_search_words_idx ON customers USING gin (f_search_words(name));
CREATE INDEX contacts_search_words_idx ON contacts USING gin (f_search_words(name));
CREATE INDEX sites_search_words_idx ON sites USING gin (f_search_words(street || ' ' || city));

-- The views of 0004 with the word arrays, written exactly as the indexed expressions.
CREATE OR REPLACE VIEW search_customers WITH (security_invoker = false) AS
  SELECT id, tenant_id, name, nip, f_unaccent(lower(name)) AS name_key, f_search_words(name) AS name_words
  FROM customers
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

CREATE OR REPLACE VIEW search_contacts WITH (security_invoker = false) AS
  SELECT id, tenant_id, customer_id, name, phones, emails, phone_keys, email_keys, f_unaccent(lower(name)) AS name_key,
    f_search_words(name) AS name_words
  FROM contacts
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

CREATE OR REPLACE VIEW search_sites WITH (security_invoker = false) AS
  SELECT id, tenant_id, customer_id, label, street, building, flat, postal_code, city,
    f_unaccent(lower(street || ' ' || city)) AS address_key, f_search_words(street || ' ' || city) AS address_words
  FROM sites
  WHERE (tenant_id = current_tenant_id()) IS TRUE AND deleted_at IS NULL;

CREATE TABLE search_words (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  word text NOT NULL,
  PRIMARY KEY (tenant_id, word)
);
ALTER TABLE search_words ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON search_words USING (tenant_id = current_tenant_id());
GRANT SELECT, INSERT ON search_words TO pasja_app;
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Read through a view for the reason given in 0004 (trigram operators are not leakproof). Its
-- trigram index serves both lookups: words containing a typed word (LIKE) and words like it (%).
CREATE VIEW search_dictionary WITH (security_invoker = false) AS
  SELECT word FROM search_words WHERE (tenant_id = current_tenant_id()) IS TRUE;
GRANT SELECT ON search_dictionary TO pasja_app;

-- TG_ARGV: the text columns of the table whose words go into the dictionary. On UPDATE only rows
-- whose text changed are read (a status change adds nothing).
CREATE FUNCTION search_words_collect() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    -- e.g. coalesce(n.street, '') || ' ' || coalesce(n.city, '')
    new_text text := (SELECT string_agg(format('coalesce(n.%I, '''')', column_name), $q$ || ' ' || $q$)
                      FROM unnest(TG_ARGV) AS column_name);
    old_text text := (SELECT string_agg(format('coalesce(o.%I, '''')', column_name), $q$ || ' ' || $q$)
                      FROM unnest(TG_ARGV) AS column_name);
  BEGIN
    IF TG_OP = 'INSERT' THEN
      EXECUTE format('INSERT INTO search_words (tenant_id, word)
        SELECT DISTINCT n.tenant_id, unnest(f_search_words(%s)) FROM new_rows n
        ON CONFLICT DO NOTHING', new_text);
    ELSE
      EXECUTE format('INSERT INTO search_words (tenant_id, word)
        SELECT DISTINCT n.tenant_id, unnest(f_search_words(%s)) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE %s IS DISTINCT FROM %s
        ON CONFLICT DO NOTHING', new_text, new_text, old_text);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER customers_search_words_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('name');
CREATE TRIGGER customers_search_words_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('name');
CREATE TRIGGER contacts_search_words_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('name');
CREATE TRIGGER contacts_search_words_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('name');
CREATE TRIGGER sites_search_words_insert AFTER INSERT ON sites
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('street', 'city');
CREATE TRIGGER sites_search_words_update AFTER UPDATE ON sites
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect('street', 'city');

-- Recomputes one tenant's dictionary from the rows that exist now (deleted ones included: they
-- can be restored and searched with includeDeleted).
CREATE FUNCTION search_words_rebuild(tenant uuid) RETURNS void
  LANGUAGE sql
  AS $$
    DELETE FROM search_words WHERE tenant_id = tenant;
    INSERT INTO search_words (tenant_id, word)
      SELECT tenant, unnest(f_search_words(name)) FROM customers WHERE tenant_id = tenant
      UNION SELECT tenant, unnest(f_search_words(name)) FROM contacts WHERE tenant_id = tenant
      UNION SELECT tenant, unnest(f_search_words(street || ' ' || city)) FROM sites WHERE tenant_id = tenant;
  $$;

SELECT search_words_rebuild(id) FROM tenants;

-- Statistics for the new index expressions: without them the planner guesses that a word is held
-- by 5 % of the rows and may read a table in order instead of using the index (measured at 1M
-- sites: 80 ms instead of a few). Autovacuum would get there, but only after enough writes.
ANALYZE customers, contacts, sites;
