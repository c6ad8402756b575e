import { requestJson } from './api.ts';

// Typed client for the CRM part of the API (customers, contacts, sites, timeline, search,
// regions). The shapes follow the server's response schemas; the client does not re-validate.

export const customerKinds = ['company', 'person'] as const;
export type CustomerKind = (typeof customerKinds)[number];

export const customerStatuses = ['lead', 'active', 'inactive'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

export const customerSorts = ['name', '-name', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type CustomerSort = (typeof customerSorts)[number];

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

// A list a screen loads once (contacts and sites of one customer).
export type ListLoad<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: T[] };

// The list with a saved record in it: replaced where it was, or added at the end.
export function withSaved<T extends { id: string }>(list: ListLoad<T>, record: T): ListLoad<T> {
  const items = list.status === 'ready' ? list.items : [];
  const known = items.some((item) => item.id === record.id);
  return { status: 'ready', items: known ? items.map((item) => (item.id === record.id ? record : item)) : [...items, record] };
}

export function withoutRecord<T extends { id: string }>(list: ListLoad<T>, record: T): ListLoad<T> {
  return list.status === 'ready' ? { status: 'ready', items: list.items.filter((item) => item.id !== record.id) } : list;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Customer {
  id: string;
  kind: CustomerKind;
  name: string;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  pesel: string | null;
  status: CustomerStatus;
  tags: string[];
  ownerUserId: string | null;
  source: string | null;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
  primaryContact?: { name: string; phone: string | null; email: string | null } | null;
  siteCount?: number;
  city?: string | null;
}

export interface CustomerInput {
  kind?: CustomerKind;
  companyName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  nip?: string | null;
  regon?: string | null;
  status?: CustomerStatus;
  tags?: string[];
  // Only the keys being set; null clears a value.
  customFields?: Record<string, CustomFieldValue>;
}

// The tenant's own customer fields (GET /api/custom-fields); values live in customer.customFields.
export const customFieldTypes = ['text', 'number', 'boolean', 'date', 'select'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
// A date is "YYYY-MM-DD"; a select holds one of its definition's options.
export type CustomFieldValue = string | number | boolean | null;

export interface CustomFieldDefinition {
  id: string;
  entity: 'customer';
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  version: number;
}

export interface CustomerQuery {
  q?: string;
  status?: CustomerStatus;
  kind?: CustomerKind;
  tag?: string;
  sort?: CustomerSort;
  cursor?: string;
  limit?: number;
}

export interface Consent {
  granted: boolean;
  at: string;
  source: string;
}

export interface Contact {
  id: string;
  customerId: string;
  firstName: string;
  lastName: string | null;
  name: string;
  role: string | null;
  phones: Array<{ number: string; label: string | null }>;
  emails: Array<{ address: string; label: string | null }>;
  consents: { emailMarketing: Consent | null; smsMarketing: Consent | null };
  isPrimary: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ConsentInput {
  granted: boolean;
  source: string;
}

export interface ContactInput {
  firstName: string;
  lastName?: string | null;
  role?: string | null;
  phones: Array<{ number: string; label: string | null }>;
  emails: Array<{ address: string; label: string | null }>;
  // A consent left out keeps the one on record, with its original date and source.
  consents: { emailMarketing?: ConsentInput | null; smsMarketing?: ConsentInput | null };
}

// What a site is decides the VAT rate a job's lines start with there (the server's job-pricing.ts):
// a house, a flat, or business premises. null on a site: nobody has said.
export const premisesKinds = ['house', 'flat', 'non_residential'] as const;
export type PremisesKind = (typeof premisesKinds)[number];

export interface Site {
  id: string;
  customerId: string;
  label: string | null;
  street: string;
  building: string | null;
  flat: string | null;
  postalCode: string;
  city: string;
  lat: number | null;
  lng: number | null;
  accessNotes: string | null;
  premisesKind: PremisesKind | null;
  // m², up to 2 decimals; recorded for a house or a flat.
  usableAreaM2: number | null;
  region: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SiteInput {
  label?: string | null;
  street: string;
  building?: string | null;
  flat?: string | null;
  postalCode: string;
  city: string;
  lat?: number | null;
  lng?: number | null;
  accessNotes?: string | null;
  premisesKind?: PremisesKind | null;
  usableAreaM2?: number | null;
}

export interface Note {
  id: string;
  customerId: string;
  body: string;
  author: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const interactionKinds = ['call', 'email', 'sms', 'visit', 'meeting'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const interactionDirections = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof interactionDirections)[number];

export interface Interaction {
  id: string;
  customerId: string;
  contactId: string | null;
  kind: InteractionKind;
  direction: InteractionDirection | null;
  occurredAt: string;
  user: PersonRef | null;
  subject: string | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

// null clears a value when editing.
export interface InteractionInput {
  kind: InteractionKind;
  direction?: InteractionDirection | null;
  occurredAt?: string;
  contactId?: string | null;
  subject?: string | null;
  outcome?: string | null;
}

export interface Reminder {
  id: string;
  customerId: string | null;
  title: string;
  dueAt: string;
  assignee: PersonRef | null;
  recurrence: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ReminderInput {
  title: string;
  dueAt: string;
  assigneeUserId?: string | null;
  recurrence?: string | null;
}

export const timelineKinds = ['note', 'interaction', 'reminder', 'audit'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface AuditData {
  action: string;
  details: unknown;
}

interface TimelineBase {
  id: string;
  at: string;
  title: string;
  body: string | null;
  actor: PersonRef | null;
}

export type TimelineItem =
  | (TimelineBase & { kind: 'note'; data: Note })
  | (TimelineBase & { kind: 'interaction'; data: Interaction })
  | (TimelineBase & { kind: 'reminder'; data: Reminder })
  | (TimelineBase & { kind: 'audit'; data: AuditData });

export const searchTypes = ['customer', 'contact', 'site'] as const;
export type SearchType = (typeof searchTypes)[number];

export interface SearchHit {
  type: SearchType;
  id: string;
  customerId: string;
  title: string;
  subtitle: string | null;
  score: number;
  matched: Array<{ field: string; value: string }>;
}

export type GeoJsonPosition = number[];

export type RegionGeometry =
  | { type: 'Polygon'; coordinates: GeoJsonPosition[][] }
  | { type: 'MultiPolygon'; coordinates: GeoJsonPosition[][][] };

export interface Region {
  id: string;
  name: string;
  geometry: RegionGeometry;
  siteCount: number;
  // A point inside the region for its label (the centroid of an odd shape can fall outside it).
  center?: { lat: number; lng: number };
}

export interface RegionImportResult {
  imported: number;
  replaced: number;
  // Sites that now lie inside one of the imported regions.
  sitesResolved?: number;
}

export interface UiConfig {
  mapTilesUrl: string | null;
  mapAttribution: string | null;
}

export function withQuery(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const enc = encodeURIComponent;

// Changing or removing an editable record sends the version the user saw as If-Match; the server
// answers 409 with the current version when someone changed the record since.
function versionedRecords<T, Changes>(collection: string) {
  return {
    update: (id: string, version: number, changes: Changes): Promise<T> =>
      requestJson('PATCH', `/api/${collection}/${enc(id)}`, changes, { ifMatch: version }),
    remove: (id: string, version: number): Promise<T> =>
      requestJson('DELETE', `/api/${collection}/${enc(id)}`, undefined, { ifMatch: version }),
  };
}

const customers = versionedRecords<Customer, CustomerInput>('customers');
const contacts = versionedRecords<Contact, Partial<ContactInput>>('contacts');
const sites = versionedRecords<Site, Partial<SiteInput>>('sites');
const notes = versionedRecords<Note, { body: string }>('notes');
const interactions = versionedRecords<Interaction, Partial<InteractionInput>>('interactions');
const reminders = versionedRecords<Reminder, Partial<ReminderInput>>('reminders');

export const crmApi = {
  listCustomers: (query: CustomerQuery, signal?: AbortSignal): Promise<Paged<Customer>> =>
    requestJson('GET', withQuery('/api/customers', { ...query, withTotal: true }), undefined, { signal }),
  getCustomer: (id: string): Promise<Customer> => requestJson('GET', `/api/customers/${enc(id)}`),
  createCustomer: (input: CustomerInput): Promise<Customer> => requestJson('POST', '/api/customers', input),
  updateCustomer: customers.update,
  // Soft delete: the customer leaves the lists and can be restored.
  deleteCustomer: customers.remove,
  // An empty object, not no body: the route refuses a missing body ("/body: must be object").
  restoreCustomer: (id: string, version: number): Promise<Customer> =>
    requestJson('POST', `/api/customers/${enc(id)}/restore`, {}, { ifMatch: version }),
  listCustomFields: (): Promise<{ items: CustomFieldDefinition[] }> => requestJson('GET', '/api/custom-fields'),

  listContacts: (customerId: string): Promise<Paged<Contact>> =>
    requestJson('GET', withQuery(`/api/customers/${enc(customerId)}/contacts`, { limit: 200 })),
  createContact: (customerId: string, input: ContactInput): Promise<Contact> =>
    requestJson('POST', `/api/customers/${enc(customerId)}/contacts`, input),
  updateContact: contacts.update,
  deleteContact: contacts.remove,

  listSites: (customerId: string): Promise<Paged<Site>> =>
    requestJson('GET', withQuery(`/api/customers/${enc(customerId)}/sites`, { limit: 200 })),
  createSite: (customerId: string, input: SiteInput): Promise<Site> =>
    requestJson('POST', `/api/customers/${enc(customerId)}/sites`, input),
  updateSite: sites.update,
  deleteSite: sites.remove,

  timeline: (
    customerId: string,
    query: { kinds?: readonly TimelineKind[]; cursor?: string; limit?: number },
    signal?: AbortSignal,
  ): Promise<Paged<TimelineItem>> =>
    requestJson(
      'GET',
      withQuery(`/api/customers/${enc(customerId)}/timeline`, {
        kinds: query.kinds && query.kinds.length > 0 ? query.kinds.join(',') : undefined,
        cursor: query.cursor,
        limit: query.limit,
      }),
      undefined,
      { signal },
    ),
  createNote: (customerId: string, body: string): Promise<Note> =>
    requestJson('POST', `/api/customers/${enc(customerId)}/notes`, { body }),
  updateNote: notes.update,
  deleteNote: notes.remove,
  createInteraction: (customerId: string, input: InteractionInput): Promise<Interaction> =>
    requestJson('POST', `/api/customers/${enc(customerId)}/interactions`, input),
  updateInteraction: interactions.update,
  deleteInteraction: interactions.remove,
  createReminder: (customerId: string, input: ReminderInput): Promise<Reminder> =>
    requestJson('POST', `/api/customers/${enc(customerId)}/reminders`, input),
  updateReminder: reminders.update,
  deleteReminder: reminders.remove,
  setReminderDone: (id: string, done: boolean): Promise<Reminder> =>
    requestJson('POST', `/api/reminders/${enc(id)}/${done ? 'done' : 'undone'}`),

  search: (q: string, signal?: AbortSignal): Promise<{ items: SearchHit[] }> =>
    requestJson('GET', withQuery('/api/search', { q, limit: 20 }), undefined, { signal }),

  listRegions: (): Promise<{ items: Region[] }> => requestJson('GET', '/api/regions'),
  importRegions: (collection: unknown, nameProperty: string | undefined): Promise<RegionImportResult> =>
    requestJson('POST', withQuery('/api/regions/import', { nameProperty }), collection),
  uiConfig: (): Promise<UiConfig> => requestJson('GET', '/api/ui-config'),
};

