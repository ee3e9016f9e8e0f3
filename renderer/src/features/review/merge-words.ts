/**
 * The merge's codes in the owner's words: how a pair was found (a blocking rule, or what joined it
 * without a score) and why a pair strong enough to merge was left for the owner. A code the texts
 * do not know yet shows as itself rather than as nothing.
 */
import type { TFunction } from 'i18next';

export function ruleWords(t: TFunction, rule: string): string {
  return t(`review.rules.${rule}`, { defaultValue: rule });
}

export function reasonWords(t: TFunction, reason: string): string {
  return t(`review.reasons.${reason}`, { defaultValue: reason.replace(/_/g, ' ') });
}
