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
  'nav.customers': string;
  'nav.regions': string;
  'common.cancel': string;
  'common.saving': string;
  'common.remove': string;
  'common.optional': string;
  'common.loadMore': string;
  'common.loadingMore': string;
  'common.fixErrors': string;
  'common.yes': string;
  'common.no': string;
  'record.edit': string;
  'record.editNamed': string;
  'record.delete': string;
  'record.deleteNamed': string;
  'record.deleting': string;
  'record.saveChanges': string;
  'record.conflict': string;
  'record.conflictHint': string;
  'record.reload': string;
  'time.justNow': string;
  'search.label': string;
  'search.placeholder': string;
  'search.searching': string;
  'search.noResults': string;
  'search.group.customer': string;
  'search.group.contact': string;
  'search.group.site': string;
  'search.field.name': string;
  'search.field.nip': string;
  'search.field.regon': string;
  'search.field.krs': string;
  'search.field.pesel': string;
  'search.field.phone': string;
  'search.field.email': string;
  'search.field.address': string;
  'search.field.city': string;
  'search.field.postalCode': string;
  'search.field.tag': string;
  'search.field.contact': string;
  'search.field.role': string;
  'search.field.label': string;
  'kind.company': string;
  'kind.person': string;
  'status.lead': string;
  'status.active': string;
  'status.inactive': string;
  'customers.title': string;
  'customers.subtitle': string;
  'customers.count': P;
  'customers.new': string;
  'customers.searchLabel': string;
  'customers.searchPlaceholder': string;
  'customers.filter.status': string;
  'customers.filter.kind': string;
  'customers.filter.tag': string;
  'customers.filter.tagPlaceholder': string;
  'customers.filter.all': string;
  'customers.filter.allKinds': string;
  'customers.filter.clear': string;
  'customers.sort': string;
  'customers.sort.nameAsc': string;
  'customers.sort.nameDesc': string;
  'customers.sort.newest': string;
  'customers.sort.oldest': string;
  'customers.sort.updated': string;
  'customers.col.name': string;
  'customers.col.nip': string;
  'customers.col.contact': string;
  'customers.col.city': string;
  'customers.col.status': string;
  'customers.col.tags': string;
  'customers.empty': string;
  'customers.noMatches': string;
  'customers.shown': string;
  'customerForm.newTitle': string;
  'customerForm.editTitle': string;
  'customerForm.kind': string;
  'customerForm.companyName': string;
  'customerForm.nip': string;
  'customerForm.nipHint': string;
  'customerForm.regon': string;
  'customerForm.firstName': string;
  'customerForm.lastName': string;
  'customerForm.status': string;
  'customerForm.tags': string;
  'customerForm.tagsHint': string;
  'customerForm.customFields': string;
  'customFields.none': string;
  'customFields.numberHint': string;
  'customerForm.create': string;
  'customerForm.creating': string;
  'customerForm.save': string;
  'customer.back': string;
  'customer.nip': string;
  'customer.regon': string;
  'customer.since': string;
  'customer.saved': string;
  'customer.notFound': string;
  'customer.deleted': string;
  'customer.delete': string;
  'customer.deleteQuestion': string;
  'customer.restore': string;
  'customer.restoring': string;
  'customer.restored': string;
  'customer.tab.timeline': string;
  'customer.tab.contacts': string;
  'customer.tab.sites': string;
  'customer.sections': string;
  'contacts.title': string;
  'contacts.add': string;
  'contacts.empty': string;
  'contacts.primary': string;
  'contacts.firstName': string;
  'contacts.lastName': string;
  'contacts.role': string;
  'contacts.rolePlaceholder': string;
  'contacts.phone': string;
  'contacts.email': string;
  'contacts.entryLabel': string;
  'contacts.phoneLabelPlaceholder': string;
  'contacts.emailLabelPlaceholder': string;
  'contacts.addPhone': string;
  'contacts.addEmail': string;
  'contacts.consents': string;
  'contacts.consentEmail': string;
  'contacts.consentSms': string;
  'contacts.consentEmailShort': string;
  'contacts.consentSmsShort': string;
  'contacts.consentSince': string;
  'contacts.save': string;
  'contacts.added': string;
  'contacts.editTitle': string;
  'contacts.saved': string;
  'contacts.delete': string;
  'contacts.deleteQuestion': string;
  'contacts.deleted': string;
  'sites.title': string;
  'sites.add': string;
  'sites.empty': string;
  'sites.label': string;
  'sites.labelPlaceholder': string;
  'sites.street': string;
  'sites.building': string;
  'sites.flat': string;
  'sites.postalCode': string;
  'sites.city': string;
  'sites.accessNotes': string;
  'sites.accessNotesPlaceholder': string;
  'sites.coordinates': string;
  'sites.coordinatesHint': string;
  'sites.useMyLocation': string;
  'sites.locating': string;
  'sites.locationFailed': string;
  'sites.region': string;
  'sites.noRegion': string;
  'sites.navigate': string;
  'sites.save': string;
  'sites.added': string;
  'sites.editTitle': string;
  'sites.saved': string;
  'sites.inRegion': string;
  'sites.outsideRegions': string;
  'sites.delete': string;
  'sites.deleteQuestion': string;
  'sites.deleted': string;
  'timeline.title': string;
  'timeline.filters': string;
  'timeline.filter.all': string;
  'timeline.filter.note': string;
  'timeline.filter.interaction': string;
  'timeline.filter.reminder': string;
  'timeline.filter.audit': string;
  'timeline.empty': string;
  'timeline.emptyFiltered': string;
  'timeline.loadMore': string;
  'timeline.system': string;
  'timeline.note.edit': string;
  'timeline.note.saved': string;
  'timeline.note.delete': string;
  'timeline.note.deleteQuestion': string;
  'timeline.note.deleted': string;
  'timeline.interaction.edit': string;
  'timeline.interaction.saved': string;
  'timeline.interaction.delete': string;
  'timeline.interaction.deleteQuestion': string;
  'timeline.interaction.deleted': string;
  'timeline.reminder.edit': string;
  'timeline.reminder.saved': string;
  'timeline.reminder.delete': string;
  'timeline.reminder.deleteQuestion': string;
  'timeline.reminder.deleted': string;
  'composer.label': string;
  'composer.note': string;
  'composer.interaction': string;
  'composer.reminder': string;
  'composer.noteBody': string;
  'composer.notePlaceholder': string;
  'composer.addNote': string;
  'composer.kind': string;
  'composer.direction': string;
  'composer.noDirection': string;
  'composer.contact': string;
  'composer.noContact': string;
  'composer.removedContact': string;
  'composer.noAssignee': string;
  'composer.subject': string;
  'composer.outcome': string;
  'composer.outcomePlaceholder': string;
  'composer.occurredAt': string;
  'composer.warsawTime': string;
  'composer.logInteraction': string;
  'composer.reminderTitle': string;
  'composer.reminderPlaceholder': string;
  'composer.dueAt': string;
  'composer.assignee': string;
  'composer.recurrence': string;
  'composer.recurrence.none': string;
  'composer.recurrence.weekly': string;
  'composer.recurrence.monthly': string;
  'composer.recurrence.yearly': string;
  'composer.recurrence.custom': string;
  'composer.addReminder': string;
  'interaction.call': string;
  'interaction.email': string;
  'interaction.sms': string;
  'interaction.visit': string;
  'interaction.meeting': string;
  'direction.inbound': string;
  'direction.outbound': string;
  'reminder.due': string;
  'reminder.for': string;
  'reminder.overdue': string;
  'reminder.done': string;
  'reminder.doneAt': string;
  'reminder.recurring': string;
  'reminder.markDone': string;
  'reminder.markUndone': string;
  'regions.title': string;
  'regions.subtitle': string;
  'regions.count': P;
  'regions.sites': P;
  'regions.map': string;
  'regions.list': string;
  'regions.empty': string;
  'regions.emptyAdmin': string;
  'regions.import.open': string;
  'regions.import.title': string;
  'regions.import.subtitle': string;
  'regions.import.file': string;
  'regions.import.features': P;
  'regions.import.nameProperty': string;
  'regions.import.submit': string;
  'regions.import.submitting': string;
  'regions.import.result': string;
  'regions.import.invalidJson': string;
  'regions.import.notCollection': string;
  'regions.import.rejected': string;
  'regions.import.sitesResolved': P;
  'validation.checksum': string;
  'validation.nipChecksum': string;
  'validation.regonChecksum': string;
  'validation.unique': string;
  'validation.postalCode': string;
  'validation.phone': string;
  'validation.coordinates': string;
  'validation.number': string;
  'validation.choice': string;
  'audit.customer.created': string;
  'audit.customer.updated': string;
  'audit.customer.deleted': string;
  'audit.customer.restored': string;
  'audit.contact.created': string;
  'audit.contact.updated': string;
  'audit.contact.deleted': string;
  'audit.site.created': string;
  'audit.site.updated': string;
  'audit.site.deleted': string;
  'audit.changedFields': string;
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
  'app.notFound.back': 'Przejdź do listy klientów',
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
  'nav.customers': 'Klienci',
  'nav.regions': 'Rejony',
  'common.cancel': 'Anuluj',
  'common.saving': 'Zapisywanie…',
  'common.remove': 'Usuń',
  'common.optional': 'opcjonalnie',
  'common.loadMore': 'Wczytaj więcej',
  'common.loadingMore': 'Wczytywanie…',
  'common.fixErrors': 'Popraw zaznaczone pola.',
  'common.yes': 'Tak',
  'common.no': 'Nie',
  'record.edit': 'Edytuj',
  'record.editNamed': 'Edytuj: {name}',
  'record.delete': 'Usuń',
  'record.deleteNamed': 'Usuń: {name}',
  'record.deleting': 'Usuwanie…',
  'record.saveChanges': 'Zapisz zmiany',
  'record.conflict': 'Ktoś zmienił ten rekord w międzyczasie.',
  'record.conflictHint': 'Wczytaj aktualne dane i spróbuj jeszcze raz.',
  'record.reload': 'Wczytaj ponownie',
  'time.justNow': 'przed chwilą',
  'search.label': 'Szukaj w CRM',
  'search.placeholder': 'Szukaj: nazwa, NIP, telefon…',
  'search.searching': 'Szukanie…',
  'search.noResults': 'Brak wyników dla „{q}”.',
  'search.group.customer': 'Klienci',
  'search.group.contact': 'Osoby kontaktowe',
  'search.group.site': 'Lokalizacje',
  'search.field.name': 'nazwa',
  'search.field.nip': 'NIP',
  'search.field.regon': 'REGON',
  'search.field.krs': 'KRS',
  'search.field.pesel': 'PESEL',
  'search.field.phone': 'telefon',
  'search.field.email': 'e-mail',
  'search.field.address': 'adres',
  'search.field.city': 'miasto',
  'search.field.postalCode': 'kod pocztowy',
  'search.field.tag': 'tag',
  'search.field.contact': 'osoba',
  'search.field.role': 'stanowisko',
  'search.field.label': 'nazwa lokalizacji',
  'kind.company': 'Firma',
  'kind.person': 'Osoba prywatna',
  'status.lead': 'Potencjalny',
  'status.active': 'Aktywny',
  'status.inactive': 'Nieaktywny',
  'customers.title': 'Klienci',
  'customers.subtitle': 'Firmy i osoby, dla których pracujecie.',
  'customers.count': {
    one: '{count} klient',
    few: '{count} klientów',
    many: '{count} klientów',
    other: '{count} klienta',
  },
  'customers.new': 'Nowy klient',
  'customers.searchLabel': 'Szukaj klientów',
  'customers.searchPlaceholder': 'Nazwa klienta…',
  'customers.filter.status': 'Status',
  'customers.filter.kind': 'Rodzaj',
  'customers.filter.tag': 'Tag',
  'customers.filter.tagPlaceholder': 'Dowolny',
  'customers.filter.all': 'Wszystkie',
  'customers.filter.allKinds': 'Firmy i osoby',
  'customers.filter.clear': 'Wyczyść filtry',
  'customers.sort': 'Sortowanie',
  'customers.sort.nameAsc': 'Nazwa A–Z',
  'customers.sort.nameDesc': 'Nazwa Z–A',
  'customers.sort.newest': 'Najnowsi',
  'customers.sort.oldest': 'Najstarsi',
  'customers.sort.updated': 'Ostatnio zmienieni',
  'customers.col.name': 'Klient',
  'customers.col.nip': 'NIP',
  'customers.col.contact': 'Kontakt',
  'customers.col.city': 'Miejscowość',
  'customers.col.status': 'Status',
  'customers.col.tags': 'Tagi',
  'customers.empty': 'Nie ma jeszcze klientów. Dodaj pierwszego przyciskiem „Nowy klient”.',
  'customers.noMatches': 'Żaden klient nie pasuje do wyszukiwania i filtrów.',
  'customers.shown': 'Pokazano {shown} z {total}',
  'customerForm.newTitle': 'Nowy klient',
  'customerForm.editTitle': 'Edycja danych klienta',
  'customerForm.kind': 'Rodzaj klienta',
  'customerForm.companyName': 'Nazwa firmy',
  'customerForm.nip': 'NIP',
  'customerForm.nipHint': '10 cyfr, np. 526-104-08-28',
  'customerForm.regon': 'REGON',
  'customerForm.firstName': 'Imię',
  'customerForm.lastName': 'Nazwisko',
  'customerForm.status': 'Status',
  'customerForm.tags': 'Tagi',
  'customerForm.tagsHint': 'Oddziel przecinkami, np. VIP, umowa serwisowa',
  'customerForm.customFields': 'Pola dodatkowe',
  'customFields.none': 'Nie wybrano',
  'customFields.numberHint': 'Liczba, np. 12 lub 12,5',
  'customerForm.create': 'Utwórz klienta',
  'customerForm.creating': 'Tworzenie…',
  'customerForm.save': 'Zapisz zmiany',
  'customer.back': 'Wszyscy klienci',
  'customer.nip': 'NIP',
  'customer.regon': 'REGON',
  'customer.since': 'Klient od {date}',
  'customer.saved': 'Zapisano zmiany.',
  'customer.notFound': 'Nie znaleziono klienta. Mógł zostać usunięty.',
  'customer.deleted': 'Ten klient został usunięty {date}.',
  'customer.delete': 'Usuń klienta',
  'customer.deleteQuestion': 'Usunąć klienta „{name}”? Zniknie z listy klientów, ale będzie można go przywrócić.',
  'customer.restore': 'Przywróć',
  'customer.restoring': 'Przywracanie…',
  'customer.restored': 'Przywrócono klienta.',
  'customer.tab.timeline': 'Oś czasu',
  'customer.tab.contacts': 'Kontakty',
  'customer.tab.sites': 'Lokalizacje',
  'customer.sections': 'Sekcje karty klienta',
  'contacts.title': 'Osoby kontaktowe',
  'contacts.add': 'Dodaj kontakt',
  'contacts.empty': 'Brak osób kontaktowych.',
  'contacts.primary': 'Główny kontakt',
  'contacts.firstName': 'Imię',
  'contacts.lastName': 'Nazwisko',
  'contacts.role': 'Stanowisko / rola',
  'contacts.rolePlaceholder': 'np. kierownik administracji',
  'contacts.phone': 'Telefon',
  'contacts.email': 'E-mail',
  'contacts.entryLabel': 'Opis',
  'contacts.phoneLabelPlaceholder': 'np. komórka',
  'contacts.emailLabelPlaceholder': 'np. służbowy',
  'contacts.addPhone': 'Kolejny telefon',
  'contacts.addEmail': 'Kolejny e-mail',
  'contacts.consents': 'Zgody marketingowe',
  'contacts.consentEmail': 'Zgoda na informacje marketingowe e-mailem',
  'contacts.consentSms': 'Zgoda na informacje marketingowe SMS-em',
  'contacts.consentEmailShort': 'Zgoda e-mail',
  'contacts.consentSmsShort': 'Zgoda SMS',
  'contacts.consentSince': 'Udzielona {date} ({source})',
  'contacts.save': 'Zapisz kontakt',
  'contacts.added': 'Dodano kontakt: {name}.',
  'contacts.editTitle': 'Edycja kontaktu: {name}',
  'contacts.saved': 'Zapisano kontakt: {name}.',
  'contacts.delete': 'Usuń kontakt',
  'contacts.deleteQuestion': 'Usunąć kontakt „{name}”?',
  'contacts.deleted': 'Usunięto kontakt: {name}.',
  'sites.title': 'Lokalizacje',
  'sites.add': 'Dodaj lokalizację',
  'sites.empty': 'Brak lokalizacji. Dodaj adres, pod którym serwisujecie urządzenia.',
  'sites.label': 'Nazwa',
  'sites.labelPlaceholder': 'np. Biuro, Magazyn',
  'sites.street': 'Ulica',
  'sites.building': 'Nr budynku',
  'sites.flat': 'Nr lokalu',
  'sites.postalCode': 'Kod pocztowy',
  'sites.city': 'Miejscowość',
  'sites.accessNotes': 'Dojazd i dostęp',
  'sites.accessNotesPlaceholder': 'np. kod do bramy 1234, klucz u ochrony',
  'sites.coordinates': 'Współrzędne',
  'sites.coordinatesHint': 'Szerokość, długość — np. 52.2297, 21.0122. Określają rejon.',
  'sites.useMyLocation': 'Moja lokalizacja',
  'sites.locating': 'Ustalanie…',
  'sites.locationFailed': 'Nie udało się ustalić lokalizacji.',
  'sites.region': 'Rejon',
  'sites.noRegion': 'Poza rejonami',
  'sites.navigate': 'Nawiguj',
  'sites.save': 'Zapisz lokalizację',
  'sites.added': 'Dodano lokalizację: {address}.',
  'sites.editTitle': 'Edycja lokalizacji: {address}',
  'sites.saved': 'Zapisano lokalizację: {address}.',
  'sites.inRegion': 'Rejon: {region}.',
  'sites.outsideRegions': 'Poza wszystkimi rejonami.',
  'sites.delete': 'Usuń lokalizację',
  'sites.deleteQuestion': 'Usunąć lokalizację „{address}”?',
  'sites.deleted': 'Usunięto lokalizację: {address}.',
  'timeline.title': 'Oś czasu',
  'timeline.filters': 'Pokaż',
  'timeline.filter.all': 'Wszystko',
  'timeline.filter.note': 'Notatki',
  'timeline.filter.interaction': 'Interakcje',
  'timeline.filter.reminder': 'Przypomnienia',
  'timeline.filter.audit': 'Zmiany',
  'timeline.empty': 'Na osi czasu nic jeszcze nie ma.',
  'timeline.emptyFiltered': 'Brak wpisów wybranego rodzaju.',
  'timeline.loadMore': 'Wczytaj starsze',
  'timeline.system': 'System',
  'timeline.note.edit': 'Edycja notatki',
  'timeline.note.saved': 'Zapisano notatkę.',
  'timeline.note.delete': 'Usuń notatkę',
  'timeline.note.deleteQuestion': 'Usunąć tę notatkę?',
  'timeline.note.deleted': 'Usunięto notatkę.',
  'timeline.interaction.edit': 'Edycja interakcji',
  'timeline.interaction.saved': 'Zapisano interakcję.',
  'timeline.interaction.delete': 'Usuń interakcję',
  'timeline.interaction.deleteQuestion': 'Usunąć tę interakcję?',
  'timeline.interaction.deleted': 'Usunięto interakcję.',
  'timeline.reminder.edit': 'Edycja przypomnienia',
  'timeline.reminder.saved': 'Zapisano przypomnienie.',
  'timeline.reminder.delete': 'Usuń przypomnienie',
  'timeline.reminder.deleteQuestion': 'Usunąć to przypomnienie?',
  'timeline.reminder.deleted': 'Usunięto przypomnienie.',
  'composer.label': 'Nowy wpis',
  'composer.note': 'Notatka',
  'composer.interaction': 'Interakcja',
  'composer.reminder': 'Przypomnienie',
  'composer.noteBody': 'Treść notatki',
  'composer.notePlaceholder': 'Co warto zapamiętać o tym kliencie?',
  'composer.addNote': 'Dodaj notatkę',
  'composer.kind': 'Rodzaj',
  'composer.direction': 'Kierunek',
  'composer.noDirection': '—',
  'composer.contact': 'Osoba',
  'composer.noContact': 'Nie dotyczy',
  'composer.removedContact': 'Usunięty kontakt',
  'composer.noAssignee': 'Nieprzypisane',
  'composer.subject': 'Temat',
  'composer.outcome': 'Wynik',
  'composer.outcomePlaceholder': 'np. umówiono przegląd na piątek',
  'composer.occurredAt': 'Kiedy',
  'composer.warsawTime': 'Czas warszawski',
  'composer.logInteraction': 'Zapisz interakcję',
  'composer.reminderTitle': 'Przypomnij o',
  'composer.reminderPlaceholder': 'np. zadzwonić w sprawie przeglądu',
  'composer.dueAt': 'Termin',
  'composer.assignee': 'Dla kogo',
  'composer.recurrence': 'Powtarzanie',
  'composer.recurrence.none': 'Jednorazowo',
  'composer.recurrence.weekly': 'Co tydzień',
  'composer.recurrence.monthly': 'Co miesiąc',
  'composer.recurrence.yearly': 'Co rok',
  'composer.recurrence.custom': 'Własna reguła: {rule}',
  'composer.addReminder': 'Dodaj przypomnienie',
  'interaction.call': 'Telefon',
  'interaction.email': 'E-mail',
  'interaction.sms': 'SMS',
  'interaction.visit': 'Wizyta',
  'interaction.meeting': 'Spotkanie',
  'direction.inbound': 'od klienta',
  'direction.outbound': 'do klienta',
  'reminder.due': 'Termin {date}',
  'reminder.for': 'dla {name}',
  'reminder.overdue': 'Po terminie',
  'reminder.done': 'Wykonane',
  'reminder.doneAt': 'Wykonano {date}',
  'reminder.recurring': 'Cykliczne',
  'reminder.markDone': 'Oznacz jako wykonane',
  'reminder.markUndone': 'Cofnij wykonanie',
  'regions.title': 'Rejony',
  'regions.subtitle': 'Obszary obsługi i liczba lokalizacji klientów w każdym z nich.',
  'regions.count': {
    one: '{count} rejon',
    few: '{count} rejony',
    many: '{count} rejonów',
    other: '{count} rejonu',
  },
  'regions.sites': {
    one: '{count} lokalizacja',
    few: '{count} lokalizacje',
    many: '{count} lokalizacji',
    other: '{count} lokalizacji',
  },
  'regions.map': 'Mapa rejonów',
  'regions.list': 'Lista rejonów',
  'regions.empty': 'Nie ma jeszcze rejonów.',
  'regions.emptyAdmin': 'Nie ma jeszcze rejonów. Zaimportuj ich granice z pliku GeoJSON.',
  'regions.import.open': 'Import GeoJSON',
  'regions.import.title': 'Import granic rejonów',
  'regions.import.subtitle': 'Plik GeoJSON (FeatureCollection) z wielokątami. Rejony o tej samej nazwie zostaną zastąpione.',
  'regions.import.file': 'Plik GeoJSON',
  'regions.import.features': {
    one: '{count} obiekt w pliku',
    few: '{count} obiekty w pliku',
    many: '{count} obiektów w pliku',
    other: '{count} obiektu w pliku',
  },
  'regions.import.nameProperty': 'Właściwość z nazwą rejonu',
  'regions.import.submit': 'Importuj',
  'regions.import.submitting': 'Importowanie…',
  'regions.import.result': 'Zaimportowano rejony: {imported}, w tym zastąpiono: {replaced}.',
  'regions.import.invalidJson': 'Plik nie zawiera poprawnego JSON-a.',
  'regions.import.notCollection': 'Plik musi zawierać GeoJSON FeatureCollection.',
  'regions.import.rejected': 'Serwer odrzucił plik:',
  'regions.import.sitesResolved': {
    one: 'W rejonach leży {count} lokalizacja klientów.',
    few: 'W rejonach leżą {count} lokalizacje klientów.',
    many: 'W rejonach leży {count} lokalizacji klientów.',
    other: 'W rejonach leży {count} lokalizacji klientów.',
  },
  'validation.checksum': 'Nieprawidłowa suma kontrolna.',
  'validation.nipChecksum': 'Nieprawidłowy NIP — cyfra kontrolna się nie zgadza.',
  'validation.regonChecksum': 'Nieprawidłowy REGON — cyfra kontrolna się nie zgadza.',
  'validation.unique': 'Ta wartość jest już zapisana u innego klienta.',
  'validation.postalCode': 'Kod pocztowy w formacie NN-NNN, np. 00-950.',
  'validation.phone': 'Nieprawidłowy numer telefonu.',
  'validation.coordinates': 'Podaj współrzędne jako „52.2297, 21.0122”.',
  'validation.number': 'Podaj liczbę, np. 12 lub 12,5.',
  'validation.choice': 'Wybierz jedną z dostępnych opcji.',
  'audit.customer.created': 'Utworzono klienta',
  'audit.customer.updated': 'Zmieniono dane klienta',
  'audit.customer.deleted': 'Usunięto klienta',
  'audit.customer.restored': 'Przywrócono klienta',
  'audit.contact.created': 'Dodano kontakt',
  'audit.contact.updated': 'Zmieniono kontakt',
  'audit.contact.deleted': 'Usunięto kontakt',
  'audit.site.created': 'Dodano lokalizację',
  'audit.site.updated': 'Zmieniono lokalizację',
  'audit.site.deleted': 'Usunięto lokalizację',
  'audit.changedFields': 'Zmienione pola: {fields}',
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
  'app.notFound.back': 'Go to customers',
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
  'nav.customers': 'Customers',
  'nav.regions': 'Regions',
  'common.cancel': 'Cancel',
  'common.saving': 'Saving…',
  'common.remove': 'Remove',
  'common.optional': 'optional',
  'common.loadMore': 'Load more',
  'common.loadingMore': 'Loading…',
  'common.fixErrors': 'Correct the marked fields.',
  'common.yes': 'Yes',
  'common.no': 'No',
  'record.edit': 'Edit',
  'record.editNamed': 'Edit: {name}',
  'record.delete': 'Delete',
  'record.deleteNamed': 'Delete: {name}',
  'record.deleting': 'Deleting…',
  'record.saveChanges': 'Save changes',
  'record.conflict': 'Someone changed this record in the meantime.',
  'record.conflictHint': 'Reload the current data and try again.',
  'record.reload': 'Reload',
  'time.justNow': 'just now',
  'search.label': 'Search the CRM',
  'search.placeholder': 'Search: name, NIP, phone…',
  'search.searching': 'Searching…',
  'search.noResults': 'No results for “{q}”.',
  'search.group.customer': 'Customers',
  'search.group.contact': 'Contacts',
  'search.group.site': 'Sites',
  'search.field.name': 'name',
  'search.field.nip': 'NIP',
  'search.field.regon': 'REGON',
  'search.field.krs': 'KRS',
  'search.field.pesel': 'PESEL',
  'search.field.phone': 'phone',
  'search.field.email': 'e-mail',
  'search.field.address': 'address',
  'search.field.city': 'city',
  'search.field.postalCode': 'postal code',
  'search.field.tag': 'tag',
  'search.field.contact': 'contact',
  'search.field.role': 'role',
  'search.field.label': 'site name',
  'kind.company': 'Company',
  'kind.person': 'Private person',
  'status.lead': 'Lead',
  'status.active': 'Active',
  'status.inactive': 'Inactive',
  'customers.title': 'Customers',
  'customers.subtitle': 'Companies and people you work for.',
  'customers.count': {
    one: '{count} customer',
    other: '{count} customers',
  },
  'customers.new': 'New customer',
  'customers.searchLabel': 'Search customers',
  'customers.searchPlaceholder': 'Customer name…',
  'customers.filter.status': 'Status',
  'customers.filter.kind': 'Kind',
  'customers.filter.tag': 'Tag',
  'customers.filter.tagPlaceholder': 'Any',
  'customers.filter.all': 'All',
  'customers.filter.allKinds': 'Companies and people',
  'customers.filter.clear': 'Clear filters',
  'customers.sort': 'Sort',
  'customers.sort.nameAsc': 'Name A–Z',
  'customers.sort.nameDesc': 'Name Z–A',
  'customers.sort.newest': 'Newest',
  'customers.sort.oldest': 'Oldest',
  'customers.sort.updated': 'Recently changed',
  'customers.col.name': 'Customer',
  'customers.col.nip': 'NIP',
  'customers.col.contact': 'Contact',
  'customers.col.city': 'City',
  'customers.col.status': 'Status',
  'customers.col.tags': 'Tags',
  'customers.empty': 'No customers yet. Add the first one with “New customer”.',
  'customers.noMatches': 'No customer matches the search and filters.',
  'customers.shown': 'Showing {shown} of {total}',
  'customerForm.newTitle': 'New customer',
  'customerForm.editTitle': 'Edit customer',
  'customerForm.kind': 'Customer kind',
  'customerForm.companyName': 'Company name',
  'customerForm.nip': 'NIP (tax ID)',
  'customerForm.nipHint': '10 digits, e.g. 526-104-08-28',
  'customerForm.regon': 'REGON',
  'customerForm.firstName': 'First name',
  'customerForm.lastName': 'Last name',
  'customerForm.status': 'Status',
  'customerForm.tags': 'Tags',
  'customerForm.tagsHint': 'Separate with commas, e.g. VIP, service contract',
  'customerForm.customFields': 'Additional fields',
  'customFields.none': 'Not set',
  'customFields.numberHint': 'A number, e.g. 12 or 12.5',
  'customerForm.create': 'Create customer',
  'customerForm.creating': 'Creating…',
  'customerForm.save': 'Save changes',
  'customer.back': 'All customers',
  'customer.nip': 'NIP',
  'customer.regon': 'REGON',
  'customer.since': 'Customer since {date}',
  'customer.saved': 'Changes saved.',
  'customer.notFound': 'Customer not found. It may have been deleted.',
  'customer.deleted': 'This customer was deleted on {date}.',
  'customer.delete': 'Delete customer',
  'customer.deleteQuestion': 'Delete the customer “{name}”? It leaves the customer list but can be restored.',
  'customer.restore': 'Restore',
  'customer.restoring': 'Restoring…',
  'customer.restored': 'Customer restored.',
  'customer.tab.timeline': 'Timeline',
  'customer.tab.contacts': 'Contacts',
  'customer.tab.sites': 'Sites',
  'customer.sections': 'Customer sections',
  'contacts.title': 'Contacts',
  'contacts.add': 'Add contact',
  'contacts.empty': 'No contacts yet.',
  'contacts.primary': 'Primary contact',
  'contacts.firstName': 'First name',
  'contacts.lastName': 'Last name',
  'contacts.role': 'Role',
  'contacts.rolePlaceholder': 'e.g. facility manager',
  'contacts.phone': 'Phone',
  'contacts.email': 'E-mail',
  'contacts.entryLabel': 'Label',
  'contacts.phoneLabelPlaceholder': 'e.g. mobile',
  'contacts.emailLabelPlaceholder': 'e.g. work',
  'contacts.addPhone': 'Another phone',
  'contacts.addEmail': 'Another e-mail',
  'contacts.consents': 'Marketing consents',
  'contacts.consentEmail': 'Consents to marketing by e-mail',
  'contacts.consentSms': 'Consents to marketing by SMS',
  'contacts.consentEmailShort': 'E-mail consent',
  'contacts.consentSmsShort': 'SMS consent',
  'contacts.consentSince': 'Given {date} ({source})',
  'contacts.save': 'Save contact',
  'contacts.added': 'Contact added: {name}.',
  'contacts.editTitle': 'Edit contact: {name}',
  'contacts.saved': 'Contact saved: {name}.',
  'contacts.delete': 'Delete contact',
  'contacts.deleteQuestion': 'Delete the contact “{name}”?',
  'contacts.deleted': 'Contact deleted: {name}.',
  'sites.title': 'Sites',
  'sites.add': 'Add site',
  'sites.empty': 'No sites yet. Add the address where you service equipment.',
  'sites.label': 'Name',
  'sites.labelPlaceholder': 'e.g. Office, Warehouse',
  'sites.street': 'Street',
  'sites.building': 'Building no.',
  'sites.flat': 'Flat no.',
  'sites.postalCode': 'Postal code',
  'sites.city': 'City',
  'sites.accessNotes': 'Access notes',
  'sites.accessNotesPlaceholder': 'e.g. gate code 1234, key at security',
  'sites.coordinates': 'Coordinates',
  'sites.coordinatesHint': 'Latitude, longitude — e.g. 52.2297, 21.0122. They decide the region.',
  'sites.useMyLocation': 'My location',
  'sites.locating': 'Locating…',
  'sites.locationFailed': 'Could not determine the location.',
  'sites.region': 'Region',
  'sites.noRegion': 'Outside regions',
  'sites.navigate': 'Directions',
  'sites.save': 'Save site',
  'sites.added': 'Site added: {address}.',
  'sites.editTitle': 'Edit site: {address}',
  'sites.saved': 'Site saved: {address}.',
  'sites.inRegion': 'Region: {region}.',
  'sites.outsideRegions': 'Outside every region.',
  'sites.delete': 'Delete site',
  'sites.deleteQuestion': 'Delete the site “{address}”?',
  'sites.deleted': 'Site deleted: {address}.',
  'timeline.title': 'Timeline',
  'timeline.filters': 'Show',
  'timeline.filter.all': 'Everything',
  'timeline.filter.note': 'Notes',
  'timeline.filter.interaction': 'Interactions',
  'timeline.filter.reminder': 'Reminders',
  'timeline.filter.audit': 'Changes',
  'timeline.empty': 'Nothing on the timeline yet.',
  'timeline.emptyFiltered': 'No entries of the chosen kind.',
  'timeline.loadMore': 'Load older',
  'timeline.system': 'System',
  'timeline.note.edit': 'Edit note',
  'timeline.note.saved': 'Note saved.',
  'timeline.note.delete': 'Delete note',
  'timeline.note.deleteQuestion': 'Delete this note?',
  'timeline.note.deleted': 'Note deleted.',
  'timeline.interaction.edit': 'Edit interaction',
  'timeline.interaction.saved': 'Interaction saved.',
  'timeline.interaction.delete': 'Delete interaction',
  'timeline.interaction.deleteQuestion': 'Delete this interaction?',
  'timeline.interaction.deleted': 'Interaction deleted.',
  'timeline.reminder.edit': 'Edit reminder',
  'timeline.reminder.saved': 'Reminder saved.',
  'timeline.reminder.delete': 'Delete reminder',
  'timeline.reminder.deleteQuestion': 'Delete this reminder?',
  'timeline.reminder.deleted': 'Reminder deleted.',
  'composer.label': 'New entry',
  'composer.note': 'Note',
  'composer.interaction': 'Interaction',
  'composer.reminder': 'Reminder',
  'composer.noteBody': 'Note',
  'composer.notePlaceholder': 'What is worth remembering about this customer?',
  'composer.addNote': 'Add note',
  'composer.kind': 'Kind',
  'composer.direction': 'Direction',
  'composer.noDirection': '—',
  'composer.contact': 'Contact person',
  'composer.noContact': 'None',
  'composer.removedContact': 'Removed contact',
  'composer.noAssignee': 'Unassigned',
  'composer.subject': 'Subject',
  'composer.outcome': 'Outcome',
  'composer.outcomePlaceholder': 'e.g. maintenance booked for Friday',
  'composer.occurredAt': 'When',
  'composer.warsawTime': 'Warsaw time',
  'composer.logInteraction': 'Log interaction',
  'composer.reminderTitle': 'Remind about',
  'composer.reminderPlaceholder': 'e.g. call about the maintenance',
  'composer.dueAt': 'Due',
  'composer.assignee': 'Assignee',
  'composer.recurrence': 'Repeat',
  'composer.recurrence.none': 'Once',
  'composer.recurrence.weekly': 'Weekly',
  'composer.recurrence.monthly': 'Monthly',
  'composer.recurrence.yearly': 'Yearly',
  'composer.recurrence.custom': 'Custom rule: {rule}',
  'composer.addReminder': 'Add reminder',
  'interaction.call': 'Call',
  'interaction.email': 'E-mail',
  'interaction.sms': 'SMS',
  'interaction.visit': 'Visit',
  'interaction.meeting': 'Meeting',
  'direction.inbound': 'from customer',
  'direction.outbound': 'to customer',
  'reminder.due': 'Due {date}',
  'reminder.for': 'for {name}',
  'reminder.overdue': 'Overdue',
  'reminder.done': 'Done',
  'reminder.doneAt': 'Done {date}',
  'reminder.recurring': 'Recurring',
  'reminder.markDone': 'Mark as done',
  'reminder.markUndone': 'Mark as not done',
  'regions.title': 'Regions',
  'regions.subtitle': 'Service areas and how many customer sites each holds.',
  'regions.count': {
    one: '{count} region',
    other: '{count} regions',
  },
  'regions.sites': {
    one: '{count} site',
    other: '{count} sites',
  },
  'regions.map': 'Map of regions',
  'regions.list': 'List of regions',
  'regions.empty': 'No regions yet.',
  'regions.emptyAdmin': 'No regions yet. Import their boundaries from a GeoJSON file.',
  'regions.import.open': 'Import GeoJSON',
  'regions.import.title': 'Import region boundaries',
  'regions.import.subtitle': 'A GeoJSON file (FeatureCollection) of polygons. Regions with the same name are replaced.',
  'regions.import.file': 'GeoJSON file',
  'regions.import.features': {
    one: '{count} feature in the file',
    other: '{count} features in the file',
  },
  'regions.import.nameProperty': 'Property holding the region name',
  'regions.import.submit': 'Import',
  'regions.import.submitting': 'Importing…',
  'regions.import.result': 'Regions imported: {imported}, of which replaced: {replaced}.',
  'regions.import.invalidJson': 'The file does not contain valid JSON.',
  'regions.import.notCollection': 'The file must contain a GeoJSON FeatureCollection.',
  'regions.import.rejected': 'The server rejected the file:',
  'regions.import.sitesResolved': { one: '{count} customer site lies in these regions.', other: '{count} customer sites lie in these regions.' },
  'validation.checksum': 'The checksum is not valid.',
  'validation.nipChecksum': 'Invalid NIP — the check digit does not match.',
  'validation.regonChecksum': 'Invalid REGON — the check digit does not match.',
  'validation.unique': 'Another record already has this value.',
  'validation.postalCode': 'Postal code as NN-NNN, e.g. 00-950.',
  'validation.phone': 'Invalid phone number.',
  'validation.coordinates': 'Enter coordinates as “52.2297, 21.0122”.',
  'validation.number': 'Enter a number, e.g. 12 or 12.5.',
  'validation.choice': 'Choose one of the options.',
  'audit.customer.created': 'Customer created',
  'audit.customer.updated': 'Customer details changed',
  'audit.customer.deleted': 'Customer deleted',
  'audit.customer.restored': 'Customer restored',
  'audit.contact.created': 'Contact added',
  'audit.contact.updated': 'Contact changed',
  'audit.contact.deleted': 'Contact removed',
  'audit.site.created': 'Site added',
  'audit.site.updated': 'Site changed',
  'audit.site.deleted': 'Site removed',
  'audit.changedFields': 'Changed: {fields}',
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
  formatNumber(value: number): string;
  // "2 godz. temu", "wczoraj", "za 3 dni": for timelines, with formatDateTime as the exact value.
  formatRelative(iso: string, now?: number): string;
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

  const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });

  const t = (key: MessageKey, params?: Params): string => interpolate(dictionary[key], params);

  const formatRelative = (iso: string, now: number = Date.now()): string => {
    const time = new Date(iso).getTime();
    if (Number.isNaN(time)) return iso;
    const seconds = (time - now) / 1000;
    const abs = Math.abs(seconds);
    if (abs < 45) return t('time.justNow');
    for (const [unit, size, limit] of relativeSteps) {
      if (abs < limit) return relativeFormat.format(Math.round(seconds / size), unit);
    }
    return relativeFormat.format(Math.round(seconds / yearSeconds), 'year');
  };

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
    formatNumber: (value) => numberFormat.format(value),
    formatRelative,
  };
}

const yearSeconds = 365 * 86_400;

// Unit, its length in seconds, and the age up to which it is used.
const relativeSteps: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['minute', 60, 3_570],
  ['hour', 3_600, 86_400 - 1_800],
  ['day', 86_400, 7 * 86_400],
  ['week', 7 * 86_400, 30 * 86_400],
  ['month', 30 * 86_400, yearSeconds],
];

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
