import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildTechnicianCalendar, visitUid, type CalendarVisit, type TechnicianCalendarInput } from './calendar-feed.ts';

const technician = { id: 'tech-1', name: 'Paweł Żółkiewski' };
const generatedAt = new Date('2026-03-01T09:30:00Z');

function newVisit(overrides: Partial<CalendarVisit> = {}): CalendarVisit {
  return {
    id: 'v-1',
    start: new Date('2026-03-28T07:00:00Z'),
    end: new Date('2026-03-28T08:00:00Z'),
    title: 'Przegląd klimatyzacji',
    address: 'ul. Długa 5, Kraków',
    customerName: 'Jan Kowalski',
    status: 'scheduled',
    ...overrides,
  };
}

function build(visits: CalendarVisit[], extra: Partial<TechnicianCalendarInput> = {}): string {
  return buildTechnicianCalendar({ technician, visits, generatedAt, ...extra });
}

// Parses the feed the way a client would: the feed's own VTIMEZONE is the only tz data registered.
function parseFeed(ics: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function eventByUid(events: ICAL.Event[], visitId: string): ICAL.Event {
  const event = events.find((candidate) => candidate.uid === visitUid(visitId));
  if (event === undefined) throw new Error(`no event for visit ${visitId}`);
  return event;
}

describe('buildTechnicianCalendar', () => {
  it('produces a feed that ical.js parses, with one event per visit and a Warsaw VTIMEZONE', () => {
    const sut = build([newVisit({ id: 'a' }), newVisit({ id: 'b' })]);
    const { calendar, events } = parseFeed(sut);

    expect(events).toHaveLength(2);
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Warsaw');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Pasja – Paweł Żółkiewski');
    expect(calendar.getFirstPropertyValue('x-published-ttl')?.toString()).toBe('PT15M');
    expect(sut).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M');
    expect(sut).toContain('DTSTART;TZID=Europe/Warsaw:');
  });

  it.each([
    ['spring forward', '2026-03-28T07:00:00Z', '20260328T080000', '2026-03-30T06:00:00Z', '20260330T080000'],
    ['fall back', '2026-10-24T06:00:00Z', '20261024T080000', '2026-10-26T07:00:00Z', '20261026T080000'],
  ])('keeps 08:00 Warsaw visits correct across the %s DST change', (_label, beforeUtc, beforeLocal, afterUtc, afterLocal) => {
    const before = newVisit({ id: 'before', start: new Date(beforeUtc), end: new Date(Date.parse(beforeUtc) + 3_600_000) });
    const after = newVisit({ id: 'after', start: new Date(afterUtc), end: new Date(Date.parse(afterUtc) + 3_600_000) });
    const sut = build([before, after]);
    const { events } = parseFeed(sut);

    expect(sut).toContain(`DTSTART;TZID=Europe/Warsaw:${beforeLocal}`);
    expect(sut).toContain(`DTSTART;TZID=Europe/Warsaw:${afterLocal}`);
    for (const [visit, id] of [[before, 'before'], [after, 'after']] as const) {
      const event = eventByUid(events, id);
      expect(event.startDate.zone?.tzid).toBe('Europe/Warsaw');
      expect(event.startDate.toJSDate().toISOString()).toBe(visit.start.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(visit.end.toISOString());
    }
  });

  it('writes Warsaw wall-clock times whatever the server time zone is', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const sut = build([newVisit({ start: new Date('2026-03-30T06:00:00Z'), end: new Date('2026-03-30T07:30:00Z') })]);
      expect(sut).toContain('DTSTART;TZID=Europe/Warsaw:20260330T080000');
      expect(sut).toContain('DTEND;TZID=Europe/Warsaw:20260330T093000');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('gives each visit a stable UID and stamps events with generatedAt', () => {
    const first = parseFeed(build([newVisit({ id: 'v-42' })])).events[0];
    const second = parseFeed(build([newVisit({ id: 'v-42', title: 'Zmieniony tytuł' })], { generatedAt: new Date('2026-03-02T00:00:00Z') })).events[0];

    expect(first?.uid).toBe('visit-v-42@pasja.app');
    expect(second?.uid).toBe(first?.uid);
    const dtstamp = first?.component.getFirstPropertyValue('dtstamp');
    expect(dtstamp instanceof ICAL.Time ? dtstamp.toJSDate().toISOString() : null).toBe(generatedAt.toISOString());
  });

  it('marks cancelled visits CANCELLED and others CONFIRMED', () => {
    const { events } = parseFeed(build([newVisit({ id: 'gone', status: 'cancelled' }), newVisit({ id: 'kept', status: 'confirmed' })]));

    expect(eventByUid(events, 'gone').component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(eventByUid(events, 'kept').component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('puts the address in LOCATION, title and customer in SUMMARY, ETA and link in DESCRIPTION', () => {
    const visit = newVisit({
      eta: new Date('2026-03-30T06:20:00Z'),
      jobUrl: 'https://pasja.example/jobs/123?tab=visit&x=1',
      start: new Date('2026-03-30T06:00:00Z'),
      end: new Date('2026-03-30T07:00:00Z'),
    });
    const event = parseFeed(build([visit])).events[0];

    expect(event?.location).toBe('ul. Długa 5, Kraków');
    expect(event?.summary).toBe('Przegląd klimatyzacji – Jan Kowalski');
    expect(event?.description).toContain('ETA: 08:20');
    expect(event?.description).toContain('Zlecenie: https://pasja.example/jobs/123?tab=visit&x=1');
    expect(event?.component.getFirstPropertyValue('url')).toBe('https://pasja.example/jobs/123?tab=visit&x=1');
  });

  it('round-trips Polish letters, commas, semicolons, backslashes and newlines', () => {
    const address = 'ul. Źródlana 12; klatka B,\npiętro 3\\4, Łódź';
    const customerName = 'Spółdzielnia „Żółw”; oddział, Gdańsk';
    const title = 'Serwis pompy ciepła\nawaria';
    const tricky = { ...technician, name: 'Łukasz; Śmigły, Rydz' };
    const sut = build([newVisit({ address, customerName, title })], { technician: tricky });
    const { calendar, events } = parseFeed(sut);

    expect(events[0]?.location).toBe(address);
    expect(events[0]?.summary).toBe(`${title} – ${customerName}`);
    expect(events[0]?.description).toContain(`Adres: ${address}`);
    // ical.js keeps unknown X- properties raw; the value must still be RFC 5545 TEXT-escaped.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Pasja – Łukasz\\; Śmigły\\, Rydz');
    // Folding must not split multi-byte characters or exceed 75 octets per line.
    for (const line of sut.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('builds an empty but valid calendar for a technician without visits', () => {
    const { calendar, events } = parseFeed(build([]));
    expect(events).toHaveLength(0);
    expect(calendar.name).toBe('vcalendar');
  });
});
