// Services never read the system time directly: tests and simulations pass their own clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Business rules and display use Polish time (ARCHITECTURE.md, "Conventions for data").
export const businessTimeZone = 'Europe/Warsaw';
const businessDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

// The calendar day (YYYY-MM-DD) an instant falls on in Warsaw: 23:30 UTC on 31 March is 1 April.
export function businessDate(at: Date): string {
  return businessDateFormat.format(at);
}
