import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Role } from '../core/db/schema.ts';
import type { App } from '../app.ts';
import type { Principal } from '../core/http/access.ts';
import type { RegionsService } from '../modules/regions/regions.service.ts';
import { generateWarsawDemoRegions } from '../modules/regions/warsaw-demo-regions.ts';
import { seedDemoCrm } from './demo-crm.ts';
import { asciiFold, feminineSurname, seededRandom } from './demo-crm-data.ts';
import { seedDemoHvac } from './demo-hvac.ts';
import { seedDemoTechnicians } from './demo-technicians.ts';

export const demoTenantSlug = 'demo';

export interface DemoSeedResult {
  tenantSlug: string;
  ownerEmail: string;
  password: string;
  users: Array<{ email: string; name: string; role: Role }>;
}

const firstNames = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Krzysztof', 'Agnieszka', 'Paweł', 'Joanna', 'Marcin', 'Ewa', 'Łukasz', 'Małgorzata', 'Michał', 'Zofia', 'Grzegorz'];
const lastNames = ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowski'];

const staff: Array<{ role: Role; count: number }> = [
  { role: 'owner', count: 1 },
  { role: 'admin', count: 1 },
  { role: 'dispatcher', count: 2 },
  { role: 'technician', count: 5 },
  { role: 'viewer', count: 1 },
];

export const demoCompanyName = 'Chłodpol Serwis Klimatyzacji i Ogrzewania';

export interface DemoSeedOptions {
  seed?: number;
  password?: string;
  // How many customers (with contacts, sites, notes and interactions, and the equipment, jobs and
  // plans of their sites); default 3,000.
  customers?: number;
  // The "today" of the generated history; default now. Give the app's clock's time when it has
  // one of its own: the maintenance scheduler, run at the end, takes "today" from that clock.
  anchor?: Date;
}

export type DemoServices = Pick<App, 'identity' | 'regions' | 'db' | 'maintenance' | 'technicians' | 'clock'>;

// Creates the demo company: a Warsaw HVAC service firm with staff in every role, Warsaw's 18
// districts as service regions, a customer base with two years of history, the equipment at their
// sites with its F-gas register, two years of service jobs and maintenance plans. Every user
// shares one password (random unless given) so a newcomer can try each role. Grows with every module.
export async function seedDemo(app: DemoServices, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
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
      users.push({ name, role, email: `${asciiFold(name).toLowerCase().replace(' ', '.')}@demo.pasja.local` });
    }
  }
  const [owner, ...others] = users;
  if (!owner) throw new Error('The demo staff list has no owner');
  const { tenantId, userId } = await app.identity.createTenantWithOwner({ tenantSlug: demoTenantSlug, tenantName: demoCompanyName, ownerEmail: owner.email, ownerName: owner.name, ownerPassword: password });
  const staffIds = [userId];
  for (const user of others) staffIds.push((await app.identity.addUser(demoTenantSlug, { ...user, password })).userId);
  const seeder: Principal = { tenantId, role: 'owner', userId: null, tokenId: null, sessionId: null };
  await seedDemoRegions(app.regions, seeder);
  const regions = await app.regions.list(seeder);
  const customers = options.customers ?? 3000;
  // The app's clock: two years of history end where the app's "today" is.
  const anchor = options.anchor ?? app.clock.now();
  await seedDemoCrm(app.db, { tenantId, regions, staffIds, seed, customers, anchor });
  const staffMembers = users.map((user, i) => ({ id: staffIds[i] ?? userId, name: user.name, role: user.role }));
  await seedDemoHvac(app.db, app.maintenance, seeder, { regions, staff: staffMembers, seed, customers, anchor });
  await seedDemoTechnicians(app.technicians, seeder, staffMembers.filter((member) => member.role === 'technician').map((member) => member.id), anchor);
  // A bulk load leaves the planner without statistics until (auto)vacuum comes by: measured, the
  // KPIs took 7 s instead of 0.3 s on the fresh demo company. The first user should not wait.
  await sql`analyze`.execute(app.db.kysely);
  return { tenantSlug: demoTenantSlug, ownerEmail: owner.email, password, users };
}

// Through the same import an admin uses, so the demo regions pass the same checks as real ones.
async function seedDemoRegions(regions: RegionsService, seeder: Principal): Promise<void> {
  const features = generateWarsawDemoRegions().map(({ name, geometry }) => ({ type: 'Feature', properties: { name }, geometry }));
  await regions.importGeoJson(seeder, { type: 'FeatureCollection', features });
}
