/**
 * The merge evaluation's metrics on small clusterings worked out by hand: pairwise precision,
 * recall and F1 on every subset of pairs, B-cubed, exact clusters, household and gift false merges.
 */
import { describe, expect, it } from 'vitest';
import {
  bcubed,
  exactClusterRate,
  giftFalseMerges,
  householdFalseMerges,
  pairsByPlatformPair,
  pairwise,
  personPairKey,
  type Element,
} from '../../../bench/eval/metrics.js';

/**
 * Person 1 (household 1): a1 tmall, a2 jd (both masked), a3 youzan (full phone).
 * Person 2 (household 1, the partner): b1 tmall (masked), b2 shopify (e-mail).
 * Person 3 (household 2): c1 jd (masked).
 * Predicted clusters: {a1, a2, b1}, {a3}, {b2, c1}.
 */
const el = (
  cluster: number,
  person: number,
  household: number,
  platform: string,
  maskedOnly: boolean,
): Element => ({
  cluster,
  person,
  household,
  platform,
  maskedOnly,
});
const a1 = el(1, 1, 1, 'tmall', true);
const a2 = el(1, 1, 1, 'jd', true);
const a3 = el(2, 1, 1, 'youzan', false);
const b1 = el(1, 2, 1, 'tmall', true);
const b2 = el(3, 2, 1, 'shopify', false);
const c1 = el(3, 3, 2, 'jd', true);
const SAMPLE = [a1, a2, a3, b1, b2, c1];

describe('pairwise precision / recall / F1', () => {
  it('all pairs: 4 true (a1a2 a1a3 a2a3 b1b2), 4 predicted (a1a2 a1b1 a2b1 b2c1), 1 correct', () => {
    expect(pairwise(SAMPLE, 'all')).toEqual({
      truth: 4,
      predicted: 4,
      correct: 1,
      precision: 0.25,
      recall: 0.25,
      f1: 0.25,
    });
  });

  it('cross-platform pairs leave out a1b1 (both Tmall)', () => {
    const s = pairwise(SAMPLE, 'crossPlatform');
    expect(s).toMatchObject({ truth: 4, predicted: 3, correct: 1 });
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBe(0.25);
    expect(s.f1).toBeCloseTo((2 * (1 / 3) * 0.25) / (1 / 3 + 0.25), 12);
  });

  it('masked-only pairs are among a1, a2, b1, c1', () => {
    const s = pairwise(SAMPLE, 'maskedOnly');
    expect(s).toMatchObject({ truth: 1, predicted: 3, correct: 1, recall: 1 });
    expect(s.precision).toBeCloseTo(1 / 3, 12);
  });

  it('cross-platform with both sides masked: a1a2 true; a1a2 and a2b1 predicted', () => {
    expect(pairwise(SAMPLE, 'crossBothMasked')).toEqual({
      truth: 1,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
    });
  });

  it('cross-platform with one side full: a1a3, a2a3, b1b2 true; only b2c1 predicted, wrongly', () => {
    expect(pairwise(SAMPLE, 'crossOneFull')).toEqual({
      truth: 3,
      predicted: 1,
      correct: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });

  it('all singletons: no predicted pair, so no precision; recall 0', () => {
    const alone = SAMPLE.map((e, i) => ({ ...e, cluster: 100 + i }));
    expect(pairwise(alone, 'all')).toEqual({
      truth: 4,
      predicted: 0,
      correct: 0,
      precision: null,
      recall: 0,
      f1: null,
    });
  });

  it('the truth itself scores 1 everywhere it has pairs', () => {
    const perfect = SAMPLE.map((e) => ({ ...e, cluster: e.person }));
    for (const subset of ['all', 'crossPlatform', 'maskedOnly', 'crossOneFull', 'crossBothMasked'] as const) {
      const s = pairwise(perfect, subset);
      expect(s.correct).toBe(s.truth);
      expect(s.predicted).toBe(s.truth);
      expect(s.recall).toBe(1);
    }
  });
});

describe('cross-platform pairs by platform pair', () => {
  it('counts each combination apart: Tmall–JD found once of once, predicted twice', () => {
    const by = pairsByPlatformPair(SAMPLE);
    expect([...by.keys()]).toEqual(['jd|shopify', 'jd|tmall', 'jd|youzan', 'shopify|tmall', 'tmall|youzan']);
    expect(by.get('jd|tmall')).toMatchObject({
      truth: 1,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(by.get('jd|shopify')).toMatchObject({
      truth: 0,
      predicted: 1,
      correct: 0,
      precision: 0,
      recall: null,
    });
    expect(by.get('shopify|tmall')).toMatchObject({
      truth: 1,
      predicted: 0,
      correct: 0,
      precision: null,
      recall: 0,
    });
    expect(by.get('jd|youzan')).toMatchObject({ truth: 1, predicted: 0, correct: 0 });
    expect(by.get('tmall|youzan')).toMatchObject({ truth: 1, predicted: 0, correct: 0 });
    // Together they are the cross-platform pairs.
    const sum = [...by.values()].reduce(
      (n, s) => ({
        truth: n.truth + s.truth,
        predicted: n.predicted + s.predicted,
        correct: n.correct + s.correct,
      }),
      { truth: 0, predicted: 0, correct: 0 },
    );
    expect(sum).toEqual({ truth: 4, predicted: 3, correct: 1 });
  });
});

describe('B-cubed and exact clusters', () => {
  it('averages per-account precision and recall', () => {
    // precision: a1 2/3, a2 2/3, b1 1/3, a3 1, b2 1/2, c1 1/2 → 11/3 / 6
    // recall:    a1 2/3, a2 2/3, b1 1/2, a3 1/3, b2 1/2, c1 1 → 11/3 / 6
    const b = bcubed(SAMPLE);
    expect(b.precision).toBeCloseTo(11 / 18, 12);
    expect(b.recall).toBeCloseTo(11 / 18, 12);
    expect(b.f1).toBeCloseTo(11 / 18, 12);
  });

  it('is 1/1/1 for the truth and has full recall when everything is one cluster', () => {
    expect(bcubed(SAMPLE.map((e) => ({ ...e, cluster: e.person })))).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
    const one = bcubed(SAMPLE.map((e) => ({ ...e, cluster: 7 })));
    // precision: P1's three see 3/6, P2's two 2/6, P3's one 1/6 → (9 + 4 + 1) / 36
    expect(one.precision).toBeCloseTo(14 / 36, 12);
    expect(one.recall).toBe(1);
  });

  it('counts a person as exact only when its accounts are one whole cluster', () => {
    expect(exactClusterRate(SAMPLE)).toBe(0);
    // P1 exact, P2 split, P3 exact.
    const some = [
      el(1, 1, 1, 'tmall', true),
      el(1, 1, 1, 'jd', true),
      el(2, 2, 1, 'tmall', true),
      el(3, 2, 1, 'jd', true),
      el(4, 3, 2, 'jd', true),
    ];
    expect(exactClusterRate(some)).toBeCloseTo(2 / 3, 12);
    expect(exactClusterRate([])).toBeNull();
  });
});

describe('household and gift false merges', () => {
  it('household: P1 × P2 account pairs are the opportunities; a1b1 and a2b1 were merged', () => {
    expect(householdFalseMerges(SAMPLE)).toEqual({ opportunities: 6, merged: 2, rate: 1 / 3 });
  });

  it('gift: P2 → P3 across households; b2c1 merged. A gift inside the household is not counted here', () => {
    const relations = new Set([personPairKey(3, 2), personPairKey(1, 2)]);
    expect(giftFalseMerges(SAMPLE, relations)).toEqual({ opportunities: 2, merged: 1, rate: 0.5 });
    expect(giftFalseMerges(SAMPLE, new Set())).toEqual({ opportunities: 0, merged: 0, rate: null });
  });

  it('a person pair key is the same in both orders', () => {
    expect(personPairKey(9, 2)).toBe('2|9');
    expect(personPairKey(2, 9)).toBe('2|9');
  });
});
