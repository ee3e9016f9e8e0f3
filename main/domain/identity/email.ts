/**
 * E-mail addresses, normalised for matching: NFKC, trimmed, lower case (own shops and mapped
 * files write `Alice@Example.COM` and `alice@example.com` for one buyer). A masked address (Tmall's
 * 买家支付宝账号 `a***@163.com`) identifies nobody and yields nothing.
 *
 * Chinese buyers often use their mobile number or QQ number as the mailbox name: such a local part
 * yields an extra token — `13812345678@163.com` a phone (matched against receivers' full mobiles),
 * `12345678@qq.com` a QQ number (only at QQ's own domains, where a number is the QQ account).
 */
import { halfWidth } from './text.js';

export interface EmailIdentity {
  email: string;
  /** A mainland mobile number used as the local part. */
  phone: string | null;
  /** A QQ number used as the local part of a qq.com / vip.qq.com / foxmail.com address. */
  qq: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE_LOCAL = /^(?:\+?86)?(1[3-9]\d{9})$/;
const QQ_DOMAINS = new Set(['qq.com', 'vip.qq.com', 'foxmail.com']);

export function normalizeEmail(raw: string | null | undefined): EmailIdentity | null {
  if (!raw) return null;
  const email = halfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  if (!EMAIL.test(email) || /[*×]/.test(email)) return null;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const phone = MOBILE_LOCAL.exec(local)?.[1] ?? null;
  const qq = !phone && QQ_DOMAINS.has(domain) && /^[1-9]\d{4,10}$/.test(local) ? local : null;
  return { email, phone, qq };
}
