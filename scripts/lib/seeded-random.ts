/**
 * Small seeded pseudo-random numbers for the illustrative data generator.
 * Math.random cannot be seeded, and the demo data must be byte-identical for the same seed.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A 32-bit seed from any list of parts, so each (seed, force, inspection, recommendation)
 * gets its own independent stream: adding one inspection leaves every other history unchanged.
 */
export function seedFrom(...parts: readonly (string | number)[]): number {
  // FNV-1a over the UTF-16 code units, with a separator so ("ab","c") differs from ("a","bc").
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  }
  // murmur3's finaliser: FNV alone leaves similar inputs with similar high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** mulberry32: tiny, fast and good enough for plausible-looking demo data (not for anything secret). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream seeded from the given parts. */
export function randomFor(...parts: readonly (string | number)[]): Random {
  return mulberry32(seedFrom(...parts));
}

/** Uniform in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/**
 * Roughly standard normal, from the sum of four uniforms (Irwin–Hall).
 * Plain arithmetic only, so results cannot drift between JavaScript engines' Math.log/cos.
 */
export function roughNormal(random: Random): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}

/** Log-normal multiplier around 1: most values near 1, a long tail of slow ones. */
export function logNormalFactor(random: Random, spread: number): number {
  return Math.exp(spread * roughNormal(random));
}

/** One element, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: no items to choose from');
  return item;
}
