/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) with the sampling helpers the demo
 * generator needs. Pure and deterministic: the same seed and the same call sequence give the same
 * numbers on every platform, because everything is 32-bit integer arithmetic.
 */

/** FNV-1a over UTF-16 code units: turns a stream label into a 32-bit seed part. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seedKey: string;

  constructor(seed: number, stream = '') {
    const mix = splitmix32((Math.trunc(seed) ^ hashString(stream)) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
    this.seedKey = `${seed}/${stream}`;
  }

  /** An independent stream, so that one part of the generator never shifts another. */
  fork(label: string): Rng {
    return new Rng(hashString(`${this.seedKey}:${label}`), label);
  }

  u32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One item by relative weight (linear scan; use WeightedTable for hot paths). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Gamma with integer shape k and mean k·theta (sum of k exponentials). */
  gamma(k: number, theta: number): number {
    let s = 0;
    for (let i = 0; i < k; i++) s -= Math.log(1 - this.next());
    return s * theta;
  }

  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(0, 9));
    return out;
  }

  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += this.int(0, 15).toString(16);
    return out;
  }
}

/** Items with weights, sampled by binary search over the cumulative sums. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('WeightedTable needs a positive total weight');
    this.total = sum;
  }

  sample(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Zipf-like counts 1..max with P(k) ∝ k^-s. */
export function zipfTable(s: number, max: number): WeightedTable<number> {
  const ks: number[] = [];
  const ws: number[] = [];
  for (let k = 1; k <= max; k++) {
    ks.push(k);
    ws.push(Math.pow(k, -s));
  }
  return new WeightedTable(ks, ws);
}
