/**
 * The merge model's parameters: match weights in bits per comparison level (design §5.4,
 * weight = log2(m/u)), the prior, the zone thresholds and the clustering constraints. Tuned on the
 * labelled benchmark (`npm run eval:merge`); the README's "Buyer merge" section lists them.
 */

export interface MergeParams {
  /** log2 of the prior odds that two accounts are one person (≈ −20 at 500k accounts). */
  priorBits: number;
  /** Auto-merge at or above this total weight, when a strong identifier agrees. */
  autoThreshold: number;
  /** Review suggestions from here up to the auto threshold; below it a pair is discarded. */
  reviewThreshold: number;
  /** Two accounts of one platform (both keyed by a buyer) need this much to auto-merge. */
  samePlatformThreshold: number;
  /** Most accounts in one customer an automatic merge may make. */
  maxClusterSize: number;
  /** Blocks (accounts sharing a blocking key) larger than this are not paired ("common values"). */
  maxBlockSize: number;
  /**
   * Merge automatically only when the names agree beyond a masked surname (whole names, or a login
   * that spells the other's name): households that share a phone stop merging, and so do most
   * masked accounts (benchmark: precision 95.5 → 98.4 %, recall 39 → 12 %). Off by default.
   */
  confirmNames: boolean;
}

export const DEFAULT_PARAMS: MergeParams = {
  priorBits: -20,
  autoThreshold: 10,
  reviewThreshold: 0,
  samePlatformThreshold: 14,
  maxClusterSize: 8,
  maxBlockSize: 200,
  confirmNames: true,
};

/** The number of accounts `priorBits` is set for: a busy shop's. */
export const PRIOR_ACCOUNTS = 500_000;
/**
 * How far below the default review line a small shop's suggestions reach. Beyond it the pairs a
 * smaller prior adds are mostly chance (benchmark, 10k orders: 5 bits lift one-side-full recall
 * by 1–2 points for a fifth more suggestions).
 */
export const SMALL_SHOP_REVIEW_BITS = 5;

/**
 * The default review line for a database of this many buyer accounts. The prior odds that two
 * accounts are one person fall with the number of accounts (∝ 1/N), so the same evidence says more
 * in a shop of 3,000 accounts than in one of 500,000: by log2(PRIOR_ACCOUNTS / N) bits. Only the
 * review line moves with it; the automatic merge stays as strict at every size, since a wrong
 * merge costs more than a suggestion.
 */
export function reviewThresholdFor(accounts: number): number {
  const bits = Math.log2(PRIOR_ACCOUNTS / Math.max(accounts, 1));
  const shift = Math.min(SMALL_SHOP_REVIEW_BITS, Math.max(0, bits));
  return Math.round((DEFAULT_PARAMS.reviewThreshold - shift) * 10) / 10;
}

/** The parameters of a run over this many accounts: the defaults for its size, then the owner's. */
export function paramsFor(accounts: number, chosen: Partial<MergeParams>): MergeParams {
  return { ...DEFAULT_PARAMS, reviewThreshold: reviewThresholdFor(accounts), ...chosen };
}

/**
 * Version of the weights, keys and rules: stored with each run. Bump it when they change; the next
 * run after an update is then a full one (services/merge/run.ts).
 */
export const MODEL_VERSION = 'fs-4';

/** Bits per level (m/u priors of design §5.4; TF adjustments in compare.ts). */
export const BITS = {
  phone: {
    full: 19,
    /** ≥ 7 visible digits agree (138****5678 vs 13812345678 or 138****5678). */
    masked7: 18,
    /** 5–6 visible digits agree (JD's 1******5678 vs 138****5678: the last four). */
    suffix4: 12,
    /** Fewer: 3+1 masks (186*******1). */
    partial: 8,
    conflict: -3,
  },
  name: {
    exact: 13.7,
    pinyin: 10.5,
    typo: 4.3,
    /** Surname agrees and the visible characters are compatible: log2(0.75 / surname share). */
    maskedMax: 9.9,
    maskedMin: 2,
    /** Both whole, one surname, the given names differ (not a one-character typo): a relative. */
    givenDiffers: -4,
    surnameDiffers: -5,
    /** A masked surname and another that reads alike (汪* / 王娜): a typo as often as two people. */
    surnameSounds: 0,
  },
  address: {
    exact: 17.8,
    road: 14.3,
    district: 7.2,
    city: 3,
    province: -0.3,
    different: -3.6,
    /** A pickup point or locker tells little about who the receiver is. */
    pickup: 2,
  },
  email: 23,
  nickname: 15.6,
  /** A login spelling the other side's whole name, beyond its masked surname. */
  loginSpellsName: 6,
} as const;
