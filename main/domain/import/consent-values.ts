/**
 * Marketing consent in a mapped file's cell (the generic importer's `acceptsMarketing` and
 * `marketingOptOut` columns), read as Shopify's Accepts Marketing is carried: true accepts, false
 * 不接受营销, undefined not said (an empty or unknown cell changes nothing).
 *
 * Words that say what they mean (接受 / 不接受, 同意 / 拒绝, 订阅 / 退订, subscribed / unsubscribed)
 * mean it in either column. Bare yes and no (是 / 否, yes / no, true / false, 1 / 0, y / n, ✓ / ×)
 * answer the column's question: yes in an opt-out column is a refusal.
 */

export type ConsentColumn = 'acceptsMarketing' | 'marketingOptOut';

const ACCEPTS = new Set([
  '接受',
  '接受营销',
  '同意',
  '同意营销',
  '订阅',
  '已订阅',
  'accepts',
  'accepted',
  'subscribed',
  'opted in',
  'opt in',
  'opt-in',
]);
const REFUSES = new Set([
  '不接受',
  '不接受营销',
  '拒绝',
  '拒绝营销',
  '不同意',
  '退订',
  '已退订',
  '拒收',
  'refused',
  'unsubscribed',
  'opted out',
  'opt out',
  'opt-out',
]);
const YES = new Set(['是', '有', 'yes', 'y', 'true', '1', '✓', '√']);
const NO = new Set(['否', '无', 'no', 'n', 'false', '0', '×', '✗']);

export function readConsent(value: string | null | undefined, column: ConsentColumn): boolean | undefined {
  const v = value?.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!v) return undefined;
  if (ACCEPTS.has(v)) return true;
  if (REFUSES.has(v)) return false;
  const yes = YES.has(v) ? true : NO.has(v) ? false : undefined;
  if (yes === undefined) return undefined;
  return column === 'acceptsMarketing' ? yes : !yes;
}
