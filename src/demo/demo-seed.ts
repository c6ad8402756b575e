import { randomBytes } from 'node:crypto';
import type { Role } from '../core/db/schema.ts';
import type { IdentityService } from '../modules/identity/identity.service.ts';

export const demoTenantSlug = 'demo';

export interface DemoSeedResult {
  tenantSlug: string;
  ownerEmail: string;
  password: string;
  users: Array<{ email: string; name: string; role: Role }>;
}

// A seeded generator (mulberry32): the same seed gives the same company, so demos and screenshots
// are reproducible; a different seed gives a different but equally plausible one.
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

const firstNames = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Krzysztof', 'Agnieszka', 'Paweł', 'Joanna', 'Marcin', 'Ewa', 'Łukasz', 'Małgorzata', 'Michał', 'Zofia', 'Grzegorz'];
const lastNames = ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowski'];

// Polish surnames agree with gender: a woman is Kowalska where a man is Kowalski.
function feminineSurname(lastName: string): string {
  return lastName.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka');
}

function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}

const staff: Array<{ role: Role; count: number }> = [
  { role: 'owner', count: 1 },
  { role: 'admin', count: 1 },
  { role: 'dispatcher', count: 2 },
  { role: 'technician', count: 5 },
  { role: 'viewer', count: 1 },
];

export const demoCompanyName = 'Chłodpol Serwis Klimatyzacji i Ogrzewania';

// Creates the demo company: a Warsaw HVAC service firm with staff in every role. Every user shares
// one password (random unless given) so a newcomer can try each role. Grows with every module.
export async function seedDemo(identity: IdentityService, options: { seed?: number; password?: string } = {}): Promise<DemoSeedResult> {
  const random = seededRandom(options.seed ?? 1);
  const password = options.password ?? randomBytes(9).toString('base64url');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const used = new Set<string>();
  const users: DemoSeedResult['users'] = [];
  for (const { role, count } of staff) {
    for (let i = 0; i < count; i++) {
      let name: string;
      do {
        const first = pick(firstNames);
        const isWoman = first.endsWith('a');
        const last = pick(lastNames);
        name = `${first} ${isWoman ? feminineSurname(last) : last}`;
      } while (used.has(name));
      used.add(name);
      users.push({ name, role, email: `${asciiFold(name).replace(' ', '.')}@demo.pasja.local` });
    }
  }
  const [owner, ...others] = users;
  if (!owner) throw new Error('The demo staff list has no owner');
  await identity.createTenantWithOwner({ tenantSlug: demoTenantSlug, tenantName: demoCompanyName, ownerEmail: owner.email, ownerName: owner.name, ownerPassword: password });
  for (const user of others) await identity.addUser(demoTenantSlug, { ...user, password });
  return { tenantSlug: demoTenantSlug, ownerEmail: owner.email, password, users };
}
