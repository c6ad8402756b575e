import { describe, expect, it } from 'vitest';
import {
  emailSearchKey,
  exactSearchKeys,
  looksLikeEmail,
  looksLikeNip,
  looksLikePhone,
  normaliseEmail,
  normalisePhone,
  phoneSearchKey,
} from './contact-points.ts';

describe('normalisePhone', () => {
  it('reads a Polish mobile number without a country code as +48 and says it is a mobile', () => {
    expect(normalisePhone('600 100 200')).toEqual({ ok: true, e164: '+48600100200', type: 'MOBILE' });
  });

  it('keeps a foreign number in its own country', () => {
    expect(normalisePhone('+49 30 1234567')).toEqual({ ok: true, e164: '+49301234567', type: 'FIXED_LINE' });
  });

  it.each(['0048 22 123 45 67', '(22) 123-45-67', '+48 22 123 45 67', '+48221234567', '22 123 45 67', ' 22.123.45.67 ', '22/123 45 67'])(
    'reads %j as the Warsaw landline +48221234567',
    (input) => {
      expect(normalisePhone(input)).toMatchObject({ ok: true, e164: '+48221234567', type: 'FIXED_LINE' });
    },
  );

  it.each(['022 123 45 67', '0-22-123-45-67', '+48 (0) 22 123 45 67'])('drops the old Polish trunk 0 from %j', (input) => {
    expect(normalisePhone(input)).toMatchObject({ ok: true, e164: '+48221234567' });
  });

  it('reads a mobile written with the old trunk 0', () => {
    expect(normalisePhone('0 600 100 200')).toMatchObject({ ok: true, e164: '+48600100200' });
  });

  it('keeps an extension apart from the E.164 number', () => {
    expect(normalisePhone('+48 22 123 45 67 ext. 12')).toEqual({ ok: true, e164: '+48221234567', type: 'FIXED_LINE', extension: '12' });
    expect(normalisePhone('022 123 45 67 ext. 5')).toMatchObject({ ok: true, e164: '+48221234567', extension: '5' });
  });

  it('reads a national number in the default region it is given', () => {
    expect(normalisePhone('030 1234567', 'DE')).toMatchObject({ ok: true, e164: '+49301234567' });
  });

  it.each([
    '123',
    '',
    '   ',
    'abc',
    '600 100 20',
    '+48 601 234 5678',
    '000 000 000',
    '+48 000 000 000',
    '++48600100200',
    'call 600 100 200',
    '600 100 200 abc',
    '22 123 45 67 wew. 12',
    '1234563218',
  ])('refuses %j', (input) => {
    expect(normalisePhone(input)).toEqual({ ok: false, rule: 'format', message: 'Phone number is not valid' });
  });
});

describe('phoneSearchKey', () => {
  it('gives one key for the same number typed in different ways', () => {
    const keys = ['600100200', '600 100 200', '600-100-200', '+48 600 100 200', '0048600100200', '48600100200'].map((input) => phoneSearchKey(input));
    expect(new Set(keys)).toEqual(new Set(['+48600100200']));
  });

  it('gives no key for text that is not a phone number', () => {
    expect(phoneSearchKey('Kowalski')).toBeNull();
    expect(phoneSearchKey('123')).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain but keeps the local part as typed', () => {
    expect(normaliseEmail('  Jan.Kowalski@Firma.PL ')).toEqual({ ok: true, address: 'Jan.Kowalski@firma.pl' });
  });

  it.each(['biuro+serwis@klima-tech.com.pl', 'o\u2019brien@example.ie', 'zażółć@gęślą-jaźń.pl', 'a@b.co'])('accepts %j', (input) => {
    expect(normaliseEmail(input)).toEqual({ ok: true, address: input });
  });

  it.each([
    ['', 'E-mail address is empty'],
    ['jan kowalski@firma.pl', 'E-mail address cannot contain spaces'],
    ['jan@firma .pl', 'E-mail address cannot contain spaces'],
    ['jan', 'E-mail address must contain exactly one @'],
    ['jan@@firma.pl', 'E-mail address must contain exactly one @'],
    ['jan@fir@ma.pl', 'E-mail address must contain exactly one @'],
    ['@firma.pl', 'E-mail address has an invalid part before the @'],
    ['.jan@firma.pl', 'E-mail address has an invalid part before the @'],
    ['jan.@firma.pl', 'E-mail address has an invalid part before the @'],
    ['ja..n@firma.pl', 'E-mail address has an invalid part before the @'],
    ['mailto:jan@firma.pl', 'E-mail address has an invalid part before the @'],
    ['<jan@firma.pl>', 'E-mail address has an invalid part before the @'],
    ['jan@', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@firma', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@firma.pl.', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@firma..pl', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@-firma.pl', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@firma_serwis.pl', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@firma.p', 'E-mail address must end in a domain such as firma.pl'],
    ['jan@10.0.0.1', 'E-mail address must end in a domain such as firma.pl'],
  ])('refuses %j', (input, message) => {
    expect(normaliseEmail(input)).toEqual({ ok: false, rule: 'format', message });
  });

  it('accepts up to 64 characters before the @ and 254 in all', () => {
    const local64 = 'a'.repeat(64);
    const domain189 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.pl`;
    expect(`${local64}@${domain189}`).toHaveLength(254);
    expect(normaliseEmail(`${local64}@${domain189}`).ok).toBe(true);
    expect(normaliseEmail(`${local64}a@firma.pl`).ok).toBe(false);
    expect(normaliseEmail(`${local64}@${domain189.replace('.pl', 'd.pl')}`)).toMatchObject({ ok: false, message: 'E-mail address is too long' });
    expect(normaliseEmail(`jan@${'b'.repeat(64)}.pl`).ok).toBe(false);
  });

  it('counts the length limit in UTF-8 bytes, where Polish letters take two', () => {
    expect(normaliseEmail(`${'ż'.repeat(32)}@firma.pl`).ok).toBe(true);
    expect(normaliseEmail(`${'ż'.repeat(33)}@firma.pl`).ok).toBe(false);
  });
});

describe('emailSearchKey', () => {
  it('compares addresses case-insensitively', () => {
    expect(emailSearchKey(' Jan.Kowalski@Firma.PL')).toBe('jan.kowalski@firma.pl');
    expect(emailSearchKey('JAN.KOWALSKI@firma.pl')).toBe(emailSearchKey('jan.kowalski@FIRMA.pl'));
  });

  it('gives no key for text that is not an address', () => {
    expect(emailSearchKey('Kowalski')).toBeNull();
    expect(emailSearchKey('jan@')).toBeNull();
  });
});

describe('search query classification', () => {
  it('treats a dashed NIP as a NIP only', () => {
    expect(looksLikeNip('123-456-32-18')).toBe(true);
    expect(looksLikePhone('123-456-32-18')).toBe(false);
    expect(looksLikeEmail('123-456-32-18')).toBe(false);
    expect(exactSearchKeys('123-456-32-18')).toEqual({ phone: null, email: null, nip: '1234563218' });
  });

  it('treats a Polish mobile number as a phone only', () => {
    expect(looksLikePhone('600100200')).toBe(true);
    expect(looksLikeNip('600100200')).toBe(false);
    expect(exactSearchKeys('600100200')).toEqual({ phone: '+48600100200', email: null, nip: null });
  });

  it('treats an address as an e-mail only', () => {
    expect(looksLikeEmail('Jan@Firma.pl')).toBe(true);
    expect(exactSearchKeys('Jan@Firma.pl')).toEqual({ phone: null, email: 'jan@firma.pl', nip: null });
  });

  it('does not run a NIP lookup for a NIP with a wrong checksum', () => {
    expect(looksLikeNip('123-456-32-19')).toBe(false);
  });

  // libphonenumber reads a leading 48 as the country code, so this valid NIP is also the valid
  // Polish pager number +48 64 017 10 5.
  it('returns both keys when a valid NIP is also a valid phone number', () => {
    expect(exactSearchKeys('4864017105')).toEqual({ phone: '+4864017105', email: null, nip: '4864017105' });
  });

  it('returns both keys for a German landline that happens to be a valid NIP', () => {
    expect(looksLikeNip('0301234566')).toBe(true);
    expect(looksLikePhone('0301234566', 'DE')).toBe(true);
    expect(exactSearchKeys('0301234566', 'DE')).toEqual({ phone: '+49301234566', email: null, nip: '0301234566' });
  });

  it('finds nothing exact in a name', () => {
    expect(exactSearchKeys('Kowalski')).toEqual({ phone: null, email: null, nip: null });
  });
});
