// Seeded randomness for the statistics tests and the bench generator: the same seed gives the
// same series, so a failure can be replayed.

/** mulberry32: a small, fast 32-bit generator; good enough for simulation, not for secrets. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One Poisson(lambda) draw: Knuth's product method for small means, a normal approximation above 60. */
export function poissonDraw(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
