import type { Principal } from '../../core/http/access.ts';
import { invalidReference, liveReference } from '../../core/live-reference.ts';

// Where work is done, as jobs and maintenance plans name it: a site, which decides the customer,
// and optionally a unit standing at that site. Looked up through the CRM and equipment services.
export interface WorkPlaces {
  site(principal: Principal, siteId: string): Promise<{ id: string; customerId: string; deletedAt: string | null }>;
  equipment(principal: Principal, equipmentId: string): Promise<{ id: string; siteId: string; deletedAt: string | null }>;
}

export interface WorkPlace {
  customerId: string;
  siteId: string;
  equipmentId: string | null;
}

// Both must be live records of the caller's tenant; a problem is a 400 naming the body field.
export async function resolveWorkPlace(places: WorkPlaces, principal: Principal, named: { siteId: string; equipmentId?: string | undefined }): Promise<WorkPlace> {
  const site = await liveReference('/body/siteId', () => places.site(principal, named.siteId));
  const { equipmentId } = named;
  if (equipmentId) {
    const unit = await liveReference('/body/equipmentId', () => places.equipment(principal, equipmentId));
    if (unit.siteId !== site.id) throw invalidReference('/body/equipmentId', 'this unit stands at another site', 'at_site');
  }
  return { customerId: site.customerId, siteId: site.id, equipmentId: equipmentId ?? null };
}
