import type { Database, Tx } from '../../core/db/database.ts';
import { invalidInput } from '../../core/errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { exactSearchKeys } from './contact-points.ts';
import { normalisePostalCode } from './polish-ids.ts';
import type { ContactCandidate, CustomerCandidate, SearchCriteria, SearchPass, SearchRepo, SiteCandidate } from './search.repo.ts';
import { searchTypes, type SearchHit, type SearchInput, type SearchResult, type SearchType } from './search.schemas.ts';

export interface SearchServiceOptions {
  db: Database;
  repo: SearchRepo;
}

// One search box over customers, contacts and sites. Each type is looked up on its own with
// bounded queries (at most `limit` rows each), then the hits are ranked together.
export class SearchService {
  constructor(private readonly options: SearchServiceOptions) {}

  async search(principal: Principal, input: SearchInput): Promise<SearchResult> {
    const { db } = this.options;
    const criteria = searchCriteriaOf(input.q);
    if (!criteria) throw invalidInput('/querystring/q', 'minLength', 'must have at least 2 characters besides spaces');
    const types = typesOf(input.types);
    const hits = await db.inTenant(principal.tenantId, async (tx) => {
      const found = await this.findAll(tx, criteria, { kind: 'exact' }, types, input.limit);
      // Records holding the typed words whole rank at least as high as the broad pass's, so the
      // broad pass runs only when the exact one did not fill the page.
      if (criteria.words.length > 0 && distinctCount(found) < input.limit) {
        const alternatives = await this.options.repo.wordAlternatives(tx, criteria);
        found.push(...(await this.findAll(tx, criteria, { kind: 'broad', alternatives }, types, input.limit)));
      }
      return found;
    });
    return { items: rankHits(hits, input.limit) };
  }

  private async findAll(tx: Tx, criteria: SearchCriteria, pass: SearchPass, types: Set<SearchType>, limit: number): Promise<SearchHit[]> {
    const { repo } = this.options;
    const found: SearchHit[] = [];
    if (types.has('customer')) found.push(...(await repo.findCustomers(tx, criteria, pass, limit)).map(customerHit));
    if (types.has('contact')) found.push(...(await repo.findContacts(tx, criteria, pass, limit)).map((contact) => contactHit(contact, criteria)));
    if (types.has('site')) found.push(...(await repo.findSites(tx, criteria, pass, limit)).map(siteHit));
    return found;
  }
}

function distinctCount(hits: SearchHit[]): number {
  return new Set(hits.map((hit) => `${hit.type}:${hit.id}`)).size;
}

// What a typed query can be: identifiers are matched exactly (a phone in any format, an e-mail in
// any case, a NIP with dashes or a PL prefix, a postal code or its start); anything but a phone,
// e-mail or postal code is also text for names and addresses (a NIP too: imported names often
// carry one). null: nothing to search for.
export function searchCriteriaOf(q: string): SearchCriteria | null {
  const query = q.trim().replace(/\s+/g, ' ');
  if (query.length < 2) return null;
  const { phone, email, nip } = exactSearchKeys(query);
  const postalCode = normalisePostalCode(query);
  const postalCodePrefix = postalCode === null && /^\d{2}-\d{0,2}$/.test(query) ? query : null;
  const isText = [phone, email, postalCode, postalCodePrefix].every((key) => key === null);
  // A word of three letters or digits gives a trigram to look up; with fewer the index would read
  // every entry, so "ko" only finds names that start with it, and "ul." or "z" narrow nothing.
  const words = query.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  const alphanumerics = query.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const text = isText && alphanumerics >= 2 && (words.length > 0 || /\p{L}/u.test(query)) ? query : null;
  // Words of four letters or more may be typos of words in the tenant's dictionary (which holds
  // only such words: a one-letter typo in three letters is another word); digits are never corrected.
  const correctable = text === null ? [] : words.filter((word) => /^\p{L}{4,}$/u.test(word));
  return {
    text,
    words: text === null ? [] : words,
    correctable,
    nip,
    phone,
    email,
    postalCode,
    postalCodePrefix,
  };
}

function typesOf(types: string | undefined): Set<SearchType> {
  if (!types) return new Set(searchTypes);
  return new Set(searchTypes.filter((type) => types.split(',').includes(type)));
}

// One number per hit, comparable across types: the tier (3 exact, 2 word prefix, 1 substring,
// 0 similar) plus the text similarity (0..1), scaled to 0..1. Any exact hit therefore outranks any
// prefix hit, which outranks any substring hit, and so on; ties go to the closer text.
export function scoreOf(candidate: { tier: number; similarity: number }): number {
  const similarity = Math.min(1, Math.max(0, candidate.similarity));
  return Math.round(((candidate.tier + similarity) / 4) * 1000) / 1000;
}

const typeOrder: Record<SearchType, number> = { customer: 0, contact: 1, site: 2 };

// Best first; one hit per record (a record found two ways keeps its best score and both reasons).
export function rankHits(hits: SearchHit[], limit: number): SearchHit[] {
  const byRecord = new Map<string, SearchHit>();
  for (const hit of hits) {
    const key = `${hit.type}:${hit.id}`;
    const seen = byRecord.get(key);
    if (!seen) {
      byRecord.set(key, hit);
      continue;
    }
    const matched = [...seen.matched, ...hit.matched.filter((m) => !seen.matched.some((s) => s.field === m.field && s.value === m.value))];
    byRecord.set(key, { ...(hit.score > seen.score ? hit : seen), matched });
  }
  return [...byRecord.values()]
    .sort((a, b) => b.score - a.score || typeOrder[a.type] - typeOrder[b.type] || a.title.localeCompare(b.title, 'pl') || a.id.localeCompare(b.id))
    .slice(0, limit);
}

function customerHit(customer: CustomerCandidate): SearchHit {
  return {
    type: 'customer',
    id: customer.id,
    customerId: customer.id,
    title: customer.name,
    subtitle: customer.nip ? `NIP ${formatNip(customer.nip)}` : null,
    score: scoreOf(customer),
    matched: customer.matchedBy === 'nip' && customer.nip ? [{ field: 'nip', value: customer.nip }] : [{ field: 'name', value: customer.name }],
  };
}

function contactHit(contact: ContactCandidate, criteria: SearchCriteria): SearchHit {
  const matchedPhone = contact.matchedBy === 'phone' ? criteria.phone : null;
  const matchedEmail = contact.matchedBy === 'email' ? (contact.emails.find((address) => address.toLowerCase() === criteria.email) ?? criteria.email) : null;
  // The way to reach this person: the number searched for, else the first number, else an e-mail.
  const reach = matchedPhone ?? contact.phones[0] ?? matchedEmail ?? contact.emails[0] ?? null;
  const matched =
    matchedPhone !== null ? [{ field: 'phone', value: matchedPhone }] : matchedEmail !== null ? [{ field: 'email', value: matchedEmail }] : [{ field: 'name', value: contact.name }];
  return {
    type: 'contact',
    id: contact.id,
    customerId: contact.customerId,
    title: contact.name,
    subtitle: [contact.customerName, reach].filter(Boolean).join(' · '),
    score: scoreOf(contact),
    matched,
  };
}

function siteHit(site: SiteCandidate): SearchHit {
  const title = addressLine(site);
  const matched: SearchHit['matched'] = [];
  if (site.matchedBy === 'postalCode') matched.push({ field: 'postalCode', value: site.postalCode });
  else {
    if (site.streetMatched) matched.push({ field: 'address', value: title });
    if (site.cityMatched) matched.push({ field: 'city', value: site.city });
    // Each word is in the street or the city, so this is only a guard: a hit always says why.
    if (matched.length === 0) matched.push({ field: 'address', value: `${title}, ${site.city}` });
  }
  return {
    type: 'site',
    id: site.id,
    customerId: site.customerId,
    title,
    subtitle: `${site.postalCode} ${site.city} · ${site.customerName}`,
    score: scoreOf(site),
    matched,
  };
}

// "ul. Marszałkowska 10/5": street, then building and flat the Polish way.
function addressLine(site: Pick<SiteCandidate, 'street' | 'building' | 'flat'>): string {
  if (!site.building) return site.street;
  return `${site.street} ${site.flat ? `${site.building}/${site.flat}` : site.building}`;
}

function formatNip(nip: string): string {
  return `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
}
