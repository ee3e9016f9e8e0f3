import { describe, expect, it } from 'vitest';
import {
  halfWidth,
  normalizeText,
  stripSpaceAndPunctuation,
  toSimplified,
} from '../../../main/domain/identity/index.js';

describe('text normalisation', () => {
  it.each([
    // [as exported, normal form, where it comes from]
    ['  张伟  ', '张伟', 'stray spaces (every tool)'],
    ['張偉', '张伟', 'traditional characters (a Hong Kong buyer, a phone set to traditional input)'],
    ['廣東省廣州市天河區華夏路１０號', '广东省广州市天河区华夏路10号', 'traditional and full-width digits'],
    ['Ａ座　１８０１室', 'a座1801室', 'full-width letters, digits and the ideographic space'],
    ['张 伟。', '张伟', 'spaces and punctuation'],
    ['John  SMITH', 'johnsmith', 'Latin letters fold to lower case'],
    ['文三路100号，', '文三路100号', 'a trailing full-width comma (new Tmall receiver text)'],
    ['   ', null, 'nothing left'],
    ['', null, 'empty'],
    [null, null, 'absent'],
  ])('%j → %j (%s)', (raw, expected, _why) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('converts traditional to simplified only where a character differs, and leaves other text alone', () => {
    expect(toSimplified('臺灣 乾隆 著名')).toBe('台湾 乾隆 著名');
    expect(toSimplified('13812345678')).toBe('13812345678');
  });

  it('folds full width to half width (NFKC) and keeps symbols that are not punctuation', () => {
    expect(halfWidth('＋８６ １３８＊＊＊＊５６７８')).toBe('+86 138****5678');
    expect(stripSpaceAndPunctuation('+86 (138) 1234-5678')).toBe('+8613812345678');
  });
});
