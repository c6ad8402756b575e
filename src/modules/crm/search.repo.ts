import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../core/db/database.ts';

// What one search looks for. The service derives it from the typed query; at most one of the
// identifier kinds and the free text is usually set, but several may be (a NIP can also be a phone).
export interface SearchCriteria {
  text: string | null; // free text for names and addresses, as typed (ranking compares it whole)
  words: string[]; // its words of three or more letters or digits: a substring match needs each
  correctable: string[]; // its words that may hold a typo (letters only, four or more): the broad pass corrects them
  nip: string | null; // 10 digits
  phone: string | null; // E.164
  email: string | null; // lower-cased
  postalCode: string | null; // NN-NNN
  postalCodePrefix: string | null; // "00-5", "00-"
}

// A search runs in up to two passes: 'exact' (identifiers, text at the start of a name, records
// holding each typed word as a whole word) and, when that found too little, 'broad': each typed
// word stands for the words of the tenant's dictionary that contain it or, for a correctable word,
// resemble it ("kowal" → kowalski, kowalczyk; "kowlski" → kowalski), and a record must hold one of
// them for every typed word.
export type SearchPass = { kind: 'exact' } | { kind: 'broad'; alternatives: Map<string, string[]> };

// 3: an identifier matched, or the whole field equals the query; 2: a word of the field starts
// with the query; 1: the field contains each word of it; 0: the field is only similar to it.
export type MatchTier = 0 | 1 | 2 | 3;

interface Ranked {
  tier: MatchTier;
  similarity: number; // 0..1: how close the text is to the query (1 for identifiers)
}

export interface CustomerCandidate extends Ranked {
  id: string;
  name: string;
  nip: string | null;
  matchedBy: 'name' | 'nip';
}

export interface ContactCandidate extends Ranked {
  id: string;
  customerId: string;
  customerName: string;
  name: string;
  phones: string[];
  emails: string[];
  matchedBy: 'name' | 'phone' | 'email';
}

export interface SiteCandidate extends Ranked {
  id: string;
  customerId: string;
  customerName: string;
  street: string;
  building: string | null;
  flat: string | null;
  postalCode: string;
  city: string;
  matchedBy: 'address' | 'postalCode';
  streetMatched: boolean;
  cityMatched: boolean;
}

// How many rows one word lookup may bring back to be ranked. A GIN index gives matches in no
// useful order, so a broad query ("serwis": 45k of 1M names) ranks a bounded sample; names equal
// to or starting with the query come from an ordered B-tree scan instead and are never lost to
// this cap.
export const candidateCap = 200;

// Trigram similarity a dictionary word needs to count as what a typed word meant: a one-letter
// typo in a short word leaves few trigrams in common ("maur" → "mazur" 0.375, "noak" → "nowak"
// 0.375). Pinned so that a server-wide setting does not change what search finds.
const correctionThreshold = '0.3';
// How many dictionary words one typed word may stand for: those it starts, then the closest.
const alternativesPerWord = 8;

// The views filter on the tenant in a form no index serves (see migration 0004); lookups that
// should use a (tenant_id, …) B-tree index repeat the filter in this indexable form.
const ownTenant = sql<boolean>`tenant_id = current_tenant_id()`;

// Every read goes through the search_* views (migration 0004): on the RLS tables themselves the
// planner may not use the trigram and array indexes, as their operators are not leakproof.
// Each lookup is bounded (limit or candidateCap) whatever the size of the tables.
export class SearchRepo {
  // For each typed word, the dictionary words it may stand for (folded; see SearchPass), best
  // first: words starting with it, then the ones closest to it. Migration 0005 keeps the dictionary.
  async wordAlternatives(tx: Tx, criteria: SearchCriteria): Promise<Map<string, string[]>> {
    const alternatives = new Map<string, string[]>(criteria.words.map((word) => [word, []]));
    if (criteria.words.length === 0) return alternatives;
    if (criteria.correctable.length > 0) await sql`select set_config('pg_trgm.similarity_threshold', ${correctionThreshold}, true)`.execute(tx);
    const lookups = criteria.words.map((typed, position) => {
      const word = folded(typed);
      const resembles = criteria.correctable.includes(typed) ? sql`or word % ${word}` : sql``;
      return sql`(select ${position}::int as position, word from search_dictionary
        where word like '%' || ${word} || '%' ${resembles}
        order by word like ${word} || '%' desc, similarity(word, ${word}) desc, word
        limit ${alternativesPerWord})`;
    });
    const rows = await sql<{ position: number; word: string }>`${sql.join(lookups, sql` union all `)}`.execute(tx);
    for (const row of rows.rows) alternatives.get(criteria.words[row.position] ?? '')?.push(row.word);
    return alternatives;
  }

  async findCustomers(tx: Tx, criteria: SearchCriteria, pass: SearchPass, limit: number): Promise<CustomerCandidate[]> {
    const found: CustomerCandidate[] = [];
    if (pass.kind === 'exact' && criteria.nip) {
      const rows = await sql<{ id: string; name: string; nip: string | null }>`
        select id, name, nip from search_customers where ${ownTenant} and nip = ${criteria.nip} limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => ({ ...row, matchedBy: 'nip' as const, tier: 3 as const, similarity: 1 })));
    }
    const lookups = textLookups(sql`search_customers`, sql`id, name, nip, name_key`, { key: sql`name_key`, words: sql`name_words` }, criteria, pass, limit, { prefixIndex: true });
    if (lookups) {
      const rows = await sql<{ id: string; name: string; nip: string | null; tier: MatchTier; similarity: number }>`
        with ${lookups.found}
        select id, name, nip, ${tierOf(sql`name_key`, criteria, lookups.text)} as tier, ${similarityOf(sql`name_key`, lookups.text)} as similarity
        from found
        order by tier desc, similarity desc, name, id
        limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => ({ ...row, matchedBy: 'name' as const })));
    }
    return found;
  }

  async findContacts(tx: Tx, criteria: SearchCriteria, pass: SearchPass, limit: number): Promise<ContactCandidate[]> {
    const found: ContactCandidate[] = [];
    const identifiers = [
      { by: 'phone' as const, condition: criteria.phone ? sql`f.phone_keys @> array[${criteria.phone}]::text[]` : null },
      { by: 'email' as const, condition: criteria.email ? sql`f.email_keys @> array[${criteria.email}]::text[]` : null },
    ];
    for (const { by, condition } of identifiers) {
      if (pass.kind !== 'exact' || !condition) continue;
      const rows = await sql<ContactRow>`
        select f.id, f.customer_id, c.name as customer_name, f.name, f.phone_keys, f.emails, 3 as tier, 1::real as similarity
        from search_contacts f join search_customers c on c.id = f.customer_id
        where ${condition}
        order by f.name, f.id
        limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => toContact(row, by)));
    }
    const lookups = textLookups(sql`search_contacts`, sql`id, customer_id, name, phone_keys, emails, name_key`, { key: sql`name_key`, words: sql`name_words` }, criteria, pass, limit, { prefixIndex: true });
    if (lookups) {
      // Joined before the limit: a contact of a deleted customer must not take a place.
      const rows = await sql<ContactRow>`
        with ${lookups.found}
        select f.id, f.customer_id, c.name as customer_name, f.name, f.phone_keys, f.emails,
          ${tierOf(sql`f.name_key`, criteria, lookups.text)} as tier, ${similarityOf(sql`f.name_key`, lookups.text)} as similarity
        from found f join search_customers c on c.id = f.customer_id
        order by tier desc, similarity desc, f.name, f.id
        limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => toContact(row, 'name')));
    }
    return found;
  }

  async findSites(tx: Tx, criteria: SearchCriteria, pass: SearchPass, limit: number): Promise<SiteCandidate[]> {
    const found: SiteCandidate[] = [];
    const postal = criteria.postalCode
      ? { condition: sql`f.postal_code = ${criteria.postalCode}`, tier: 3 }
      : criteria.postalCodePrefix
        ? { condition: sql`f.postal_code like ${`${escapeLike(criteria.postalCodePrefix)}%`}`, tier: 2 }
        : null;
    if (pass.kind === 'exact' && postal) {
      const rows = await sql<SiteRow>`
        select f.id, f.customer_id, c.name as customer_name, f.street, f.building, f.flat, f.postal_code, f.city,
          ${postal.tier}::int as tier, 1::real as similarity, false as street_matched, false as city_matched
        from search_sites f join search_customers c on c.id = f.customer_id
        where f.tenant_id = current_tenant_id() and ${postal.condition}
        order by f.postal_code using ~<~, f.street, f.id
        limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => toSite(row, 'postalCode')));
    }
    // Streets are stored with their prefix ("ul. Marszałkowska"), so no "starts with" lookup: they
    // are found by words, diacritics and case aside.
    const lookups = textLookups(
      sql`search_sites`,
      sql`id, customer_id, street, building, flat, postal_code, city, address_key`,
      { key: sql`address_key`, words: sql`address_words` },
      criteria,
      pass,
      limit,
      { prefixIndex: false },
    );
    if (lookups) {
      const rows = await sql<SiteRow>`
        with ${lookups.found}
        select f.id, f.customer_id, c.name as customer_name, f.street, f.building, f.flat, f.postal_code, f.city,
          ${tierOf(sql`f.address_key`, criteria, lookups.text)} as tier, ${similarityOf(sql`f.address_key`, lookups.text)} as similarity,
          ${fieldMatches(sql`f_unaccent(lower(f.street))`, criteria)} as street_matched,
          ${fieldMatches(sql`f_unaccent(lower(f.city))`, criteria)} as city_matched
        from found f join search_customers c on c.id = f.customer_id
        order by tier desc, similarity desc, f.street, f.id
        limit ${limit}`.execute(tx);
      found.push(...rows.rows.map((row) => toSite(row, 'address')));
    }
    return found;
  }
}

// The query folded like the indexed columns: lower-case, without diacritics.
function folded(text: string | RawBuilder<string>): RawBuilder<string> {
  return sql<string>`f_unaccent(lower(${text}))`;
}

// The CTE "found": the rows one pass may rank, from bounded lookups (null: none applies).
// exact pass: keys that start with the query, in key order (B-tree, where the table has one), and
// records holding each typed word (GIN on the word array, one posting list per word).
// broad pass: records holding, for each typed word, one of the words it may stand for.
// The conditions are on exactly the indexed expressions (the views' *_key and *_words columns).
function textLookups(
  view: RawBuilder<unknown>,
  columns: RawBuilder<unknown>,
  field: { key: RawBuilder<unknown>; words: RawBuilder<unknown> },
  criteria: SearchCriteria,
  pass: SearchPass,
  limit: number,
  options: { prefixIndex: boolean },
): { found: RawBuilder<unknown>; text: string } | null {
  const { text, words } = criteria;
  if (text === null) return null;
  const lookups: Array<RawBuilder<unknown>> = [];
  if (pass.kind === 'exact' && options.prefixIndex) {
    lookups.push(sql`(select ${columns} from ${view} where ${ownTenant} and ${field.key} like ${folded(escapeLike(text))} || '%' order by ${field.key} using ~<~ limit ${limit})`);
  }
  if (pass.kind === 'exact' && words.length > 0) {
    lookups.push(sql`(select ${columns} from ${view} where ${field.words} @> array[${sql.join(words.map((word) => folded(word)))}] limit ${candidateCap})`);
  }
  const standsFor = pass.kind === 'broad' ? words.map((word) => pass.alternatives.get(word) ?? []) : [];
  // A typed word that stands for no word of the dictionary: no record can hold it.
  if (standsFor.length > 0 && standsFor.every((alternatives) => alternatives.length > 0)) {
    const holdsOneOfEach = sql.join(standsFor.map((alternatives) => sql`${field.words} && ${alternatives}::text[]`), sql` and `);
    lookups.push(sql`(select ${columns} from ${view} where ${holdsOneOfEach} limit ${candidateCap})`);
  }
  return lookups.length === 0 ? null : { found: sql`found as (${sql.join(lookups, sql` union `)})`, text };
}

// Whether the key contains every word, anywhere ("klimat serwis" is in "klimat-serwis sp. z o.o.").
// Words hold only letters and digits: nothing to escape.
function containsAll(key: RawBuilder<unknown>, words: string[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(
    words.map((word) => sql`${key} like '%' || ${folded(word)} || '%'`),
    sql` and `,
  )})`;
}

// Words only: punctuation and runs of spaces count as one separator ("Klimat-Serwis" = "klimat serwis").
function words(value: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`btrim(regexp_replace(${value}, '[[:space:][:punct:]]+', ' ', 'g'))`;
}

function tierOf(key: RawBuilder<unknown>, criteria: SearchCriteria, text: string): RawBuilder<MatchTier> {
  const query = words(folded(text));
  const contained = criteria.words.length > 0 ? containsAll(key, criteria.words) : sql`strpos(${key}, ${folded(text)}) > 0`;
  return sql<MatchTier>`case
    when ${words(key)} = ${query} then 3
    when ${query} <> '' and ' ' || ${words(key)} like '% ' || ${query} || '%' then 2
    when ${contained} then 1
    else 0 end`;
}

// Word similarity says how well the query matches a part of the key; plain similarity adds how
// much of the key it covers, so "Kowalski" ranks "Jan Kowalski" above "Jan Kowalski-Wiśniewski".
function similarityOf(key: RawBuilder<unknown>, text: string): RawBuilder<number> {
  return sql<number>`((word_similarity(${folded(text)}, ${key}) + similarity(${folded(text)}, ${key})) / 2)::real`;
}

// Whether one part of an address holds one of the query's words (to tell street from city).
function fieldMatches(value: RawBuilder<unknown>, criteria: SearchCriteria): RawBuilder<boolean> {
  if (criteria.words.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    criteria.words.map((word) => sql`strpos(${value}, ${folded(word)}) > 0`),
    sql` or `,
  )})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

interface ContactRow {
  id: string;
  customer_id: string;
  customer_name: string;
  name: string;
  phone_keys: string[];
  emails: unknown;
  tier: MatchTier;
  similarity: number;
}

function toContact(row: ContactRow, matchedBy: ContactCandidate['matchedBy']): ContactCandidate {
  const emails = ((row.emails ?? []) as Array<{ address: string }>).map((email) => email.address);
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    name: row.name,
    phones: row.phone_keys,
    emails,
    tier: row.tier,
    similarity: row.similarity,
    matchedBy,
  };
}

interface SiteRow {
  id: string;
  customer_id: string;
  customer_name: string;
  street: string;
  building: string | null;
  flat: string | null;
  postal_code: string;
  city: string;
  tier: MatchTier;
  similarity: number;
  street_matched: boolean;
  city_matched: boolean;
}

function toSite(row: SiteRow, matchedBy: SiteCandidate['matchedBy']): SiteCandidate {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    street: row.street,
    building: row.building,
    flat: row.flat,
    postalCode: row.postal_code,
    city: row.city,
    tier: row.tier,
    similarity: row.similarity,
    matchedBy,
    streetMatched: row.street_matched,
    cityMatched: row.city_matched,
  };
}
