/**
 * The merge's result against the truth. The database's buyer accounts are the elements; each
 * account's person is the buyer of its orders (joined through shop platform + order id) — or, for
 * an account the importer keyed by the receiver (`key_kind` 'receiver': 拼多多 and 抖店 files that
 * name no buyer), the receiver, whose name, phone and address the key is made of: a gift's receiver
 * account belongs to the receiver. The most frequent person wins when an account's orders came
 * from several people, which the importer alone can cause (a shared Youzan nickname, one receiver
 * fingerprint for two people). Two clusterings are
 * scored: the customers as the merge left them (auto, deterministic links included), and the
 * customers as they would be if the owner accepted every review suggestion (auto + review: the
 * connected components of customers and review links).
 */
import type { DbSnapshot } from './read-db.js';
import {
  PAIR_SUBSETS,
  bcubed,
  exactClusterRate,
  giftFalseMerges,
  householdFalseMerges,
  pairsByPlatformPair,
  pairwise,
  personPairKey,
  type BCubed,
  type Element,
  type FalseMergeRate,
  type PairSubset,
  type Scores,
} from './metrics.js';
import { orderKey, type Truth } from './truth.js';

export interface ClusteringQuality {
  clusters: number;
  pairwise: Record<PairSubset, Scores>;
  /** Cross-platform pairs per platform pair (`jd|tmall`). */
  byPlatformPair: Record<string, Scores>;
  bcubed: BCubed;
  exactClusters: number | null;
  household: FalseMergeRate;
  gift: FalseMergeRate;
}

export interface Evaluation {
  join: {
    dbOrders: number;
    truthOrders: number;
    /** Orders of the database the truth does not know (a failure: the files and truth disagree). */
    unknownInDb: number;
    /** Orders of the truth the database lacks (a failure: the import lost them). */
    missingInDb: number;
    /** Orders without a buyer account (e.g. ciphertext receivers): outside every account. */
    withoutAccount: number;
    /** Accounts whose orders came from more than one person, and the orders not of its person. */
    impureAccounts: number;
    ordersOfAnotherPerson: number;
  };
  accounts: {
    total: number;
    /** Accounts with at least one order in the truth: the elements scored. */
    scored: number;
    byPlatform: Record<string, number>;
    maskedOnly: number;
    persons: number;
    personsWithSeveralAccounts: number;
  };
  auto: ClusteringQuality;
  autoReview: ClusteringQuality;
  links: {
    available: boolean;
    auto: number;
    review: number;
    /** Review links between accounts of two different customers: the owner's queue. */
    reviewOpen: number;
    /** Of the open review links, those joining one person. */
    reviewOpenTrue: number;
    /** True pairs (two accounts, one person) that are a link themselves (any zone). */
    truePairs: number;
    truePairsLinked: number;
    /** The candidate pairs the last full run says it scored, when its stats say. */
    candidatePairs: number | null;
  };
  /**
   * Blocking recall (pair completeness): true pairs whose accounts share a blocking key
   * (merge_keys), overall and for the cross-platform subsets. A pair sharing none has no evidence
   * in common the engine could compare: no merge and no suggestion can find it. null: no
   * merge_keys table.
   */
  blocking: Record<
    'all' | 'crossOneFull' | 'crossBothMasked',
    { truePairs: number; sharingKey: number }
  > | null;
}

function blockingRecall(
  elements: readonly (Element & { id: number })[],
  keys: Map<number, string[]>,
): Evaluation['blocking'] {
  const out = {
    all: { truePairs: 0, sharingKey: 0 },
    crossOneFull: { truePairs: 0, sharingKey: 0 },
    crossBothMasked: { truePairs: 0, sharingKey: 0 },
  };
  const byPerson = new Map<number, (Element & { id: number })[]>();
  for (const e of elements) {
    const list = byPerson.get(e.person);
    if (list) list.push(e);
    else byPerson.set(e.person, [e]);
  }
  for (const list of byPerson.values()) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const aKeys = new Set(keys.get(a.id) ?? []);
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        const shares = (keys.get(b.id) ?? []).some((k) => aKeys.has(k)) ? 1 : 0;
        const subsets: (keyof typeof out)[] = ['all'];
        if (a.platform !== b.platform)
          subsets.push(a.maskedOnly && b.maskedOnly ? 'crossBothMasked' : 'crossOneFull');
        for (const s of subsets) {
          out[s].truePairs++;
          out[s].sharingKey += shares;
        }
      }
    }
  }
  return out;
}

class UnionFind {
  private readonly parent = new Map<number, number>();

  find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

function quality(elements: readonly Element[], gifts: ReadonlySet<string>): ClusteringQuality {
  const pairs = {} as Record<PairSubset, Scores>;
  for (const subset of PAIR_SUBSETS) pairs[subset] = pairwise(elements, subset);
  return {
    clusters: new Set(elements.map((e) => e.cluster)).size,
    pairwise: pairs,
    byPlatformPair: Object.fromEntries(pairsByPlatformPair(elements)),
    bcubed: bcubed(elements),
    exactClusters: exactClusterRate(elements),
    household: householdFalseMerges(elements),
    gift: giftFalseMerges(elements, gifts),
  };
}

/** A number from a run's stats under one of these names (engines name things differently). */
function statNumber(stats: Record<string, unknown>, names: readonly string[]): number | null {
  for (const n of names) {
    const v = stats[n];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

export function evaluate(db: DbSnapshot, truth: Truth): Evaluation {
  // Each account's orders → its persons; whether any order shows a full phone or e-mail.
  const byReceiver = new Set(db.accounts.filter((a) => a.keyKind === 'receiver').map((a) => a.id));
  const buyersOf = new Map<number, Map<number, number>>();
  const showsFull = new Set<number>();
  let unknownInDb = 0;
  let withoutAccount = 0;
  const seen = new Set<string>();
  for (const o of db.orders) {
    const key = orderKey(o.platform, o.platformOrderId);
    const t = truth.orders.get(key);
    if (!t) {
      unknownInDb++;
      continue;
    }
    seen.add(key);
    if (o.accountId === null) {
      withoutAccount++;
      continue;
    }
    const counts = buyersOf.get(o.accountId) ?? new Map<number, number>();
    buyersOf.set(o.accountId, counts);
    const person = byReceiver.has(o.accountId) ? t.receiver : t.buyer;
    counts.set(person, (counts.get(person) ?? 0) + 1);
    if (t.phoneShown === 'full' || t.emailShown) showsFull.add(o.accountId);
  }

  const personOf = new Map<number, number>();
  let impureAccounts = 0;
  let ordersOfAnotherPerson = 0;
  for (const [account, counts] of buyersOf) {
    let best = -1;
    let bestN = 0;
    let total = 0;
    for (const [person, n] of counts) {
      total += n;
      if (n > bestN || (n === bestN && person < best)) {
        best = person;
        bestN = n;
      }
    }
    personOf.set(account, best);
    if (counts.size > 1) {
      impureAccounts++;
      ordersOfAnotherPerson += total - bestN;
    }
  }

  // The two clusterings: customers; customers joined by review links.
  const customerOf = new Map<number, number>();
  for (const a of db.accounts) customerOf.set(a.id, a.customerId === null ? -a.id : a.customerId);
  const withReview = new UnionFind();
  const node = (account: number) => customerOf.get(account) ?? -account;
  for (const l of db.links ?? [])
    if (l.zone === 'review' || l.zone === 'auto') withReview.union(node(l.a), node(l.b));

  const auto: (Element & { id: number })[] = [];
  const autoReview: Element[] = [];
  const byPlatform: Record<string, number> = {};
  let maskedOnly = 0;
  for (const a of db.accounts) {
    const person = personOf.get(a.id);
    if (person === undefined) continue;
    const element = {
      id: a.id,
      cluster: node(a.id),
      person,
      household: truth.householdOf.get(person) ?? -person,
      platform: a.platform,
      maskedOnly: !showsFull.has(a.id),
    };
    auto.push(element);
    autoReview.push({ ...element, cluster: withReview.find(element.cluster) });
    byPlatform[a.platform] = (byPlatform[a.platform] ?? 0) + 1;
    if (element.maskedOnly) maskedOnly++;
  }

  // Gift relations between persons of different households, from the truth of the imported orders.
  const gifts = new Set<string>();
  for (const key of seen) {
    const t = truth.orders.get(key)!;
    if (t.delivery === 'gift' && t.buyer !== t.receiver) gifts.add(personPairKey(t.buyer, t.receiver));
  }

  const accountsPerPerson = new Map<number, number>();
  for (const e of auto) accountsPerPerson.set(e.person, (accountsPerPerson.get(e.person) ?? 0) + 1);

  // Links: the queue, and how many true pairs the engine linked directly.
  let autoLinks = 0;
  let review = 0;
  let reviewOpen = 0;
  let reviewOpenTrue = 0;
  let truePairsLinked = 0;
  for (const l of db.links ?? []) {
    const same = personOf.has(l.a) && personOf.get(l.a) === personOf.get(l.b);
    if (same) truePairsLinked++;
    if (l.zone === 'auto') autoLinks++;
    else if (l.zone === 'review') {
      review++;
      if (node(l.a) !== node(l.b)) {
        reviewOpen++;
        if (same) reviewOpenTrue++;
      }
    }
  }
  let truePairs = 0;
  for (const n of accountsPerPerson.values()) truePairs += (n * (n - 1)) / 2;
  const lastFull = [...db.runs].reverse().find((r) => r.mode === 'full') ?? db.runs[db.runs.length - 1];

  return {
    join: {
      dbOrders: db.orders.length,
      truthOrders: truth.orders.size,
      unknownInDb,
      missingInDb: truth.orders.size - seen.size,
      withoutAccount,
      impureAccounts,
      ordersOfAnotherPerson,
    },
    accounts: {
      total: db.accounts.length,
      scored: auto.length,
      byPlatform,
      maskedOnly,
      persons: accountsPerPerson.size,
      personsWithSeveralAccounts: [...accountsPerPerson.values()].filter((n) => n > 1).length,
    },
    auto: quality(auto, gifts),
    autoReview: quality(autoReview, gifts),
    links: {
      available: db.links !== null,
      auto: autoLinks,
      review,
      reviewOpen,
      reviewOpenTrue,
      truePairs,
      truePairsLinked,
      candidatePairs: lastFull
        ? statNumber(lastFull.stats, ['candidatePairs', 'candidates', 'pairs', 'candidate_pairs'])
        : null,
    },
    blocking: db.keys ? blockingRecall(auto, db.keys) : null,
  };
}
