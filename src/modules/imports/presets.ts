// Which CRM or address book wrote a file, told from its header row, and where each of its columns
// goes in Pasja. Header names are facts about those formats (vendor docs and real exports, see
// shared/data/crm-csv), so they are written here as data. Matching is exact after trimming: the
// vendors differ only by case in places ("Record ID" is HubSpot, "Record Id" is Zoho).

export type PasjaField =
  | 'externalId'
  | 'companyName'
  | 'nip'
  | 'regon'
  | 'fullName'
  | 'firstName'
  | 'lastName'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'street'
  // Offered for a user's own mapping; no vendor export splits them out of the street.
  | 'building'
  | 'flat'
  | 'postalCode'
  | 'city'
  | 'region'
  | 'country'
  | 'website'
  | 'notes';

export interface ImportPreset {
  id: string;
  label: string;
  // Every one of these must be in the header for the preset to be considered.
  signature: string[];
  columns: Record<string, PasjaField>;
}

export interface ColumnMapping {
  index: number;
  column: string;
  field: PasjaField;
}

export interface RecognisedPreset {
  preset: ImportPreset;
  mapping: ColumnMapping[];
}

// Pasja's own export (the export slice must write exactly these columns).
export const pasjaExportColumns: Record<string, PasjaField> = {
  id: 'externalId',
  companyName: 'companyName',
  nip: 'nip',
  regon: 'regon',
  firstName: 'firstName',
  lastName: 'lastName',
  role: 'jobTitle',
  email: 'email',
  phone: 'phone',
  street: 'street',
  building: 'building',
  flat: 'flat',
  postalCode: 'postalCode',
  city: 'city',
  notes: 'notes',
};

export const importPresets: ImportPreset[] = [
  { id: 'pasja', label: 'Pasja', signature: ['id', 'companyName', 'nip', 'firstName', 'lastName'], columns: pasjaExportColumns },
  {
    id: 'hubspot-contacts',
    label: 'HubSpot (contacts)',
    signature: ['Record ID', 'First Name', 'Last Name'],
    columns: {
      'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Work email': 'email',
      'Private e-mail address': 'email', 'Phone Number': 'phone', 'Mobile Phone Number': 'phone', 'Company Name': 'companyName',
      'Associated Company': 'companyName', 'Job Title': 'jobTitle', 'Street Address': 'street', 'Postal Code': 'postalCode',
      City: 'city', 'State/Region': 'region', 'Country/Region': 'country', 'Website URL': 'website',
    },
  },
  {
    id: 'hubspot-companies',
    label: 'HubSpot (companies)',
    signature: ['Record ID', 'Company name'],
    columns: { 'Record ID': 'externalId', 'Company name': 'companyName', 'Phone Number': 'phone', City: 'city', 'Country/Region': 'country' },
  },
  {
    id: 'salesforce-contacts',
    label: 'Salesforce (contacts/leads)',
    signature: ['First Name', 'Last Name', 'Mailing Zip/Postal Code'],
    columns: {
      'First Name': 'firstName', 'Last Name': 'lastName', Title: 'jobTitle', 'Account Name': 'companyName', Email: 'email',
      Phone: 'phone', Mobile: 'phone', 'Home Phone': 'phone', 'Other Phone': 'phone', 'Mailing Street': 'street',
      'Mailing City': 'city', 'Mailing State': 'region', 'Mailing Zip/Postal Code': 'postalCode', 'Mailing Country': 'country',
      Description: 'notes',
    },
  },
  {
    id: 'salesforce-accounts',
    label: 'Salesforce (accounts)',
    signature: ['Account Name', 'Billing Zip/Postal Code'],
    columns: {
      'Account Name': 'companyName', Phone: 'phone', Website: 'website', 'Billing Street': 'street', 'Billing City': 'city',
      'Billing State': 'region', 'Billing Zip/Postal Code': 'postalCode', 'Billing Country': 'country', Description: 'notes',
    },
  },
  {
    id: 'pipedrive-people',
    label: 'Pipedrive (people)',
    signature: ['Person - Name'],
    columns: {
      'Person - Name': 'fullName', 'Person - First name': 'firstName', 'Person - Last name': 'lastName',
      'Person - Organization': 'companyName', 'Person - Title': 'jobTitle', 'Person - Email - Work': 'email',
      'Person - Email - Home': 'email', 'Person - Email - Other': 'email', 'Person - Phone - Work': 'phone',
      'Person - Phone - Home': 'phone', 'Person - Phone - Mobile': 'phone', 'Person - Phone - Other': 'phone',
      'Person - City': 'city', 'Person - State': 'region',
    },
  },
  {
    id: 'zoho-contacts',
    label: 'Zoho CRM (contacts)',
    signature: ['Record Id', 'First Name', 'Last Name'],
    columns: {
      'Record Id': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', 'Account Name': 'companyName', Email: 'email',
      Mobile: 'phone', 'Mailing Street': 'street', 'Mailing City': 'city', 'Mailing State': 'region', 'Mailing Zip': 'postalCode',
    },
  },
  {
    id: 'zoho-accounts',
    label: 'Zoho CRM (accounts)',
    signature: ['Record Id', 'Account Name', 'Billing Code'],
    columns: {
      'Record Id': 'externalId', 'Account Name': 'companyName', Phone: 'phone', 'Billing Street': 'street', 'Billing City': 'city',
      'Billing State': 'region', 'Billing Code': 'postalCode', Description: 'notes',
    },
  },
  {
    id: 'google-contacts',
    label: 'Google Contacts',
    signature: ['First Name', 'Last Name', 'E-mail 1 - Value'],
    columns: {
      'First Name': 'firstName', 'Last Name': 'lastName', 'Organization Name': 'companyName', 'Organization Title': 'jobTitle',
      Notes: 'notes', 'E-mail 1 - Value': 'email', 'E-mail 2 - Value': 'email', 'E-mail 3 - Value': 'email', 'E-mail 4 - Value': 'email',
      'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'phone', 'Phone 3 - Value': 'phone', 'Address 1 - Street': 'street',
      'Address 1 - City': 'city', 'Address 1 - Region': 'region', 'Address 1 - Postal Code': 'postalCode',
      'Address 1 - Country': 'country', 'Website 1 - Value': 'website',
    },
  },
  {
    id: 'outlook',
    label: 'Outlook',
    signature: ['First Name', 'Last Name', 'Business Street'],
    columns: {
      'First Name': 'firstName', 'Last Name': 'lastName', Company: 'companyName', 'Job Title': 'jobTitle',
      'E-mail Address': 'email', 'E-mail 2 Address': 'email', 'E-mail 3 Address': 'email', 'Business Phone': 'phone',
      'Business Phone 2': 'phone', 'Mobile Phone': 'phone', 'Home Phone': 'phone', 'Company Main Phone': 'phone',
      'Primary Phone': 'phone', 'Business Street': 'street', 'Business City': 'city', 'Business State': 'region',
      'Business Postal Code': 'postalCode', 'Business Country/Region': 'country', 'Business Country': 'country',
      Notes: 'notes', 'Web Page': 'website',
    },
  },
  {
    id: 'outlook-pl',
    label: 'Outlook (polski)',
    signature: ['Imię', 'Nazwisko'],
    columns: {
      Imię: 'firstName', Nazwisko: 'lastName', Firma: 'companyName', Stanowisko: 'jobTitle', 'Adres e-mail': 'email',
      'Telefon służbowy': 'phone', 'Telefon służbowy 2': 'phone', 'Telefon komórkowy': 'phone', 'Telefon domowy': 'phone',
      'Telefon główny': 'phone', 'Ulica (biuro)': 'street', 'Miasto (biuro)': 'city', 'Województwo (biuro)': 'region',
      'Kod pocztowy (biuro)': 'postalCode', 'Kraj/region (biuro)': 'country', Notatki: 'notes',
    },
  },
  {
    id: 'thunderbird',
    label: 'Thunderbird',
    signature: ['First Name', 'Last Name', 'Primary Email'],
    columns: {
      'First Name': 'firstName', 'Last Name': 'lastName', 'Display Name': 'fullName', 'Primary Email': 'email',
      'Secondary Email': 'email', 'Work Phone': 'phone', 'Mobile Number': 'phone', 'Home Phone': 'phone',
      'Work Address': 'street', 'Work City': 'city', 'Work State': 'region', 'Work ZipCode': 'postalCode',
      'Work Country': 'country', 'Job Title': 'jobTitle', Organization: 'companyName', 'Web Page 1': 'website', Notes: 'notes',
    },
  },
  {
    id: 'twenty-people',
    label: 'Twenty (people)',
    signature: ['firstName', 'lastName', 'email'],
    columns: {
      firstName: 'firstName', lastName: 'lastName', email: 'email', 'Emails / Additional Emails': 'email', jobTitle: 'jobTitle',
      'Phones / Primary Phone Number': 'phone', 'Address / Address 1': 'street', 'Address / City': 'city',
      'Address / State': 'region', 'Address / Post Code': 'postalCode', 'Address / Country': 'country',
    },
  },
];

// The preset whose signature the header contains and which maps the most of its columns.
export function recogniseHeader(header: string[]): RecognisedPreset | null {
  const columns = header.map((column) => column.replace(/^\uFEFF/, '').trim().normalize('NFC'));
  const present = new Set(columns);
  let best: RecognisedPreset | null = null;
  for (const preset of importPresets) {
    if (!preset.signature.every((column) => present.has(column))) continue;
    const mapping = mapColumns(preset, columns);
    if (!best || mapping.length > best.mapping.length) best = { preset, mapping };
  }
  return best;
}

export function mapColumns(preset: ImportPreset, header: string[]): ColumnMapping[] {
  return header.flatMap((column, index) => {
    const field = preset.columns[column];
    return field ? [{ index, column, field }] : [];
  });
}
