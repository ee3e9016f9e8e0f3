/**
 * The default review line moves with the number of accounts (params.ts reviewThresholdFor): the
 * same evidence says more in a small shop than in a busy one. The automatic merge does not move.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  paramsFor,
  PRIOR_ACCOUNTS,
  reviewThresholdFor,
  scorePair,
  SMALL_SHOP_REVIEW_BITS,
} from '../../../main/domain/merge/index.js';
import { account, receiver, wholeName } from './records.js';

describe('the review line for a shop of N accounts', () => {
  it('is the default at the prior’s size and above, log2(500k / N) bits lower below it, at most 5', () => {
    expect(reviewThresholdFor(PRIOR_ACCOUNTS)).toBe(DEFAULT_PARAMS.reviewThreshold);
    expect(reviewThresholdFor(2_000_000)).toBe(DEFAULT_PARAMS.reviewThreshold);
    expect(reviewThresholdFor(125_000)).toBe(DEFAULT_PARAMS.reviewThreshold - 2);
    expect(reviewThresholdFor(35_000)).toBe(-3.8);
    expect(reviewThresholdFor(3_500)).toBe(DEFAULT_PARAMS.reviewThreshold - SMALL_SHOP_REVIEW_BITS);
    expect(reviewThresholdFor(0)).toBe(DEFAULT_PARAMS.reviewThreshold - SMALL_SHOP_REVIEW_BITS);
  });

  it('gives way to the owner’s choice, and leaves the automatic merge as it is', () => {
    expect(paramsFor(3_500, {}).autoThreshold).toBe(DEFAULT_PARAMS.autoThreshold);
    expect(paramsFor(3_500, { reviewThreshold: 2 }).reviewThreshold).toBe(2);
    expect(paramsFor(3_500, {}).reviewThreshold).toBe(-5);
  });

  it('suggests in a small shop a 拼多多 receiver whose visible digits are an own-shop holder’s number', () => {
    // Every parcel of the 有赞 account went to someone else: only its bound phone is its holder's.
    const pdd = account(1, {
      platform: 'pdd',
      keyKind: 'receiver',
      receivers: [
        receiver({
          surname: '罗',
          mask: '罗**',
          phone: '183****7373',
          prov: '130000',
          city: '130300',
          dist: '130372',
        }),
      ],
    });
    const youzan = account(2, {
      platform: 'youzan',
      keyKind: 'phone',
      phones: ['18366447373'],
      receivers: [
        wholeName('李宁林', 'lininglin', '13574533331', {
          prov: '320000',
          city: '321000',
          dist: '321081',
          detail: '府前路862号华府新村14栋1单元1004',
          fp: '321081|府前路|862',
        }),
      ],
    });
    const busy = scorePair(pdd, youzan, undefined, paramsFor(PRIOR_ACCOUNTS, {}));
    const small = scorePair(pdd, youzan, undefined, paramsFor(3_500, {}));
    expect(busy.weight).toBe(small.weight);
    expect(busy.zone).toBeNull();
    expect(small.zone).toBe('review');
  });
});
