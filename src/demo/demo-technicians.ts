import { addDays, businessDate } from '../core/clock.ts';
import type { Principal } from '../core/http/access.ts';
import type { TechniciansService } from '../modules/dispatch/technicians.service.ts';
import type { CreateTechnicianInput } from '../modules/dispatch/technicians.schemas.ts';

// The demo crew's technician profiles: homes in different districts so routes fan out across the
// city, a mix of skills (not everyone may touch refrigerant or gas), and certificates expiring at
// different times, one of them within the month so the certificate notice shows.
const weekdays = (start: string, end: string) => [...Array.from({ length: 5 }, () => ({ start, end })), null, null];
const tuesdayToSaturday = [null, ...Array.from({ length: 5 }, () => ({ start: '08:00', end: '16:00' })), null];

const profiles: Array<Omit<CreateTechnicianInput, 'userId'> & { certificateInDays?: number }> = [
  { skills: ['refrigeration', 'heat_pumps'], certificateInDays: 20, homeBase: { label: 'Mokotów, ul. Odyńca', lat: 52.1962, lng: 21.0139 }, workingHours: weekdays('07:30', '15:30'), vehicle: 'Renault Kangoo WX 4821K' },
  { skills: ['gas', 'heat_pumps'], homeBase: { label: 'Praga-Południe, ul. Grochowska', lat: 52.2459, lng: 21.0989 }, workingHours: weekdays('08:00', '16:00'), vehicle: 'Ford Transit Custom WX 1093M' },
  { skills: ['refrigeration', 'ventilation'], certificateInDays: 400, homeBase: { label: 'Bielany, ul. Kasprowicza', lat: 52.2869, lng: 20.9406 }, workingHours: tuesdayToSaturday, vehicle: 'Citroën Berlingo WE 7751A' },
  { skills: ['gas', 'electrical'], homeBase: { label: 'Ursynów, ul. Puławska', lat: 52.1446, lng: 21.0459 }, workingHours: weekdays('07:00', '15:00'), vehicle: 'Volkswagen Caddy WX 6620P' },
  { skills: ['refrigeration', 'heat_pumps', 'electrical'], certificateInDays: 700, homeBase: { label: 'Wola, ul. Górczewska', lat: 52.2386, lng: 20.9466 }, workingHours: weekdays('08:00', '16:00'), vehicle: 'Fiat Doblò WX 3318R' },
];

export async function seedDemoTechnicians(technicians: TechniciansService, seeder: Principal, technicianUserIds: readonly string[], anchor: Date): Promise<void> {
  for (const [index, userId] of technicianUserIds.entries()) {
    const { certificateInDays, ...profile } = profiles[index % profiles.length]!;
    const expiresOn = (days: number) => addDays(businessDate(anchor), days);
    await technicians.create(seeder, {
      userId,
      ...profile,
      ...(certificateInDays !== undefined && { fgasCertificate: { category: 'I', number: `FGAZ-O/${String(1000 + index * 37)}/${anchor.getUTCFullYear() - 2}`, expiresOn: expiresOn(certificateInDays) } }),
      ...(profile.skills?.includes('electrical') && { sepLicence: { number: `E/${200 + index}/2024`, expiresOn: expiresOn(900) } }),
    });
  }
}
