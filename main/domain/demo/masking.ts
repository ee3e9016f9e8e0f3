/**
 * How each platform masks receiver data in its exports (see shared/design/export-formats.md).
 * Every masked value is derived from the true value, so a merge can later be checked against the
 * ground truth.
 */

import { surnameOf } from './names.js';

/** 张三丰 → 张**, 欧阳娜 → 欧阳*: the surname stays, every other character becomes `*`. */
export function maskName(name: string): string {
  const surname = surnameOf(name);
  return surname + '*'.repeat(Math.max(1, [...name].length - [...surname].length));
}

/** Tmall: 13812345678 → 138****5678 (first 3 and last 4 digits visible). */
export function maskPhoneTmall(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** JD: 18612346198 → 1******6198 (first digit and last 4 visible, length kept at 11). */
export function maskPhoneJd(phone: string): string {
  return `${phone.slice(0, 1)}******${phone.slice(-4)}`;
}

export const MASKED_NAME = /^[\u4e00-\u9fff]{1,2}\*+$/;
export const TMALL_MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;
export const JD_MASKED_PHONE = /^1\*{6}\d{4}$/;
export const FULL_PHONE = /^1\d{10}$/;
