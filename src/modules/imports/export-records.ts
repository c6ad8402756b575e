// What an export carries for one customer: the customer with its contacts, sites and notes, limited
// to what the import can bring back (row-mapping's fields), so that export → import → export gives
// the same file. Status, tags, source, KRS, custom fields, consents, contact-point labels and a
// site's label, coordinates and access notes have no import field yet and are left out on purpose.
import type { Customer } from '../crm/customers.schemas.ts';

export interface ExportCustomer {
  // Written to the export's `id` column: rows of one customer share it, and the import reads it as
  // the external id that links them.
  id: string;
  kind: Customer['kind'];
  companyName: string | null;
  // A person customer's own name; null for a company.
  firstName: string | null;
  lastName: string | null;
  nip: string | null;
  regon: string | null;
  contacts: ExportContact[];
  sites: ExportSite[];
  notes: string[];
}

export interface ExportContact {
  firstName: string;
  lastName: string | null;
  role: string | null;
  emails: string[];
  phones: string[]; // E.164, as the CRM stores them
}

export interface ExportSite {
  street: string;
  building: string | null;
  flat: string | null;
  postalCode: string; // NN-NNN
  city: string;
}

type CustomerFields = Omit<ExportCustomer, 'contacts' | 'sites' | 'notes'>;

// Exactly the export's fields, in its order: a wider object (a CRM row) must not leak into a file,
// and two exports of the same data must be byte-identical, key order included.
export function exportCustomerOf(customer: CustomerFields, contacts: ReadonlyArray<ExportContact>, sites: ReadonlyArray<ExportSite>, notes: ReadonlyArray<string>): ExportCustomer {
  return {
    id: customer.id,
    kind: customer.kind,
    companyName: customer.companyName,
    firstName: customer.firstName,
    lastName: customer.lastName,
    nip: customer.nip,
    regon: customer.regon,
    contacts: contacts.map((contact) => ({
      firstName: contact.firstName,
      lastName: contact.lastName,
      role: contact.role,
      emails: [...contact.emails],
      phones: [...contact.phones],
    })),
    sites: sites.map((site) => ({ street: site.street, building: site.building, flat: site.flat, postalCode: site.postalCode, city: site.city })),
    notes: [...notes],
  };
}
