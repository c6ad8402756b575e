import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../core/db/database.ts';
import { newId } from '../../core/ids.ts';
import { migrateToLatest, readMigrationFiles } from '../../core/db/migrator.ts';

// Migration 0005 on a database that already holds customers: the dictionary is filled from them,
// and the triggers keep it filled afterwards (inserts and renames, not other updates).
describe('migration 0005: the search dictionary of an existing database', () => {
  let db: Database;
  const tenantId = newId();
  const words = async (): Promise<string[]> => {
    const result = await sql<{ word: string }>`select word from search_words where tenant_id = ${tenantId} order by word`.execute(db.kysely);
    return result.rows.map((row) => row.word);
  };

  beforeAll(async () => {
    db = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
    const files = readMigrationFiles();
    await migrateToLatest(db.kysely, files.filter((file) => file.name < '0005'));
    const customerId = newId();
    await sql`insert into tenants (id, slug, name) values (${tenantId}, 'stara-firma', 'Stara Firma')`.execute(db.kysely);
    await sql`insert into customers (id, tenant_id, kind, name) values (${customerId}, ${tenantId}, 'company', 'Chłodnictwo Śródmieście 24')`.execute(db.kysely);
    await sql`insert into contacts (id, tenant_id, customer_id, first_name, name) values (${newId()}, ${tenantId}, ${customerId}, 'Łucja', 'Łucja Nowak')`.execute(db.kysely);
    await sql`insert into sites (id, tenant_id, customer_id, street, postal_code, city) values (${newId()}, ${tenantId}, ${customerId}, 'ul. Hoża 5', '00-528', 'Warszawa')`.execute(db.kysely);
    await migrateToLatest(db.kysely, files);
  });
  afterAll(async () => {
    await db.close();
  });

  it('fills the dictionary with the folded words of four letters or more of names and addresses', async () => {
    expect(await words()).toEqual(['chlodnictwo', 'hoza', 'lucja', 'nowak', 'srodmiescie', 'warszawa']);
  });

  it('adds the words of new and renamed records', async () => {
    const customerId = newId();
    await sql`insert into customers (id, tenant_id, kind, name) values (${customerId}, ${tenantId}, 'company', 'Wentylacja Bemowo')`.execute(db.kysely);
    await sql`update customers set name = 'Wentylacja Ursynów' where id = ${customerId}`.execute(db.kysely);
    await sql`update customers set status = 'inactive' where id = ${customerId}`.execute(db.kysely);
    expect(await words()).toEqual(['bemowo', 'chlodnictwo', 'hoza', 'lucja', 'nowak', 'srodmiescie', 'ursynow', 'warszawa', 'wentylacja']);
  });

  it('rebuilds a tenant\'s dictionary from the rows that exist now', async () => {
    await sql`select search_words_rebuild(${tenantId})`.execute(db.kysely);
    expect(await words()).not.toContain('bemowo');
    expect(await words()).toContain('ursynow');
  });
});
