import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.ts';
import { draftKeys, foldForKey, InFileDeduplicator } from './dedup-keys.ts';
import { recogniseHeader } from './presets.ts';
import { compileMapping, mappingFromColumns, mapTableRow } from './row-mapping.ts';
import { validateDraft, type ImportDraft } from './row-validation.ts';

function draftOf(rowNumber: number, cells: Record<string, string>): ImportDraft {
  const header = Object.keys(cells);
  const mapping = compileMapping(
    mappingFromColumns(header, { Firma: 'companyName', NIP: 'nip', Imię: 'firstName', Nazwisko: 'lastName', 'E-mail': 'email', Telefon: 'phone', Miasto: 'city' }),
  );
  const verdict = validateDraft(mapTableRow(mapping, { rowNumber, line: rowNumber + 1 }, Object.values(cells)));
  if (verdict.status !== 'accepted') throw new Error(JSON.stringify(verdict.errors));
  return verdict.draft;
}

describe('foldForKey', () => {
  it('folds case, Polish diacritics (ł included) and punctuation, and keeps legal forms', () => {
    expect(foldForKey('Chłodnictwo ŻÓŁĆ Sp. z o.o.')).toBe('chlodnictwo zolc sp z o o');
    expect(foldForKey('  chlodnictwo-zolc  SP Z O O ')).toBe('chlodnictwo zolc sp z o o');
    expect(foldForKey('Łódź')).toBe(foldForKey('LODZ'));
    expect(foldForKey('Kowalski s.c.')).not.toBe(foldForKey('Kowalski sp. z o.o.'));
  });
});

describe('draftKeys', () => {
  it('gives NIP, lower-cased e-mails, E.164 phones and a company name + city key', () => {
    const draft = draftOf(1, { Firma: 'Klimat Śląsk', NIP: 'PL5261040828', 'E-mail': 'Biuro@Klimat.pl', Telefon: '600-100-200', Miasto: 'Bielsko-Biała' });
    expect(draftKeys(draft)).toEqual([
      { kind: 'nip', value: '5261040828' },
      { kind: 'email', value: 'biuro@klimat.pl' },
      { kind: 'phone', value: '+48600100200' },
      { kind: 'nameCity', value: 'klimat slask|bielsko biala' },
    ]);
  });

  it('gives a person no name + city key', () => {
    const draft = draftOf(1, { Imię: 'Jan', Nazwisko: 'Kowalski', Miasto: 'Warszawa' });
    expect(draftKeys(draft, ['nameCity'])).toEqual([]);
  });
});

describe('InFileDeduplicator', () => {
  it('tells which earlier row a row duplicates, by which key, comparing only the keys the user picked', () => {
    const sut = new InFileDeduplicator(['nip', 'phone']);
    const first = draftOf(1, { Firma: 'Klimatech', NIP: '526-104-08-28', 'E-mail': 'a@k.pl', Telefon: '+48 600 100 200', Miasto: 'Łódź' });
    const samePhone = draftOf(2, { Firma: 'Inna', NIP: '', 'E-mail': 'a@k.pl', Telefon: '600100200', Miasto: 'Łódź' });
    const sameNip = draftOf(3, { Firma: 'KLIMATECH', NIP: 'PL5261040828', 'E-mail': 'b@k.pl', Telefon: '(22) 628 12 34', Miasto: 'Lodz' });
    const samePhoneAsThird = draftOf(4, { Firma: 'Czwarta', NIP: '', 'E-mail': '', Telefon: '22 628 12 34', Miasto: '' });
    expect(sut.check(first).matches).toEqual([]);
    expect(sut.check(samePhone).matches).toEqual([{ kind: 'phone', value: '+48600100200', rowNumber: 1, line: 2 }]);
    expect(sut.check(sameNip).matches).toEqual([{ kind: 'nip', value: '5261040828', rowNumber: 1, line: 2 }]);
    // A duplicate's new keys are remembered, so a later row can match through it.
    expect(sut.check(samePhoneAsThird).matches).toEqual([{ kind: 'phone', value: '+48226281234', rowNumber: 3, line: 4 }]);
    expect(sut.keyCount).toBe(3);
  });

  it('matches a company by name and city across case and diacritics when that key is picked', () => {
    const sut = new InFileDeduplicator(['nameCity']);
    sut.check(draftOf(1, { Firma: 'Chłodnictwo Żółć', Miasto: 'Łódź' }));
    expect(sut.check(draftOf(2, { Firma: 'CHLODNICTWO ZOLC', Miasto: 'lodz' })).matches).toMatchObject([{ kind: 'nameCity', rowNumber: 1 }]);
    expect(sut.check(draftOf(3, { Firma: 'Chłodnictwo Żółć', Miasto: 'Kraków' })).matches).toEqual([]);
  });
});

describe('reader → mapping → validation → dedup', () => {
  const rows = 100_000;

  it(`streams ${rows} generated rows in bounded memory`, { timeout: 180_000 }, async () => {
    const sut = await readCsv(generateCsv(rows));
    const dedup = new InFileDeduplicator(['nip', 'email', 'phone']);
    const counts = { accepted: 0, rejected: 0, warned: 0, duplicates: 0 };
    let firstDuplicate: unknown = null;
    const before = retainedHeap();
    const started = performance.now();
    let mapping = compileMapping([]);
    for await (const record of sut.records) {
      if (record.kind === 'header') {
        const recognised = recogniseHeader(record.cells);
        expect(recognised?.preset.id).toBe('pasja');
        // The user adds the column the preset does not know.
        mapping = compileMapping([...(recognised?.mapping ?? []), ...mappingFromColumns(record.cells, { phone2: 'phone' })]);
        continue;
      }
      if (record.kind !== 'row') throw new Error(record.message);
      const verdict = validateDraft(mapTableRow(mapping, { rowNumber: record.rowNumber, line: record.line }, record.cells));
      if (verdict.status === 'rejected') {
        counts.rejected += 1;
        continue;
      }
      counts.accepted += 1;
      if (verdict.warnings.length > 0) counts.warned += 1;
      const { matches } = dedup.check(verdict.draft);
      if (matches.length > 0) {
        counts.duplicates += 1;
        firstDuplicate ??= { row: record.rowNumber, matches };
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const growth = retainedHeap() - before;
    console.info(
      `pipeline: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s); ` +
        `${JSON.stringify(counts)}; dedup keys ${dedup.keyCount}; retained heap growth ${(growth / 2 ** 20).toFixed(1)} MiB ` +
        `(${Math.round(growth / dedup.keyCount)} B/key)`,
    );
    expect(counts).toEqual({ accepted: rows - 100, rejected: 100, warned: rows / 50 - 100, duplicates: rows / 20 - 100 });
    expect(firstDuplicate).toEqual({ row: 20, matches: [{ kind: 'email', value: 'biuro10@firma10.pl', rowNumber: 10, line: 11 }] });
    // Only the key map stays: ~3 keys per row; well under what holding the rows would take.
    expect(growth).toBeLessThan(64 * 2 ** 20);
    // The key map must still be alive at the measurement above.
    expect(dedup.keyCount).toBeGreaterThan(2 * rows);
  });
});

// Pasja's own export layout, semicolon-separated as Excel writes it in Poland. Row i has a unique
// NIP, e-mail and phone, except: every 20th row reuses the e-mail of row i-10 (a duplicate), every
// 50th has an unparseable second phone (a warning), every 1000th a wrong NIP checksum (rejected).
async function* generateCsv(rows: number): AsyncGenerator<Uint8Array> {
  yield Buffer.from('id;companyName;nip;firstName;lastName;email;phone;phone2;street;postalCode;city;notes\r\n');
  const cities = ['Łódź', 'Kraków', 'Gdańsk', 'Wrocław', 'Poznań', 'Białystok', 'Zielona Góra'];
  let chunk: string[] = [];
  for (let i = 1; i <= rows; i += 1) {
    const nip = nipFor(i, i % 1000 === 0);
    const email = i % 20 === 0 ? `biuro${i - 10}@firma${i - 10}.pl` : `biuro${i}@firma${i}.pl`;
    const phone2 = i % 50 === 0 ? '12 34' : '';
    const city = cities[i % cities.length] ?? '';
    chunk.push(`${i};Chłodnictwo Żółć ${i} sp. z o.o.;${nip};Łukasz;Wójcik-Śliwa;${email};600 ${String(100000 + i).slice(0, 3)} ${String(100000 + i).slice(3)};${phone2};ul. Świętokrzyska ${i % 200};${String(i % 100).padStart(2, '0')}${String(100 + (i % 900)).padStart(3, '0')};${city};"uwagi, ""ważne"""\r\n`);
    if (chunk.length === 1000) {
      yield Buffer.from(chunk.join(''));
      chunk = [];
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk.join(''));
}

// A NIP with a valid check digit built from i (prefixes whose remainder is 10 take the next prefix),
// written with dashes; with broken: true the check digit is off by one.
function nipFor(i: number, broken: boolean): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  // Consecutive prefixes differ by 7 mod 11 in their sum, so one of three has a usable remainder.
  for (let offset = 0; offset < 3; offset += 1) {
    const digits = String(100_000_000 + i * 3 + offset);
    const check = weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11;
    if (check === 10) continue;
    const nip = `${digits}${broken ? (check + 1) % 10 : check}`;
    return `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
  }
  throw new Error(`no NIP for ${i}`);
}

function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed;
}
