import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataDir } from './fixtures.testing.ts';
import { importPresets, pasjaExportColumns, recogniseHeader } from './presets.ts';

const layoutsFile = join(sharedDataDir, 'crm-csv', 'crm_export_column_layouts.csv');
const expectedPreset: Record<string, string | null> = {
  'HubSpot|contacts (export, all properties)': 'hubspot-contacts',
  'HubSpot|contacts (export, default view columns)': 'hubspot-contacts',
  'HubSpot|companies (export, default view columns)': 'hubspot-companies',
  'Salesforce|Contacts/Leads (export column names)': 'salesforce-contacts',
  'Salesforce|Accounts (export column names)': 'salesforce-accounts',
  'Outlook (desktop, Import/Export wizard)|contacts': 'outlook',
  'Outlook.com / live.com|contacts (export)': 'outlook',
  "Google Contacts (current, 2023+ 'Google CSV')|contacts (export)": 'google-contacts',
  'Pipedrive|people (export)': 'pipedrive-people',
  'Pipedrive|deals (export)': null,
  'Zoho CRM|Contacts (export Contacts_001.csv)': 'zoho-contacts',
  'Zoho CRM|Accounts (export Accounts_001.csv)': 'zoho-accounts',
  'Zoho CRM|Deals (export Deals_001.csv)': null,
  'Twenty CRM|People (import)': 'twenty-people',
  'Twenty CRM|composite-field sub-columns (import)': null,
};

function layouts(): Map<string, string[]> {
  const rows = parse(readFileSync(layoutsFile), { columns: true }) as Array<{ vendor: string; object: string; column: string }>;
  const byLayout = new Map<string, string[]>();
  for (const row of rows) byLayout.set(`${row.vendor}|${row.object}`, [...(byLayout.get(`${row.vendor}|${row.object}`) ?? []), row.column]);
  return byLayout;
}

function headerOf(file: string): string[] {
  return (parse(readFileSync(join(sharedDataDir, 'crm-csv', file)), { to_line: 1, bom: true }) as string[][])[0] ?? [];
}

describe('recogniseHeader', () => {
  it.skipIf(!hasSharedData).each(Object.entries(expectedPreset))('recognises %s as %s', (layout, presetId) => {
    const header = layouts().get(layout);
    expect(header, layout).toBeDefined();
    expect(recogniseHeader(header ?? [])?.preset.id ?? null).toBe(presetId);
  });

  it.skipIf(!hasSharedData)('recognises the Thunderbird and Twenty sample files', () => {
    expect(recogniseHeader(headerOf('basic_csv_addressbook.csv'))?.preset.id).toBe('thunderbird');
    expect(recogniseHeader(headerOf('people_sample_from_docs.csv'))?.preset.id).toBe('twenty-people');
  });

  it.skipIf(!hasSharedData)('uses only Outlook Polish header names that Outlook writes', () => {
    const rows = parse(readFileSync(join(sharedDataDir, 'crm-csv', 'outlook_csv_header_names_by_locale.roundcube.csv')), { columns: true }) as Array<{ locale: string; csv_header: string }>;
    const polish = rows.filter((row) => row.locale === 'pl_PL').map((row) => row.csv_header);
    const preset = importPresets.find((candidate) => candidate.id === 'outlook-pl');
    expect(Object.keys(preset?.columns ?? {}).filter((column) => !polish.includes(column))).toEqual([]);
    expect(recogniseHeader(polish)?.preset.id).toBe('outlook-pl');
  });

  it("recognises Pasja's own export and maps each column", () => {
    const sut = recogniseHeader(['\uFEFFid', ...Object.keys(pasjaExportColumns).slice(1)]);
    expect(sut?.preset.id).toBe('pasja');
    expect(sut?.mapping.map((column) => column.field)).toEqual(Object.values(pasjaExportColumns));
  });

  it('recognises nothing in an unknown header', () => {
    expect(recogniseHeader(['foo', 'bar'])).toBeNull();
  });
});
