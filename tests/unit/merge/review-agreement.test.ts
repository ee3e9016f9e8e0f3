/** Which characters of two shown values the review screen highlights as agreeing. */
import { describe, expect, it } from 'vitest';
import { agreeingCharacters } from '../../../main/domain/review/agreement.js';

describe('agreeing characters', () => {
  it('compares phones digit by digit at their places; masks agree with nothing', () => {
    expect(agreeingCharacters('phone', '138****5678', '1******5678')).toEqual({
      agreeA: [0, 7, 8, 9, 10],
      agreeB: [0, 7, 8, 9, 10],
    });
    // Same digits at other places are no agreement: 5678 is not 6785.
    expect(agreeingCharacters('phone', '138****5678', '138****6785')).toEqual({
      agreeA: [0, 1, 2],
      agreeB: [0, 1, 2],
    });
  });

  it('finds the common characters of places and names wherever they stand', () => {
    expect(agreeingCharacters('district', '杭州市西湖区', '西湖区')).toEqual({
      agreeA: [3, 4, 5],
      agreeB: [0, 1, 2],
    });
    expect(agreeingCharacters('name', '张*', '张*')).toEqual({ agreeA: [0], agreeB: [0] });
    expect(agreeingCharacters('name', '王*', '孙*')).toEqual({ agreeA: [], agreeB: [] });
    expect(agreeingCharacters('email', 'A***@example.com', 'a***@Example.com').agreeA).toHaveLength(13);
  });

  it('has nothing to say about a missing value', () => {
    expect(agreeingCharacters('phone', null, '138****5678')).toEqual({ agreeA: [], agreeB: [] });
  });
});
