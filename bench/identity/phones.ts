/**
 * Mobile numbers and how the platforms show them. Prefixes follow the carriers' number blocks and
 * rough market shares (China Mobile ~57 %, China Telecom ~23 %, China Unicom ~18 %, China
 * Broadnet 192 ~2 %), older blocks weighted above newer ones. Every person's number is unique;
 * the platform's privacy numbers (虚拟号) come from a small shared pool.
 */
import { WeightedTable, type Rng } from '../lib/prng.js';

const CARRIERS: readonly { share: number; old: readonly number[]; recent: readonly number[] }[] = [
  {
    share: 57,
    old: [134, 135, 136, 137, 138, 139, 150, 151, 152, 157, 158, 159, 182, 183, 187, 188],
    recent: [147, 172, 178, 184, 195, 197, 198],
  },
  { share: 23, old: [133, 153, 180, 181, 189], recent: [149, 173, 177, 190, 191, 193, 199] },
  { share: 18, old: [130, 131, 132, 155, 156, 185, 186], recent: [145, 166, 175, 176, 196] },
  { share: 2, old: [192], recent: [] },
];

const PREFIXES = new WeightedTable<string>(
  CARRIERS.flatMap((c) => {
    const weightOf = (old: boolean) => (old ? 3 : 1);
    const total = c.old.length * weightOf(true) + c.recent.length * weightOf(false);
    return [
      ...c.old.map((p) => [String(p), (c.share * weightOf(true)) / total] as const),
      ...c.recent.map((p) => [String(p), (c.share * weightOf(false)) / total] as const),
    ];
  }),
);

/** Hands out distinct mobile numbers. */
export class PhoneBook {
  private readonly used = new Set<string>();

  draw(rng: Rng): string {
    for (;;) {
      const phone = PREFIXES.draw(rng) + rng.digits(8);
      if (!this.used.has(phone)) {
        this.used.add(phone);
        return phone;
      }
    }
  }
}

/** The first three and last four digits: 138****5678 (Tmall, PDD, 抖店 when not ciphertext). */
export function mask3x4(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}

/**
 * JD's mask. `1+4` is the one a real JD export row shows (1******6198, eleven characters);
 * `3+1` the shorter form the design notes describe (186****1). The benchmark writes `1+4` unless
 * told otherwise.
 */
export type JdPhoneMask = '1+4' | '3+1';

export function maskJd(phone: string, style: JdPhoneMask): string {
  return style === '1+4'
    ? `${phone.slice(0, 1)}******${phone.slice(7)}`
    : `${phone.slice(0, 3)}****${phone.slice(10)}`;
}

/**
 * Privacy numbers (Tmall's 虚拟号): a virtual-operator number shared by many orders, each with its
 * own 4-digit extension: 17012345678-1234. Never anyone's own phone.
 */
export class VirtualNumbers {
  private readonly pool: string[];

  constructor(rng: Rng, size: number) {
    this.pool = [];
    for (let i = 0; i < size; i++) this.pool.push(rng.pick(['170', '171', '165', '167']) + rng.digits(8));
  }

  draw(rng: Rng): string {
    return `${rng.pick(this.pool)}-${rng.digits(4)}`;
  }
}

/** Shopify writes phones in E.164: +8613812345678. */
export function e164(phone: string): string {
  return `+86${phone}`;
}
