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

  it('names the login levels the scoring writes as evidence', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const levels = reviewTexts[lang].levels as Record<string, string>;
      expect([levels.spells_name, levels.spells_holder, levels.login_email].every(Boolean), lang).toBe(true);
    }
  });
});
