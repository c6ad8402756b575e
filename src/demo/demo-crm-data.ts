import { createRegionLocator, type LocatableRegion } from '../modules/regions/region-geometry.ts';
import type { CustomerKind, InteractionKind } from '../core/db/schema.ts';
import type { PremisesKind } from '../modules/jobs/job-pricing.ts';
import { demoIdFor } from './demo-ids.ts';

// Realistic-looking CRM data for the demo company and for benchmarks: Polish people and firms with
// valid NIPs, Warsaw addresses placed inside the tenant's regions, contacts, notes and interactions
// spread over two years. Pure and deterministic: the same seed and anchor date give the same data.

export interface DemoCustomerBundle {
  customer: { id: string; kind: CustomerKind; name: string; companyName: string | null; firstName: string | null; lastName: string | null; nip: string | null; status: 'lead' | 'active' | 'inactive'; tags: string[]; source: string; createdAt: Date };
  contacts: Array<{ id: string; firstName: string; lastName: string; name: string; role: string | null; phone: string; email: string; isPrimary: boolean }>;
  sites: Array<{ id: string; label: string | null; street: string; building: string; flat: string | null; postalCode: string; city: string; lat: number; lng: number; regionId: string; accessNotes: string | null; premisesKind: PremisesKind; usableAreaM2: number | null }>;
  notes: Array<{ id: string; body: string; at: Date }>;
  interactions: Array<{ id: string; kind: InteractionKind; direction: 'inbound' | 'outbound' | null; subject: string; outcome: string; at: Date; contactIndex: number }>;
}

const maleFirst = ['Adam', 'Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Marcin', 'Michał', 'Łukasz', 'Grzegorz', 'Jan', 'Andrzej', 'Wojciech', 'Jakub', 'Mateusz', 'Rafał', 'Stanisław', 'Jerzy', 'Bartosz', 'Dariusz', 'Zbigniew'];
const femaleFirst = ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Ewa', 'Małgorzata', 'Zofia', 'Barbara', 'Aleksandra', 'Monika', 'Dorota', 'Beata', 'Natalia', 'Karolina', 'Elżbieta', 'Jadwiga', 'Halina', 'Iwona', 'Weronika'];
const surnames = ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski', 'Michalski', 'Adamczyk', 'Dudek', 'Zając', 'Wieczorek', 'Jabłoński', 'Król', 'Majewski', 'Olszewski', 'Jaworski', 'Wróbel', 'Malinowski', 'Pawlak', 'Witkowski', 'Walczak', 'Stępień', 'Górski', 'Rutkowski', 'Michalak', 'Sikora', 'Ostrowski', 'Baran', 'Duda', 'Szewczyk', 'Tomaszewski', 'Pietrzak', 'Marciniak', 'Wróblewski', 'Zalewski', 'Jakubowski', 'Brzęczyszczykiewicz', 'Żółkiewski', 'Łukasiewicz', 'Chmielewski', 'Śliwiński'];
const companyStems = ['Instal', 'Term', 'Klim', 'Budo', 'Ener', 'Eko', 'Wars', 'Mazow', 'Polo', 'Aqua', 'Therm', 'Vent', 'Gastro', 'Hotel', 'Biuro', 'Med', 'Dom', 'Pol', 'Tech', 'Serw'];
const companyEnds = ['pol', 'bud', 'tex', 'max', 'mar', 'plast', 'lux', 'net', 'trans', 'serwis', 'com', 'tech'];
const legalForms = ['Sp. z o.o.', 'S.A.', 'Sp. j.', 'Sp. k.', 's.c.', 'Sp. z o.o. Sp. k.'];
const businessKinds = ['Restauracja', 'Hotel', 'Przychodnia', 'Biuro Rachunkowe', 'Wspólnota Mieszkaniowa', 'Sklep', 'Piekarnia', 'Serwerownia', 'Apteka', 'Szkoła Językowa'];
const streets = ['Marszałkowska', 'Puławska', 'Grochowska', 'Grójecka', 'Górczewska', 'Jana Pawła II', 'Aleje Jerozolimskie', 'Targowa', 'Modlińska', 'Radzymińska', 'Wał Miedzeszyński', 'Sobieskiego', 'Wilanowska', 'Ostrobramska', 'Połczyńska', 'Wolska', 'Słowackiego', 'Mickiewicza', 'Kondratowicza', 'Płowiecka', 'Bielańska', 'Żwirki i Wigury', 'Rakowiecka', 'Nowy Świat', 'Krakowskie Przedmieście', 'Dolna', 'Odolańska', 'Broniewskiego', 'Powstańców Śląskich', 'Kasprowicza', 'Kiedacza', 'Fieldorfa', 'Kondratowicza', 'Światowida', 'Ursynowska', 'KEN', 'Lazurowa', 'Bartycka', 'Chełmska', 'Szwoleżerów'];
const mobilePrefixes = ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'];
const roles = ['Właściciel', 'Kierownik administracyjny', 'Zarządca nieruchomości', 'Kierownik techniczny', 'Księgowa', 'Recepcja', null];
const sources = ['polecenie', 'strona www', 'Google', 'Facebook', 'telefon', 'targi Instalacje', 'Oferteo'];
const tagPool = ['klimatyzacja', 'pompa ciepła', 'kocioł gazowy', 'wentylacja', 'umowa serwisowa', 'VIP', 'F-gaz', 'reklamacja'];
const noteBodies = [
  'Klient prosi o kontakt przed przyjazdem technika, domofon nie działa.',
  'Ustalono przegląd klimatyzacji przed sezonem letnim.',
  'Wymieniono filtr w rekuperatorze, następna wymiana za 6 miesięcy.',
  'Klient pyta o ofertę na pompę ciepła powietrze-woda do domu 160 m².',
  'Dostęp do kotłowni przez garaż, klucz u sąsiada spod 4.',
  'Reklamacja hałasu jednostki zewnętrznej — do sprawdzenia mocowanie.',
  'Przesłano ofertę na umowę serwisową (2 przeglądy rocznie).',
  'Kontrola szczelności F-gaz wykonana, wpis w rejestrze.',
];
const interactionSubjects: Record<InteractionKind, string[]> = {
  call: ['Zgłoszenie awarii kotła', 'Pytanie o termin przeglądu', 'Potwierdzenie wizyty'],
  email: ['Oferta na montaż klimatyzacji', 'Faktura za przegląd', 'Protokół z kontroli szczelności'],
  sms: ['Przypomnienie o wizycie', 'Technik w drodze'],
  visit: ['Przegląd okresowy', 'Naprawa', 'Oględziny przed montażem'],
  meeting: ['Spotkanie w sprawie umowy serwisowej', 'Odbiór instalacji'],
};
const outcomes = ['załatwione', 'oddzwonić', 'oferta wysłana', 'umówiono wizytę', 'bez odpowiedzi'];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function feminineSurname(lastName: string): string {
  return lastName.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka');
}

export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

// NIP = 9 digits + a check digit (weights 6,5,7,2,3,4,5,6,7, mod 11). Derived from the record's
// index so NIPs never repeat (random ones would, about a hundred times in a million): the first
// eight digits are a permutation of the index, the ninth is chosen so the remainder is not 10
// (a remainder of 10 has no check digit).
export function nipForIndex(index: number): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const body = 10_000_000 + ((index * 7_919_993) % 90_000_000);
  for (let ninth = 0; ninth < 10; ninth++) {
    const digits = `${body}${ninth}`.split('').map(Number);
    const check = digits.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 11;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
  throw new Error('unreachable: two consecutive ninth digits cannot both give remainder 10');
}

export interface DemoCrmOptions {
  seed: number;
  count: number;
  anchor: Date; // "now" of the data: interactions reach two years back from it
  regions: LocatableRegion[];
  firstIndex?: number; // for generating a large set in chunks with distinct, stable ids
}

export function* generateDemoCustomers(options: DemoCrmOptions): Generator<DemoCustomerBundle> {
  // Each chunk gets its own stream, so generating in chunks never repeats a chunk's names.
  const random = seededRandom(options.seed * 1_000_003 + (options.firstIndex ?? 0));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const locator = createRegionLocator(options.regions);
  const bounds = options.regions.map((region) => ({ region, box: boundingBox(region.geometry.type === 'Polygon' ? [region.geometry.coordinates] : region.geometry.coordinates) }));
  const twoYearsMs = 730 * 86_400_000;
  const pointInRegions = (): { lat: number; lng: number; regionId: string } => {
    for (;;) {
      const { region, box } = pick(bounds);
      const lng = box.minLng + random() * (box.maxLng - box.minLng);
      const lat = box.minLat + random() * (box.maxLat - box.minLat);
      const found = locator.locate(lat, lng);
      if (found?.id === region.id) return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6, regionId: region.id };
    }
  };
  const person = () => {
    const female = random() < 0.5;
    const firstName = pick(female ? femaleFirst : maleFirst);
    const surname = pick(surnames);
    return { firstName, lastName: female ? feminineSurname(surname) : surname };
  };
  // Polish mobile ranges (UKE numbering plan), so the numbers pass libphonenumber's validation.
  const mobile = () => `+48${pick(mobilePrefixes)}${String(between(0, 9_999_999)).padStart(7, '0')}`;

  for (let i = 0; i < options.count; i++) {
    const index = (options.firstIndex ?? 0) + i;
    const kind: CustomerKind = random() < 0.45 ? 'company' : 'person';
    const createdAt = new Date(options.anchor.getTime() - Math.floor(random() * twoYearsMs));
    const owner = person();
    let companyName: string | null = null;
    if (kind === 'company') {
      companyName = random() < 0.5 ? `${pick(companyStems)}${pick(companyEnds)} ${pick(legalForms)}` : random() < 0.5 ? `${pick(businessKinds)} „${pick(surnames)}”` : `${owner.lastName} i Wspólnicy ${pick(legalForms)}`;
    }
    const name = companyName ?? `${owner.firstName} ${owner.lastName}`;
    const domain = kind === 'company' ? `${asciiFold(companyName ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '')}.pl`.slice(0, 40) : pick(['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl']);
    const contactPeople = kind === 'person' ? [owner] : Array.from({ length: between(1, 3) }, person);
    const contacts = contactPeople.map((p, c) => {
      const local = asciiFold(`${p.firstName}.${p.lastName}`).toLowerCase();
      return {
        id: newIdFor(index, 'contact', c),
        firstName: p.firstName,
        lastName: p.lastName,
        name: `${p.firstName} ${p.lastName}`,
        role: kind === 'company' ? pick(roles) : null,
        phone: mobile(),
        email: kind === 'company' ? `${local}@${domain}` : `${local}${between(1, 99)}@${domain}`,
        isPrimary: c === 0,
      };
    });
    const sites = Array.from({ length: kind === 'company' && random() < 0.3 ? between(2, 3) : 1 }, (_, s) => {
      const point = pointInRegions();
      const label = kind === 'company' ? pick(['Siedziba', 'Magazyn', 'Lokal usługowy', 'Oddział']) : null;
      const street = `ul. ${pick(streets)}`;
      const building = String(between(1, 180));
      const flat = random() < 0.6 ? String(between(1, 120)) : null;
      return {
        id: newIdFor(index, 'site', s),
        label,
        street,
        building,
        flat,
        postalCode: `0${between(0, 4)}-${String(between(1, 999)).padStart(3, '0')}`,
        city: 'Warszawa',
        ...point,
        accessNotes: random() < 0.15 ? pick(['Kod do bramy 1234#', 'Parking od podwórza', 'Kotłownia w piwnicy, klucz u administratora']) : null,
        ...premisesOf(kind, flat, index, s),
      };
    });
    const activityCount = between(0, 6);
    const atAfterCreation = () => new Date(createdAt.getTime() + Math.floor(random() * (options.anchor.getTime() - createdAt.getTime())));
    const notes = Array.from({ length: Math.floor(activityCount / 2) }, (_, n) => ({ id: newIdFor(index, 'note', n), body: pick(noteBodies), at: atAfterCreation() }));
    const interactions = Array.from({ length: activityCount - notes.length }, (_, n) => {
      const interactionKind = pick(['call', 'call', 'email', 'sms', 'visit', 'meeting'] as const);
      return {
        id: newIdFor(index, 'interaction', n),
        kind: interactionKind,
        direction: interactionKind === 'visit' || interactionKind === 'meeting' ? null : pick(['inbound', 'outbound'] as const),
        subject: pick(interactionSubjects[interactionKind]),
        outcome: pick(outcomes),
        at: atAfterCreation(),
        contactIndex: between(0, contacts.length - 1),
      };
    });
    yield {
      customer: {
        id: newIdFor(index, 'customer', 0),
        kind,
        name,
        companyName,
        firstName: kind === 'person' ? owner.firstName : null,
        lastName: kind === 'person' ? owner.lastName : null,
        nip: kind === 'company' || random() < 0.1 ? nipForIndex(index) : null,
        status: pick(['active', 'active', 'active', 'lead', 'inactive'] as const),
        tags: random() < 0.5 ? [pick(tagPool)] : [],
        source: pick(sources),
        createdAt,
      },
      contacts,
      sites,
      notes,
      interactions,
    };
  }

  function newIdFor(i: number, what: 'customer' | 'contact' | 'site' | 'note' | 'interaction', n: number): string {
    return demoIdFor(options.seed, what, i, n);
  }
}

// What a site is, for the VAT rate of work there: a company's premises, a person's flat (a site
// with a flat number) or house, with a usable area inside the social-housing limits (150 m², 300 m²).
// Derived from the record's place rather than drawn, so the random stream (and every other value)
// stays as it was before sites recorded premises.
function premisesOf(kind: CustomerKind, flat: string | null, index: number, siteNo: number): { premisesKind: PremisesKind; usableAreaM2: number | null } {
  if (kind === 'company') return { premisesKind: 'non_residential', usableAreaM2: null };
  const spread = (index * 7_919 + siteNo * 104_729) % 1000;
  return flat === null ? { premisesKind: 'house', usableAreaM2: 90 + (spread % 171) } : { premisesKind: 'flat', usableAreaM2: 35 + (spread % 86) };
}

function boundingBox(polygons: number[][][][]): { minLat: number; minLng: number; maxLat: number; maxLng: number } {
  let minLat = 90, minLng = 180, maxLat = -90, maxLng = -180;
  for (const polygon of polygons) {
    for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
    }
  }
  return { minLat, minLng, maxLat, maxLng };
}

