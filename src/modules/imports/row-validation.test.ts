import { describe, expect, it } from 'vitest';
import { compileMapping, mappingFromColumns, mapTableRow } from './row-mapping.ts';
import { validateDraft, type RowVerdict } from './row-validation.ts';
import type { PasjaField } from './presets.ts';

// A user's mapping with Polish column names, one column per field, so a test row reads like the file.
const fields: Record<string, PasjaField> = {
  Firma: 'companyName',
  NIP: 'nip',
  REGON: 'regon',
  Imię: 'firstName',
  Nazwisko: 'lastName',
  Osoba: 'fullName',
  Stanowisko: 'jobTitle',
  'E-mail': 'email',
  'E-mail 2': 'email',
  Telefon: 'phone',
  'Telefon 2': 'phone',
  Ulica: 'street',
  Budynek: 'building',
  Lokal: 'flat',
  'Kod pocztowy': 'postalCode',
  Miasto: 'city',
  Kraj: 'country',
  Uwagi: 'notes',
};
const header = Object.keys(fields);
const mapping = compileMapping(mappingFromColumns(header, fields));

function validateRow(cells: Partial<Record<string, string>>): RowVerdict {
  const row = header.map((column) => cells[column] ?? '');
  return validateDraft(mapTableRow(mapping, { rowNumber: 1, line: 2 }, row));
}

function accepted(verdict: RowVerdict) {
  if (verdict.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(verdict.errors)}`);
  return verdict;
}

describe('validateDraft', () => {
  it.each(['526-104-08-28', 'PL5261040828', 'PL 526 104 08 28', '5261040828'])('stores NIP %j as 10 digits', (nip) => {
    const sut = accepted(validateRow({ Firma: 'Klimatech', NIP: nip }));
    expect(sut.draft.customer).toMatchObject({ kind: 'company', name: 'Klimatech', nip: '5261040828' });
    expect(sut.warnings).toEqual([]);
  });

  it('rejects a row whose NIP checksum is wrong, naming the column and the rule', () => {
    const sut = validateRow({ Firma: 'Klimatech', NIP: '526-104-08-29' });
    expect(sut).toEqual({
      status: 'rejected',
      source: { rowNumber: 1, line: 2 },
      errors: [{ column: 'NIP', field: 'nip', rule: 'checksum', message: 'NIP checksum is wrong: "526-104-08-29"' }],
      warnings: [],
    });
  });

  it('rejects a NIP of the wrong length and a bad REGON', () => {
    const sut = validateRow({ Firma: 'Klimatech', NIP: '52610408', REGON: '012100785' });
    expect(sut.status).toBe('rejected');
    expect(sut.status === 'rejected' && sut.errors.map(({ column, rule }) => ({ column, rule }))).toEqual([
      { column: 'NIP', rule: 'format' },
      { column: 'REGON', rule: 'checksum' },
    ]);
  });

  it('reads an all-zeros NIP as "no NIP" and only warns', () => {
    const sut = accepted(validateRow({ Firma: 'Klimatech', NIP: '000-000-00-00' }));
    expect(sut.draft.customer.nip).toBeNull();
    expect(sut.warnings).toMatchObject([{ column: 'NIP', field: 'nip', rule: 'placeholder' }]);
  });

  it('rejects a row with no company and no person name, whatever else it has', () => {
    const sut = validateRow({ Telefon: '600 100 200', Miasto: 'Kraków' });
    expect(sut).toMatchObject({ status: 'rejected', errors: [{ column: 'Firma', field: 'companyName', rule: 'required' }] });
  });

  it('rejects a person customer with only a first name, naming the empty last-name column', () => {
    const sut = validateRow({ Imię: 'Jan', Telefon: '600 100 200' });
    expect(sut).toMatchObject({ status: 'rejected', errors: [{ column: 'Nazwisko', field: 'lastName', rule: 'required' }] });
  });

  it('keeps a company and the person working there as customer and contact', () => {
    const sut = accepted(
      validateRow({ Firma: 'Chłodnictwo Żółć', Imię: 'Łukasz', Nazwisko: 'Wójcik', Stanowisko: 'Serwisant', 'E-mail': 'Lukasz@ZOLC.pl', Telefon: '+48 600 100 200', 'Telefon 2': '(22) 628 12 34' }),
    );
    expect(sut.draft.customer).toMatchObject({ kind: 'company', companyName: 'Chłodnictwo Żółć', firstName: null });
    expect(sut.draft.contact).toEqual({
      firstName: 'Łukasz',
      lastName: 'Wójcik',
      role: 'Serwisant',
      emails: [{ address: 'Lukasz@zolc.pl', column: 'E-mail' }],
      phones: [
        { number: '+48600100200', column: 'Telefon' },
        { number: '+48226281234', column: 'Telefon 2' },
      ],
    });
  });

  it('makes a person customer from names alone, and splits a full name at the last space', () => {
    expect(accepted(validateRow({ Imię: 'Zażółć', Nazwisko: 'Gęślą-Jaźń' })).draft.customer).toMatchObject({ kind: 'person', name: 'Zażółć Gęślą-Jaźń' });
    const split = accepted(validateRow({ Osoba: 'Anna Maria  Śliwińska' })).draft;
    expect(split.customer).toMatchObject({ kind: 'person', firstName: 'Anna Maria', lastName: 'Śliwińska' });
  });

  it('composes decomposed diacritics (macOS exports) so names equal their typed form', () => {
    const sut = accepted(validateRow({ Firma: 'Zak\u0142ad S\u0301lusarski'.normalize('NFD') }));
    expect(sut.draft.customer.name).toBe('Zakład Ślusarski');
  });

  it.each([
    ['+48 600 100 200', '+48600100200'],
    ['600-100-200', '+48600100200'],
    ['(22) 628 12 34', '+48226281234'],
    ['022 628 12 34', '+48226281234'],
  ])('stores phone %j as %s', (typed, e164) => {
    expect(accepted(validateRow({ Firma: 'X', Telefon: typed })).draft.contact?.phones).toEqual([{ number: e164, column: 'Telefon' }]);
  });

  it('keeps the row when one phone of several is bad, warning about that column and leaving the number out', () => {
    const sut = accepted(validateRow({ Firma: 'Klimatech', Telefon: '600-100-200', 'Telefon 2': '12 34' }));
    expect(sut.draft.contact?.phones).toEqual([{ number: '+48600100200', column: 'Telefon' }]);
    expect(sut.warnings).toEqual([{ column: 'Telefon 2', field: 'phone', rule: 'format', message: 'Phone number is not valid: "12 34"; left out' }]);
  });

  it('warns about a bad e-mail and keeps one copy of an address given twice', () => {
    const sut = accepted(validateRow({ Firma: 'Klimatech', 'E-mail': 'biuro@klimatech.pl', 'E-mail 2': 'BIURO@klimatech.pl' }));
    expect(sut.draft.contact?.emails).toEqual([{ address: 'biuro@klimatech.pl', column: 'E-mail' }]);
    const badEmail = accepted(validateRow({ Firma: 'Klimatech', 'E-mail': 'biuro(at)klimatech.pl' }));
    expect(badEmail.warnings).toMatchObject([{ column: 'E-mail', field: 'email', rule: 'format' }]);
    // Contact points with no person name make a nameless contact, left for the writer to name.
    expect(badEmail.draft.contact).toBeNull();
    expect(sut.draft.contact).toMatchObject({ firstName: null, lastName: null });
  });

  it.each(['00950', '00-950', '00 950'])('stores postal code %j as 00-950 on a site', (postalCode) => {
    const sut = accepted(validateRow({ Firma: 'X', Ulica: 'ul. Marszałkowska', Budynek: '10', Lokal: '5', 'Kod pocztowy': postalCode, Miasto: 'Warszawa' }));
    expect(sut.draft.site).toEqual({ street: 'ul. Marszałkowska', building: '10', flat: '5', postalCode: '00-950', city: 'Warszawa' });
  });

  it('keeps the customer without a site when the address is incomplete, foreign or has a bad postal code', () => {
    const bad = accepted(validateRow({ Firma: 'X', Ulica: 'Prosta 1', 'Kod pocztowy': '0095', Miasto: 'Warszawa' }));
    expect(bad.draft.site).toBeNull();
    expect(bad.draft.city).toBe('Warszawa');
    expect(bad.warnings).toMatchObject([{ column: 'Kod pocztowy', field: 'postalCode', rule: 'format' }]);

    const incomplete = accepted(validateRow({ Firma: 'X', Ulica: 'Prosta 1', Miasto: 'Warszawa' }));
    expect(incomplete.warnings).toMatchObject([{ column: 'Ulica', field: 'postalCode', rule: 'incomplete' }]);

    const foreign = accepted(validateRow({ Firma: 'X', Ulica: 'Hauptstraße 1', 'Kod pocztowy': '10115', Miasto: 'Berlin', Kraj: 'Niemcy' }));
    expect(foreign.warnings).toMatchObject([{ column: 'Kraj', rule: 'foreign-address' }]);
    expect(accepted(validateRow({ Firma: 'X', Ulica: 'Prosta 1', 'Kod pocztowy': '00-850', Miasto: 'Warszawa', Kraj: 'Polska' })).draft.site).not.toBeNull();
  });

  it('does not make a site from a city alone, and does not warn about it', () => {
    const sut = accepted(validateRow({ Firma: 'X', Miasto: 'Gdańsk' }));
    expect(sut.draft).toMatchObject({ site: null, city: 'Gdańsk' });
    expect(sut.warnings).toEqual([]);
  });

  it('rejects a company name longer than the CRM stores', () => {
    expect(validateRow({ Firma: 'x'.repeat(301) })).toMatchObject({ status: 'rejected', errors: [{ column: 'Firma', rule: 'too-long' }] });
  });
});
