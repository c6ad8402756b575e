// Services never read the system time directly: tests and simulations pass their own clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
