import type { Role } from './api.ts';

// All user-facing text lives here. Polish is the source language; every locale must provide
// every key (the Dictionary type makes a missing or misspelled key a compile error), and plural
// messages must provide every form their language's Intl.PluralRules can select.

export const locales = ['pl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pl';

// Polish needs one (1), few (2–4, 22–24…), many (0, 5–21…) and other (fractions).
export interface PolishPlural {
  one: string;
  few: string;
  many: string;
  other: string;
}

export interface EnglishPlural {
  one: string;
  other: string;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

interface Dictionary<P extends PluralForms> {
  'app.name': string;
  'app.tagline': string;
  'app.loading': string;
  'app.loadFailed': string;
  'app.retry': string;
  'app.networkError': string;
  'app.unexpectedError': string;
  'app.notFound.title': string;
  'app.notFound.body': string;
  'app.notFound.back': string;
  'app.skipToContent': string;
  'app.dismiss': string;
  'nav.label': string;
  'nav.users': string;
  'topbar.tenant': string;
  'topbar.switchTenant': string;
  'topbar.language': string;
  'topbar.logout': string;
  'topbar.loggingOut': string;
  'language.pl': string;
  'language.en': string;
  'login.title': string;
  'login.subtitle': string;
  'login.email': string;
  'login.password': string;
  'login.submit': string;
  'login.submitting': string;
  'login.failed': string;
  'users.title': string;
  'users.subtitle': string;
  'users.count': P;
  'users.empty': string;
  'users.col.name': string;
  'users.col.email': string;
  'users.col.role': string;
  'users.col.joined': string;
  'users.you': string;
  'invite.title': string;
  'invite.subtitle': string;
  'invite.email': string;
  'invite.role': string;
  'invite.submit': string;
  'invite.submitting': string;
  'invite.created': string;
  'invite.link': string;
  'invite.token': string;
  'invite.expires': string;
  'invite.onceWarning': string;
  'invite.copy': string;
  'invite.copied': string;
  'accept.title': string;
  'accept.subtitle': string;
  'accept.name': string;
  'accept.password': string;
  'accept.submit': string;
  'accept.submitting': string;
  'accept.passwordHint': string;
  'accept.missingToken': string;
  'accept.toLogin': string;
  'validation.required': string;
  'validation.email': string;
  'validation.format': string;
  'validation.tooShort': string;
  'validation.tooLong': string;
  'role.owner': string;
  'role.admin': string;
  'role.dispatcher': string;
  'role.technician': string;
  'role.viewer': string;
}

// Keys whose value is a plain string (usable with t) and keys holding plural forms (usable with plural).
export type MessageKey = {
  [K in keyof Dictionary<PluralForms>]: Dictionary<PluralForms>[K] extends string ? K : never;
}[keyof Dictionary<PluralForms>];
export type PluralKey = Exclude<keyof Dictionary<PluralForms>, MessageKey>;

const pl: Dictionary<PolishPlural> = {
  'app.name': 'Pasja',
  'app.tagline': 'CRM dla serwisu klimatyzacji i wentylacji',
  'app.loading': 'Ładowanie…',
  'app.loadFailed': 'Nie udało się wczytać danych.',
  'app.retry': 'Spróbuj ponownie',
  'app.networkError': 'Brak połączenia z serwerem. Sprawdź sieć i spróbuj ponownie.',
  'app.unexpectedError': 'Wystąpił nieoczekiwany błąd.',
  'app.notFound.title': 'Nie znaleziono strony',
  'app.notFound.body': 'Ta strona nie istnieje albo została przeniesiona.',
  'app.notFound.back': 'Przejdź do listy użytkowników',
  'app.skipToContent': 'Przejdź do treści',
  'app.dismiss': 'Zamknij',
  'nav.label': 'Nawigacja główna',
  'nav.users': 'Użytkownicy',
  'topbar.tenant': 'Firma',
  'topbar.switchTenant': 'Zmień firmę',
  'topbar.language': 'Język',
  'topbar.logout': 'Wyloguj',
  'topbar.loggingOut': 'Wylogowywanie…',
  'language.pl': 'Polski',
  'language.en': 'English',
  'login.title': 'Zaloguj się',
  'login.subtitle': 'Wpisz adres e-mail i hasło do swojego konta.',
  'login.email': 'Adres e-mail',
  'login.password': 'Hasło',
  'login.submit': 'Zaloguj się',
  'login.submitting': 'Logowanie…',
  'login.failed': 'Nie udało się zalogować.',
  'users.title': 'Użytkownicy',
  'users.subtitle': 'Osoby z dostępem do tej firmy i ich role.',
  'users.count': {
    one: '{count} użytkownik',
    few: '{count} użytkowników',
    many: '{count} użytkowników',
    other: '{count} użytkownika',
  },
  'users.empty': 'Ta firma nie ma jeszcze użytkowników.',
  'users.col.name': 'Imię i nazwisko',
  'users.col.email': 'E-mail',
  'users.col.role': 'Rola',
  'users.col.joined': 'Dołączył(a)',
  'users.you': 'Ty',
  'invite.title': 'Zaproś użytkownika',
  'invite.subtitle': 'Zaproszona osoba ustawi swoje imię i hasło przez link z zaproszenia.',
  'invite.email': 'Adres e-mail',
  'invite.role': 'Rola',
  'invite.submit': 'Wyślij zaproszenie',
  'invite.submitting': 'Tworzenie zaproszenia…',
  'invite.created': 'Zaproszenie dla {email} ({role}) zostało utworzone.',
  'invite.link': 'Link do zaproszenia',
  'invite.token': 'Token',
  'invite.expires': 'Ważne do {date}',
  'invite.onceWarning': 'Link jest pokazywany tylko raz — skopiuj go i przekaż zaproszonej osobie.',
  'invite.copy': 'Kopiuj link',
  'invite.copied': 'Skopiowano',
  'accept.title': 'Przyjmij zaproszenie',
  'accept.subtitle': 'Podaj swoje imię i nazwisko oraz ustaw hasło, aby dołączyć do firmy.',
  'accept.name': 'Imię i nazwisko',
  'accept.password': 'Hasło',
  'accept.submit': 'Dołącz',
  'accept.submitting': 'Dołączanie…',
  'accept.passwordHint': 'Co najmniej 10 znaków.',
  'accept.missingToken': 'Link z zaproszenia jest niekompletny — brakuje tokenu.',
  'accept.toLogin': 'Masz już konto? Zaloguj się',
  'validation.required': 'To pole jest wymagane.',
  'validation.email': 'Podaj poprawny adres e-mail.',
  'validation.format': 'Nieprawidłowy format.',
  'validation.tooShort': 'Za mało znaków.',
  'validation.tooLong': 'Za dużo znaków.',
  'role.owner': 'Właściciel',
  'role.admin': 'Administrator',
  'role.dispatcher': 'Dyspozytor',
  'role.technician': 'Technik',
  'role.viewer': 'Podgląd',
};

const en: Dictionary<EnglishPlural> = {
  'app.name': 'Pasja',
  'app.tagline': 'CRM for HVAC service companies',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load the data.',
  'app.retry': 'Try again',
  'app.networkError': 'Cannot reach the server. Check your connection and try again.',
  'app.unexpectedError': 'Something went wrong.',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'This page does not exist or has moved.',
  'app.notFound.back': 'Go to users',
  'app.skipToContent': 'Skip to content',
  'app.dismiss': 'Dismiss',
  'nav.label': 'Main navigation',
  'nav.users': 'Users',
  'topbar.tenant': 'Company',
  'topbar.switchTenant': 'Switch company',
  'topbar.language': 'Language',
  'topbar.logout': 'Log out',
  'topbar.loggingOut': 'Logging out…',
  'language.pl': 'Polski',
  'language.en': 'English',
  'login.title': 'Sign in',
  'login.subtitle': 'Enter the e-mail address and password of your account.',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Could not sign in.',
  'users.title': 'Users',
  'users.subtitle': 'People with access to this company and their roles.',
  'users.count': { one: '{count} user', other: '{count} users' },
  'users.empty': 'This company has no users yet.',
  'users.col.name': 'Name',
  'users.col.email': 'E-mail',
  'users.col.role': 'Role',
  'users.col.joined': 'Joined',
  'users.you': 'You',
  'invite.title': 'Invite a user',
  'invite.subtitle': 'The invited person sets their name and password through the invitation link.',
  'invite.email': 'E-mail address',
  'invite.role': 'Role',
  'invite.submit': 'Send invitation',
  'invite.submitting': 'Creating invitation…',
  'invite.created': 'Invitation for {email} ({role}) created.',
  'invite.link': 'Invitation link',
  'invite.token': 'Token',
  'invite.expires': 'Valid until {date}',
  'invite.onceWarning': 'This link is shown only once — copy it and pass it to the invited person.',
  'invite.copy': 'Copy link',
  'invite.copied': 'Copied',
  'accept.title': 'Accept invitation',
  'accept.subtitle': 'Enter your name and choose a password to join the company.',
  'accept.name': 'Full name',
  'accept.password': 'Password',
  'accept.submit': 'Join',
  'accept.submitting': 'Joining…',
  'accept.passwordHint': 'At least 10 characters.',
  'accept.missingToken': 'The invitation link is incomplete — the token is missing.',
  'accept.toLogin': 'Already have an account? Sign in',
  'validation.required': 'This field is required.',
  'validation.email': 'Enter a valid e-mail address.',
  'validation.format': 'The format is not valid.',
  'validation.tooShort': 'Too few characters.',
  'validation.tooLong': 'Too many characters.',
  'role.owner': 'Owner',
  'role.admin': 'Administrator',
  'role.dispatcher': 'Dispatcher',
  'role.technician': 'Technician',
  'role.viewer': 'Viewer',
};

const dictionaries: { [L in Locale]: Dictionary<PluralForms> } = { pl, en };

// BCP 47 tags for Intl: Polish dates as in Poland; English with day-first dates, which Polish
// offices read without confusion.
const intlTags: { [L in Locale]: string } = { pl: 'pl-PL', en: 'en-GB' };

export const businessTimeZone = 'Europe/Warsaw';

export type Params = Record<string, string | number>;

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match: string, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  plural(key: PluralKey, count: number, params?: Params): string;
  roleName(role: Role): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
}

export function createTranslator(locale: Locale): Translator {
  const dictionary = dictionaries[locale];
  const tag = intlTags[locale];
  const pluralRules = new Intl.PluralRules(tag);
  const numberFormat = new Intl.NumberFormat(tag);
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: businessTimeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: businessTimeZone,
  });

  const t = (key: MessageKey, params?: Params): string => interpolate(dictionary[key], params);

  return {
    locale,
    t,
    plural(key, count, params) {
      const forms = dictionary[key];
      const form = forms[pluralRules.select(count)] ?? forms.other;
      return interpolate(form, { ...params, count: numberFormat.format(count) });
    },
    roleName: (role) => t(`role.${role}`),
    formatDate: (iso) => formatOrRaw(dateFormat, iso),
    formatDateTime: (iso) => formatOrRaw(dateTimeFormat, iso),
  };
}

function formatOrRaw(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const storageKey = 'pasja.locale';

export function loadLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (privacy mode); the default language still works.
  }
  return defaultLocale;
}

export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisting the choice is acceptable; the switch still applies to this page.
  }
}
