import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultDetourFactor,
  defaultLegTiming,
  drivingMinutes,
  greatCircleKm,
  isWarsawRushHour,
  straightLineTravelTimes,
  toTravelMatrix,
  type GeoPoint,
} from './travel-times.ts';

const palaceOfCulture: GeoPoint = { lat: 52.2318, lng: 21.006 };
const wilanowPalace: GeoPoint = { lat: 52.1651, lng: 21.0904 };
const praga: GeoPoint = { lat: 52.2545, lng: 21.0355 };

// Independent check: the spherical law of cosines, not the haversine form under test.
function lawOfCosinesKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const cosine = Math.sin(a.lat * rad) * Math.sin(b.lat * rad) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lng - a.lng) * rad);
  return 6371.0088 * Math.acos(Math.min(1, cosine));
}

// Tuesday 10 March 2026 and Saturday 14 March 2026, Warsaw in winter time (UTC+1).
const tuesdayAt = (warsawTime: string): Date => new Date(`2026-03-10T${warsawTime}:00+01:00`);
const saturdayAt = (warsawTime: string): Date => new Date(`2026-03-14T${warsawTime}:00+01:00`);

describe('greatCircleKm', () => {
  it('measures the Palace of Culture to Wilanów Palace as about 9.39 km, as the law of cosines does', () => {
    const sut = greatCircleKm(palaceOfCulture, wilanowPalace);
    expect(sut).toBeCloseTo(lawOfCosinesKm(palaceOfCulture, wilanowPalace), 6);
    expect(sut).toBeCloseTo(9.386, 2);
  });
});

describe('drivingMinutes', () => {
  it('drives each band of road kilometres at its own speed', () => {
    // 2 km at 18 km/h, 8 km at 28 km/h, 5 km at 45 km/h.
    expect(drivingMinutes(15)).toBeCloseTo((2 / 18 + 8 / 28 + 5 / 45) * 60, 9);
    expect(drivingMinutes(1)).toBeCloseTo((1 / 18) * 60, 9);
  });

  it('never takes longer for a shorter trip, even across a band edge', () => {
    expect(drivingMinutes(1.99)).toBeLessThan(drivingMinutes(2.01));
    expect(drivingMinutes(9.99)).toBeLessThan(drivingMinutes(10.01));
  });
});

describe('straightLineTravelTimes', () => {
  const sut = straightLineTravelTimes();

  it('gives road kilometres as great-circle distance times the detour factor, plus the leg overhead in minutes', async () => {
    const result = await sut.matrix([palaceOfCulture, wilanowPalace]);
    const roadKm = greatCircleKm(palaceOfCulture, wilanowPalace) * defaultDetourFactor;
    expect(result.source).toBe('straight_line');
    expect(result.kilometres[1]).toBeCloseTo(roadKm, 9);
    expect(result.minutes[1]).toBeCloseTo(drivingMinutes(roadKm) + defaultLegTiming.overheadMinutes, 9);
    expect(result.minutes[1]).toBeCloseTo(31.37, 1);
  });

  it('is symmetric with a zero diagonal', async () => {
    const points = [palaceOfCulture, wilanowPalace, praga];
    const { size, minutes, kilometres } = await sut.matrix(points);
    for (let from = 0; from < size; from++) {
      expect(minutes[from * size + from]).toBe(0);
      expect(kilometres[from * size + from]).toBe(0);
      for (let to = 0; to < size; to++) expect(minutes[from * size + to]).toBe(minutes[to * size + from]);
    }
  });

  it('charges nothing between two visits at the same place', async () => {
    const { minutes, kilometres } = await sut.matrix([praga, { ...praga }]);
    expect(minutes[1]).toBe(0);
    expect(kilometres[1]).toBe(0);
  });

  it('slows weekday peak driving by the rush-hour factor, but not the leg overhead', async () => {
    const midday = await sut.matrix([palaceOfCulture, wilanowPalace], tuesdayAt('11:00'));
    const rush = await sut.matrix([palaceOfCulture, wilanowPalace], tuesdayAt('08:00'));
    const overhead = defaultLegTiming.overheadMinutes;
    expect((rush.minutes[1] as number) - overhead).toBeCloseTo(((midday.minutes[1] as number) - overhead) * defaultLegTiming.rushHourFactor, 9);
    expect(rush.kilometres[1]).toBe(midday.kilometres[1]);
  });

  it('does not slow a Saturday morning', async () => {
    const saturday = await sut.matrix([palaceOfCulture, wilanowPalace], saturdayAt('08:00'));
    const undated = await sut.matrix([palaceOfCulture, wilanowPalace]);
    expect(saturday.minutes[1]).toBe(undated.minutes[1]);
  });

  it('takes its detour factor, speeds and overhead from options', async () => {
    const custom = straightLineTravelTimes({ detourFactor: 1, speedBands: [{ untilKm: Infinity, kmPerHour: 60 }], overheadMinutes: 0 });
    const { minutes } = await custom.matrix([palaceOfCulture, wilanowPalace]);
    expect(minutes[1]).toBeCloseTo(greatCircleKm(palaceOfCulture, wilanowPalace), 9);
  });

  it('refuses speed bands that would break the triangle inequality', () => {
    expect(() =>
      straightLineTravelTimes({
        speedBands: [
          { untilKm: 5, kmPerHour: 40 },
          { untilKm: Infinity, kmPerHour: 20 },
        ],
      }),
    ).toThrow(RangeError);
  });

  it('refuses a point off the globe', async () => {
    await expect(sut.matrix([palaceOfCulture, { lat: 91, lng: 21 }])).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('never makes a detour through a third place faster than the direct leg', async () => {
    const warsawPoint = fc.record({ lat: fc.double({ min: 52.1, max: 52.35, noNaN: true }), lng: fc.double({ min: 20.85, max: 21.25, noNaN: true }) });
    await fc.assert(
      fc.asyncProperty(warsawPoint, warsawPoint, warsawPoint, async (a, b, c) => {
        const { minutes } = await sut.matrix([a, b, c]);
        const direct = minutes[0 * 3 + 2] as number;
        const viaB = (minutes[0 * 3 + 1] as number) + (minutes[1 * 3 + 2] as number);
        expect(direct).toBeLessThanOrEqual(viaB + 1e-9);
      }),
    );
  });
});

describe('isWarsawRushHour', () => {
  it.each([
    ['07:00', true],
    ['09:29', true],
    ['09:30', false],
    ['11:00', false],
    ['15:30', true],
    ['18:29', true],
    ['18:30', false],
  ])('on a weekday at %s Warsaw time says %s', (time, expected) => {
    expect(isWarsawRushHour(tuesdayAt(time))).toBe(expected);
  });

  it('reads Warsaw summer time, not UTC', () => {
    // 06:30 UTC on Tuesday 7 July 2026 is 08:30 in Warsaw (UTC+2).
    expect(isWarsawRushHour(new Date('2026-07-07T06:30:00Z'))).toBe(true);
    expect(isWarsawRushHour(new Date('2026-07-07T04:30:00Z'))).toBe(false);
  });

  it('knows no rush hour at the weekend', () => {
    expect(isWarsawRushHour(saturdayAt('08:00'))).toBe(false);
    expect(isWarsawRushHour(saturdayAt('17:00'))).toBe(false);
  });
});

describe('toTravelMatrix', () => {
  it('optimises driving time: time and cost are both the minutes', async () => {
    const result = await straightLineTravelTimes().matrix([palaceOfCulture, wilanowPalace, praga]);
    const sut = toTravelMatrix(result);
    expect(sut.size).toBe(3);
    expect([...sut.time]).toEqual([...result.minutes]);
    expect([...sut.cost]).toEqual([...result.minutes]);
    expect(sut.cost).not.toBe(sut.time);
  });
});
