// Solver decisions draw from this, never from Math.random, so a seed replays a run exactly.
// sfc32 (Doty-Humphrey's small fast counter, as in PractRand) seeded through splitmix32: fast,
// passes the usual statistical batteries, and four 32-bit words of state are enough here.

export interface SeededRandom {
  next(): number; // uniform in [0, 1)
  below(n: number): number; // uniform integer in [0, n)
}

export function createSeededRandom(seed: number): SeededRandom {
  let mix = seed >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of a fresh state are less mixed; discard a few, as the reference does.
  for (let i = 0; i < 12; i++) next();
  return { next, below: (n) => Math.floor(next() * n) };
}
