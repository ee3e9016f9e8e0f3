/** Every way the merge finds a pair has words on the review screen, in both languages. */
import { describe, expect, it } from 'vitest';
import { BLOCKING_RULES } from '../../../main/domain/merge/blocking.js';
import { reviewTexts } from '../../../renderer/src/features/review/texts.js';

describe('merge words', () => {
  it('names every blocking rule in zh-CN and English', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const rules = reviewTexts[lang].rules as Record<string, string>;
      const missing = Object.keys(BLOCKING_RULES).filter((rule) => !rules[rule]);
      expect(missing, lang).toEqual([]);
    }
  });

  it('names every level the comparisons write as evidence', () => {
    // compare.ts (phone, name, address, e-mail, nickname) and score.ts (login).
    const written = [
      ...['full', 'masked7', 'suffix4', 'partial', 'conflict'],
      ...['exact', 'pinyin', 'typo', 'given_differs', 'surname_differs', 'surname_sounds', 'surname'],
      ...['length_differs', 'pickup', 'road', 'district', 'city', 'province', 'different'],
      ...['spells_name', 'spells_holder', 'login_email'],
    ];
    for (const lang of ['zh-CN', 'en'] as const) {
      const levels = reviewTexts[lang].levels as Record<string, string>;
      expect(
        written.filter((level) => !levels[level]),
        lang,
      ).toEqual([]);
    }
  });
});
