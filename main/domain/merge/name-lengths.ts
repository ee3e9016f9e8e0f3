/**
 * How long a masked name is. 张** may say "three characters" or nothing: some platforms write one
 * star per hidden character, others always the same stars (京东's 张*). The data tells which: a
 * platform whose surname-only masks come in several lengths writes one star per character, and
 * there 张* (two characters) and 张阳平 (three) are two people — often the only thing that tells
 * two members of a household apart behind one phone and address.
 */
import type { AccountRecord, Receiver } from './records.js';

/** A surname-only mask: one visible character, then stars. */
const SURNAME_MASK = /^[^*]\*+$/u;

/** A length is "in use" when at least this share of a platform's masks has it. */
const MIN_SHARE = 0.05;
const MIN_MASKS = 20;

/**
 * Platforms whose masks keep the name's length, from the masks the records show. Only platforms
 * that mask most names count: where names are whole (own shops), a `张*` is a 张先生 written out.
 */
export function lengthKeepingPlatforms(records: Iterable<AccountRecord>): string[] {
  const byPlatform = new Map<string, Map<number, number>>();
  const wholeNames = new Map<string, number>();
  for (const record of records) {
    for (const r of record.receivers) {
      if (r.name !== null) wholeNames.set(record.platform, (wholeNames.get(record.platform) ?? 0) + r.orders);
      if (r.name !== null || r.mask === null || !SURNAME_MASK.test(r.mask)) continue;
      const lengths = byPlatform.get(record.platform) ?? new Map<number, number>();
      byPlatform.set(record.platform, lengths);
      const n = [...r.mask].length;
      lengths.set(n, (lengths.get(n) ?? 0) + r.orders);
    }
  }
  const keeping: string[] = [];
  for (const [platform, lengths] of byPlatform) {
    let total = 0;
    for (const n of lengths.values()) total += n;
    if (total < MIN_MASKS || total < (wholeNames.get(platform) ?? 0)) continue;
    let used = 0;
    for (const n of lengths.values()) if (n >= MIN_SHARE * total) used++;
    if (used >= 2) keeping.push(platform);
  }
  return keeping.sort();
}

/** The name's length in characters when known: a whole name's, or a mask's on such a platform. */
function knownLength(r: Receiver, lengthKept: boolean): number | null {
  if (r.name !== null) return [...r.name].length;
  if (!lengthKept || r.mask === null || !r.mask.includes('*')) return null;
  return [...r.mask].length;
}

/** Sets each receiver's `length` (mutates the records). */
export function applyNameLengths(records: Iterable<AccountRecord>, keeping: readonly string[]): void {
  const kept = new Set(keeping);
  for (const record of records) {
    const lengthKept = kept.has(record.platform);
    for (const r of record.receivers) r.length = knownLength(r, lengthKept);
  }
}
