/**
 * Money text → integer minor units (fen for CNY), exactly: the decimal string is parsed digit by
 * digit, never through a float multiply (0.29 * 100 = 28.999999999999996).
 */
import { cleanValue } from './clean-value.js';
import { minorUnitDigits } from '../../shared/money.js';

export { minorUnitDigits };

export type MoneyResult = { ok: true; value: number | null } | { ok: false };

const PLAIN_DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,9}))?$/;

/**
 * Texts that mean "no refund" in refund columns: Tmall 订单报表 writes `无退款申请` in 退款金额,
 * line files write the refund status `没有申请退款` there.
 */
const NO_REFUND = /^(无退款申请|没有申请退款|无退款|未退款|无售后|没有退款)$/;

/**
 * Parse a money cell. Handles `12.34元`, `¥1,234.50`, `￥`, `$`, thousands separators, negative
 * numbers (`-5.00`, `−5.00`, accounting `(5.00)`), and JD's `168.00（系统计算中，该值仅供参考）`
 * (a note in parentheses after the number). Empty → null.
 */
export function parseMoney(
  raw: string | undefined,
  options: { digits?: number; refund?: boolean } = {},
): MoneyResult {
  const digits = options.digits ?? 2;
  const clean = cleanValue(raw);
  if (clean === '') return { ok: true, value: null };
  // Fast path: plain ASCII decimals (`168.00`, `-5`, `0.5`), most cells of a large export.
  const plain = PLAIN_DECIMAL.exec(clean);
  if (plain) {
    const value = decimalToMinor(plain[2]!, plain[3] ?? '', digits);
    if (Number.isSafeInteger(value)) return { ok: true, value: plain[1] && value !== 0 ? -value : value };
  }
  let v = clean.normalize('NFKC');
  if (options.refund && NO_REFUND.test(v)) return { ok: true, value: 0 };
  // A note in parentheses that is not itself a number (JD 商家应收's "系统计算中" remark).
  v = v.replace(/\(([^()]*[^\d.,\s-][^()]*)\)/g, '').trim();
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(v);
  if (accounting) {
    negative = true;
    v = accounting[1]!.trim();
  }
  v = v.replace(/^(RMB|CNY|USD|人民币)\s*/i, '').replace(/\s*(元|RMB|CNY)$/i, '');
  if (/^[-−]/.test(v)) {
    negative = !negative;
    v = v.slice(1).trim();
  }
  v = v.replace(/^[¥$€£]\s*/, '').replace(/\s*元$/, '');
  if (/^[-−]/.test(v)) {
    negative = !negative;
    v = v.slice(1).trim();
  }
  // Thousands separators only where they group three digits, so "1,5" is not silently 15.
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(v)) v = v.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(v);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false };
  const value = decimalToMinor(m[1] || '0', m[2] ?? '', digits);
  if (!Number.isSafeInteger(value)) return { ok: false };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** "12", "345" with 2 digits → 1235 (half away from zero beyond the minor unit). */
function decimalToMinor(intPart: string, fracPart: string, digits: number): number {
  const frac = fracPart.padEnd(digits, '0');
  let minor = Number(intPart + frac.slice(0, digits));
  const next = frac.charCodeAt(digits);
  if (!Number.isNaN(next) && next >= 0x35 /* '5' */) minor += 1;
  return minor;
}
