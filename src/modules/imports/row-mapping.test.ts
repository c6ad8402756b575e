import { describe, expect, it } from 'vitest';
import { recogniseHeader } from './presets.ts';
import { compileMapping, mappingFromColumns, mapTableRow, mapVcard } from './row-mapping.ts';
import type { VcardContact } from './vcard-reader.ts';

const source = { rowNumber: 7, line: 8 };

describe('mapTableRow', () => {
  it('maps an Outlook row naming a company and a person working there, tagging each value with its column', () => {
    const header = ['First Name', 'Last Name', 'Company', 'Job Title', 'Business Street', 'Business City', 'Business Postal Code', 'E-mail Address', 'Business Phone', 'Mobile Phone'];
    const recognised = recogniseHeader(header);
    expect(recognised?.preset.id).toBe('outlook');
    const sut = mapTableRow(compileMapping(recognised?.mapping ?? []), source, [
      'Łukasz', ' Wójcik ', 'Chłodnictwo Żółć sp. z o.o.', 'Kierownik serwisu', 'ul. Świętokrzyska 12', 'Łódź', '90950', 'lukasz@zolc.pl', '(22) 628 12 34', '',
    ]);
    expect(sut).toMatchObject({
      source,
      company: { name: { column: 'Company', value: 'Chłodnictwo Żółć sp. z o.o.' }, nip: null },
      person: { firstName: { column: 'First Name', value: 'Łukasz' }, lastName: { column: 'Last Name', value: 'Wójcik' }, role: { column: 'Job Title', value: 'Kierownik serwisu' } },
      emails: [{ column: 'E-mail Address', value: 'lukasz@zolc.pl' }],
      // An empty cell is no value at all.
      phones: [{ column: 'Business Phone', value: '(22) 628 12 34' }],
      address: { street: { column: 'Business Street', value: 'ul. Świętokrzyska 12' }, postalCode: { column: 'Business Postal Code', value: '90950' }, city: { column: 'Business City', value: 'Łódź' } },
    });
  });

  it('takes the first non-empty of two columns mapped to one field, and every column mapped to a list field', () => {
    const header = ['Company Name', 'Associated Company', 'Email', 'Work email', 'Phone Number'];
    const mapping = mappingFromColumns(header, { 'Company Name': 'companyName', 'Associated Company': 'companyName', Email: 'email', 'Work email': 'email', 'Phone Number': null });
    const sut = mapTableRow(compileMapping(mapping), source, ['', 'Klimat Sp. J.', 'a@klimat.pl', 'b@klimat.pl', '600100200']);
    expect(sut.company.name).toEqual({ column: 'Associated Company', value: 'Klimat Sp. J.' });
    expect(sut.emails.map((email) => email.column)).toEqual(['Email', 'Work email']);
    expect(sut.phones).toEqual([]);
  });

  it('reads a short row (a spreadsheet leaves trailing cells out) as empty cells', () => {
    const mapping = mappingFromColumns(['\uFEFFNazwa', 'NIP', 'Miasto'], { Nazwa: 'companyName', NIP: 'nip', Miasto: 'city' });
    const sut = mapTableRow(compileMapping(mapping), source, ['Firma']);
    expect(sut.company).toMatchObject({ name: { column: 'Nazwa', value: 'Firma' }, nip: null });
    expect(sut.address.city).toBeNull();
  });
});

describe('mapVcard', () => {
  it('maps a card to the same draft, naming vCard properties as columns and preferring the work address', () => {
    const contact: VcardContact = {
      formattedName: 'Łukasz Kowalski',
      givenName: 'Łukasz',
      familyName: 'Kowalski',
      organisation: 'Klimex',
      title: 'Właściciel',
      emails: [{ value: 'lk@klimex.pl', types: ['internet'] }],
      phones: [{ value: '600 100 200', types: ['cell'] }, { value: '22 628 12 34', types: ['work'] }],
      addresses: [
        { types: ['home'], poBox: '', extended: '', street: 'Domowa 1', city: 'Kraków', region: '', postalCode: '30-001', country: '' },
        { types: ['work'], poBox: '', extended: 'lok. 5', street: 'Prosta 20', city: 'Warszawa', region: 'mazowieckie', postalCode: '00-850', country: 'Polska' },
      ],
      note: null,
    };
    const sut = mapVcard({ rowNumber: 3, line: 21 }, contact);
    expect(sut).toMatchObject({
      company: { name: { column: 'ORG', value: 'Klimex' } },
      person: { fullName: { column: 'FN' }, firstName: { column: 'N given', value: 'Łukasz' }, role: { column: 'TITLE', value: 'Właściciel' } },
      phones: [{ column: 'TEL', value: '600 100 200' }, { column: 'TEL #2', value: '22 628 12 34' }],
      address: { street: { value: 'Prosta 20, lok. 5' }, postalCode: { column: 'ADR postal code', value: '00-850' }, city: { value: 'Warszawa' } },
      notes: [],
    });
  });
});
