import type { JobType } from './jobs.repo.ts';

// What a technician ticks off on each kind of visit, unless the company set its own lists
// (PUT /api/settings/jobs). Polish, as the companies' technicians read them; a company's own
// lists are in whatever language it writes them.
export const defaultChecklists: Record<JobType, readonly string[]> = {
  installation: [
    'Uzgodnić z klientem miejsce montażu jednostek',
    'Sprawdzić zasilanie i zabezpieczenie elektryczne',
    'Próba szczelności azotem i próżnia instalacji',
    'Uruchomienie i pomiar parametrów pracy',
    'Wpis do karty urządzenia (CRO) i instruktaż klienta',
  ],
  repair: [
    'Wywiad z klientem: objawy i kody błędów',
    'Diagnoza usterki',
    'Wymiana lub naprawa podzespołu',
    'Test pracy po naprawie',
  ],
  maintenance: [
    'Czyszczenie filtrów i wymienników',
    'Kontrola ciśnień i temperatur pracy',
    'Kontrola odpływu skroplin / syfonu',
    'Analiza spalin (kotły) lub kontrola czynnika (pompy ciepła, klimatyzacja)',
    'Sprawdzenie zabezpieczeń i połączeń elektrycznych',
  ],
  inspection: ['Oględziny urządzenia i otoczenia', 'Pomiar parametrów pracy', 'Protokół z zaleceniami'],
  fgas_leak_check: [
    'Kontrola szczelności detektorem elektronicznym',
    'Sprawdzenie systemu wykrywania wycieków (jeśli jest)',
    'Wpis do rejestru F-gazowego (CRO) z numerem certyfikatu',
  ],
  emergency: ['Zabezpieczenie miejsca i urządzenia', 'Diagnoza awarii', 'Przywrócenie pracy lub rozwiązanie tymczasowe', 'Uzgodnienie dalszych kroków z klientem'],
};

export function checklistFor(type: JobType, companyLists: Partial<Record<JobType, string[]>>): readonly string[] {
  return companyLists[type] ?? defaultChecklists[type];
}
