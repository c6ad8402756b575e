import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from '../crm/contact-points.ts';
import { bytesOf, collect, hasSharedData, sharedDataDir } from './fixtures.testing.ts';
import { readVcards } from './vcard-reader.ts';

const vcardDir = join(sharedDataDir, 'vcard');

describe('readVcards', () => {
  it('reads vCard 2.1 quoted-printable values and bare types, and reports a card left open', async () => {
    const file = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kowalski;=C5=81ukasz\r\nFN;ENCODING=QUOTED-PRINTABLE:=C5=81ukasz =\r\nKowalski\r\nTEL;WORK;VOICE:22 123 45 67\r\nEMAIL;INTERNET:lk@firma.pl\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bez końca\r\n';
    const records = await collect(readVcards(bytesOf(file)));
    expect(records[0]).toMatchObject({
      kind: 'card',
      contact: { formattedName: 'Łukasz Kowalski', givenName: 'Łukasz', familyName: 'Kowalski', phones: [{ value: '22 123 45 67', types: ['work', 'voice'] }], emails: [{ value: 'lk@firma.pl', types: ['internet'] }] },
    });
    expect(records[1]).toMatchObject({ kind: 'problem', index: 2, line: 9, reason: 'unterminated' });
  });

  // Without ../shared/data these skip, and their titles say what they need.
  it.skipIf(!hasSharedData)('reads every fixture card of ../shared/data/vcard or reports it, without throwing', async () => {
    for (const folder of ['ical.js', 'khard', 'radicale']) {
      for (const file of readdirSync(join(vcardDir, folder)).filter((name) => name.endsWith('.vcf'))) {
        const records = await collect(readVcards(createReadStream(join(vcardDir, folder, file))));
        expect(records.length, `${folder}/${file}`).toBeGreaterThan(0);
      }
    }
  });

  it.skipIf(!hasSharedData)('stores the same name, e-mails and phones as ical.js expects for its fixtures in ../shared/data/vcard', async () => {
    const folder = join(vcardDir, 'ical.js');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.vcf'))) {
      const expected = JSON.parse(readFileSync(join(folder, file.replace(/\.vcf$/, '.json')), 'utf8')) as [string, Array<[string, Record<string, unknown>, string, ...unknown[]]>];
      const properties = expected[1];
      const [card] = await collect(readVcards(createReadStream(join(folder, file))));
      const fn = properties.find((property) => property[0] === 'fn');
      if (!fn) {
        expect(card, file).toMatchObject({ kind: 'problem', reason: 'no-name' });
        continue;
      }
      expect(card?.kind, file).toBe('card');
      if (card?.kind !== 'card') continue;
      expect(card.contact.formattedName, file).toBe(String(fn[3]));
      const values = (name: string) => properties.filter((property) => property[0] === name).map((property) => String(property[3]).replace(/^tel:/i, ''));
      expect(card.contact.emails.map((email) => normaliseEmail(email.value)), file).toEqual(values('email').map((value) => normaliseEmail(value)));
      expect(card.contact.phones.map((phone) => normalisePhone(phone.value)), file).toEqual(values('tel').map((value) => normalisePhone(value)));
    }
  });
});
