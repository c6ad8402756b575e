import type { DispatchProblem, DispatchVehicle, DispatchVisit } from './dispatch-model.ts';

// Reads a Solomon VRPTW instance (the 1987 benchmark every routing paper reports on) in its usual
// text layout: a name, a VEHICLE block with fleet size and capacity, then one row per site —
// number, x, y, demand, ready time, due date, service time — the depot first as row 0.
// Distances and travel times are the same unrounded Euclidean doubles, as in the SINTEF best-knowns.

export interface SolomonSite {
  number: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicleCount: number;
  capacity: number;
  depot: SolomonSite;
  customers: SolomonSite[];
}

export function parseSolomonInstance(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const name = lines[0] ?? '';
  let fleet: { vehicleCount: number; capacity: number } | null = null;
  const sites: SolomonSite[] = [];
  for (const line of lines.slice(1)) {
    const fields = line.split(/\s+/);
    if (!fields.every((field) => /^-?\d+(\.\d+)?$/.test(field))) continue; // headings
    const numbers = fields.map(Number);
    if (numbers.length === 2 && !fleet) fleet = { vehicleCount: numbers[0] ?? 0, capacity: numbers[1] ?? 0 };
    else if (numbers.length === 7) {
      const [number, x, y, demand, ready, due, service] = numbers as [number, number, number, number, number, number, number];
      sites.push({ number, x, y, demand, ready, due, service });
    }
  }
  const [depot, ...customers] = sites;
  if (!fleet || !depot || customers.length === 0) throw new Error(`not a Solomon instance: ${name || '(empty)'}`);
  return { name, ...fleet, depot, customers };
}

// Location i of the matrix is row i of the file: the depot is 0, customer n is n.
export function toDispatchProblem(instance: SolomonInstance): DispatchProblem {
  const sites = [instance.depot, ...instance.customers];
  const size = sites.length;
  const distance = new Float64Array(size * size);
  sites.forEach((from, i) => {
    sites.forEach((to, j) => {
      distance[i * size + j] = Math.hypot(from.x - to.x, from.y - to.y);
    });
  });
  const visits: DispatchVisit[] = instance.customers.map((customer, index) => ({
    id: String(customer.number),
    location: index + 1,
    serviceTime: customer.service,
    demand: customer.demand,
    window: { start: customer.ready, end: customer.due },
  }));
  const vehicles: DispatchVehicle[] = Array.from({ length: instance.vehicleCount }, (_, index) => ({
    id: `vehicle-${index + 1}`,
    startLocation: 0,
    endLocation: 0,
    shift: { start: instance.depot.ready, end: instance.depot.due },
    capacity: instance.capacity,
  }));
  return { visits, vehicles, travel: { size, time: distance, cost: distance } };
}
