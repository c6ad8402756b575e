import { describe, expect, it } from 'vitest';
import { parseSolomonInstance, toDispatchProblem } from './solomon-instance.ts';

const tinyInstance = `TINY1

VEHICLE
NUMBER     CAPACITY
  3         50

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        200          0
    1      3          4         10         10         50         10
    2      0         10         20          0        100         10
`;

describe('parseSolomonInstance', () => {
  it('reads the fleet, the depot and the customers', () => {
    const sut = parseSolomonInstance(tinyInstance);
    expect(sut.name).toBe('TINY1');
    expect(sut.vehicleCount).toBe(3);
    expect(sut.capacity).toBe(50);
    expect(sut.depot).toEqual({ number: 0, x: 0, y: 0, demand: 0, ready: 0, due: 200, service: 0 });
    expect(sut.customers).toEqual([
      { number: 1, x: 3, y: 4, demand: 10, ready: 10, due: 50, service: 10 },
      { number: 2, x: 0, y: 10, demand: 20, ready: 0, due: 100, service: 10 },
    ]);
  });

  it('reads Windows line endings', () => {
    expect(parseSolomonInstance(tinyInstance.replace(/\n/g, '\r\n')).customers).toHaveLength(2);
  });

  it('refuses text without customers', () => {
    expect(() => parseSolomonInstance('EMPTY\nVEHICLE\n 25 200\n')).toThrow('not a Solomon instance: EMPTY');
  });
});

describe('toDispatchProblem', () => {
  it('makes unrounded Euclidean travel, one vehicle per fleet slot with the depot horizon as shift', () => {
    const sut = toDispatchProblem(parseSolomonInstance(tinyInstance));
    expect(sut.travel.size).toBe(3);
    expect(sut.travel.cost[0 * 3 + 1]).toBe(5);
    expect(sut.travel.time[1 * 3 + 2]).toBeCloseTo(Math.hypot(3, 6), 12);
    expect(sut.visits.map((visit) => visit.id)).toEqual(['1', '2']);
    expect(sut.visits[0]).toMatchObject({ location: 1, serviceTime: 10, demand: 10, window: { start: 10, end: 50 } });
    expect(sut.vehicles).toHaveLength(3);
    expect(sut.vehicles[0]).toMatchObject({ startLocation: 0, endLocation: 0, shift: { start: 0, end: 200 }, capacity: 50 });
  });
});
