/**
 * The blocking keys a merge run sees (domain/merge/blocking.ts), interned: each key's text once
 * with an integer id, the (key, account) entries in two integer arrays, the accounts of each key
 * (its block) and the keys of each account as ranges of those arrays. A full run at 500k accounts
 * has about 2M entries; held as a map of string arrays per key plus one per account and a list of
 * [key, account] pairs, they were most of the run's heap and a good part of its garbage-collection
 * time.
 */

/** The rules in the order that names the rule of a link (the strongest key two accounts share). */
const RULE_ORDER = ['em', 'pf', 'p7', 'nk', 'af', 'nc', 'ln', 'd4', 'c4'];

const CHECKSUM_MOD = 2 ** 52;

/**
 * A 53-bit hash of a (key, account) entry (cyrb53 over the key's text, seeded with the account):
 * the checksum of a set of entries is the sum of theirs modulo 2^52, so it needs no order.
 */
export function entryHash(key: string, account: number): number {
  let h1 = 0xdeadbeef ^ account;
  let h2 = 0x41c6ce57 ^ account;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)) % CHECKSUM_MOD;
}

/** Adds an entry's hash to a checksum (both below 2^52: the sum stays exact in a double). */
export function addToChecksum(sum: number, hash: number): number {
  return (sum + hash) % CHECKSUM_MOD;
}

export class KeyBlocks {
  private readonly idOf = new Map<string, number>();
  /** Key id → the key's text. */
  readonly texts: string[] = [];
  private entryKey = new Int32Array(1 << 16);
  private entryAccount = new Int32Array(1 << 16);
  /** (key, account) entries added. */
  entries = 0;
  /** Account → its slot; an account's entries are added together, so they are one range. */
  private readonly slotOf = new Map<number, number>();
  private readonly slotStart: number[] = [];
  private readonly slotEnd: number[] = [];
  /** After `seal`: per key id, its accounts as the range blockStart[id]..blockStart[id + 1] of blockAccounts. */
  private blockStart = new Int32Array(0);
  private blockAccounts = new Int32Array(0);
  private sealed = false;

  /** Adds an account's keys (distinct); each account once. */
  addAccount(account: number, keys: Iterable<string>): void {
    if (this.sealed) throw new Error('KeyBlocks: sealed');
    if (this.slotOf.has(account)) throw new Error(`KeyBlocks: account ${account} added twice`);
    const start = this.entries;
    for (const key of keys) {
      let id = this.idOf.get(key);
      if (id === undefined) {
        id = this.texts.length;
        this.idOf.set(key, id);
        this.texts.push(key);
      }
      if (this.entries === this.entryKey.length) this.grow();
      this.entryKey[this.entries] = id;
      this.entryAccount[this.entries] = account;
      this.entries++;
    }
    this.slotOf.set(account, this.slotStart.length);
    this.slotStart.push(start);
    this.slotEnd.push(this.entries);
  }

  private grow(): void {
    const key = new Int32Array(this.entryKey.length * 2);
    key.set(this.entryKey);
    this.entryKey = key;
    const account = new Int32Array(this.entryAccount.length * 2);
    account.set(this.entryAccount);
    this.entryAccount = account;
  }

  /** The id of a key already added, or undefined. */
  idOfKey(key: string): number | undefined {
    return this.idOf.get(key);
  }

  /** Groups the entries by key (a counting sort: each block keeps the order its accounts were added in). */
  seal(): void {
    const keys = this.texts.length;
    const start = new Int32Array(keys + 1);
    for (let e = 0; e < this.entries; e++) start[this.entryKey[e]! + 1]!++;
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
    const fill = start.slice(0, keys);
    const accounts = new Int32Array(this.entries);
    for (let e = 0; e < this.entries; e++) accounts[fill[this.entryKey[e]!]!++] = this.entryAccount[e]!;
    this.blockStart = start;
    this.blockAccounts = accounts;
    this.sealed = true;
  }

  /** How many accounts share the key; 1 for a key no account has (the term frequencies' default). */
  count(key: string): number {
    const id = this.idOf.get(key);
    return id === undefined ? 1 : this.blockStart[id + 1]! - this.blockStart[id]!;
  }

  /** Calls `each` with the accounts of every key (a view, valid during the call) and the key's id. */
  forEachBlock(each: (accounts: Int32Array, keyId: number) => void): void {
    for (let k = 0; k < this.texts.length; k++)
      each(this.blockAccounts.subarray(this.blockStart[k]!, this.blockStart[k + 1]!), k);
  }

  /** The accounts that have the key (a view), or undefined for a key no account has. */
  accountsWithKey(key: string): Int32Array | undefined {
    const id = this.idOf.get(key);
    if (id === undefined) return undefined;
    return this.blockAccounts.subarray(this.blockStart[id]!, this.blockStart[id + 1]!);
  }

  /** The entries [start, end) of an account, or null when it has none. */
  rangeOf(account: number): [number, number] | null {
    const slot = this.slotOf.get(account);
    return slot === undefined ? null : [this.slotStart[slot]!, this.slotEnd[slot]!];
  }

  /** The checksum of the entries [from, to) (entryHash, summed). */
  checksum(from: number, to: number): number {
    let sum = 0;
    for (let e = from; e < to; e++)
      sum = addToChecksum(sum, entryHash(this.texts[this.entryKey[e]!]!, this.entryAccount[e]!));
    return sum;
  }

  keyIdAt(entry: number): number {
    return this.entryKey[entry]!;
  }

  accountAt(entry: number): number {
    return this.entryAccount[entry]!;
  }

  /** The entry of (key id, account), or -1. */
  entryOf(keyId: number, account: number): number {
    const slot = this.slotOf.get(account);
    if (slot === undefined) return -1;
    const end = this.slotEnd[slot]!;
    for (let e = this.slotStart[slot]!; e < end; e++) if (this.entryKey[e] === keyId) return e;
    return -1;
  }

  /**
   * The rule of the strongest key two accounts share (e-mail, full phone, phone 3+4, nickname,
   * address, name in a city, district or city + phone suffix); 'manual' when they share none.
   */
  sharedRule(a: number, b: number): string {
    const ra = this.rangeOf(a);
    const rb = this.rangeOf(b);
    if (!ra || !rb) return 'manual';
    let best = RULE_ORDER.length;
    for (let e = ra[0]; e < ra[1]; e++) {
      const key = this.entryKey[e]!;
      let shared = false;
      for (let f = rb[0]; f < rb[1] && !shared; f++) shared = this.entryKey[f] === key;
      if (!shared) continue;
      const rank = RULE_ORDER.indexOf(this.texts[key]!.slice(0, 2));
      if (rank >= 0 && rank < best) best = rank;
    }
    return best < RULE_ORDER.length ? RULE_ORDER[best]! : 'manual';
  }
}
