/**
 * Buyer nicknames and login names (Tmall 买家会员名, JD 下单帐号, Youzan 买家昵称), normalised for
 * matching: NFKC, traditional → simplified, lower case, trimmed, inner spaces removed.
 *
 * A nickname the platform generated says nothing about who chose it, so two equal ones are no
 * evidence: those are flagged `generic` — JD's `jd_` + hex pins and `jd` + digits, Taobao's default
 * `tb` + digits (`tb8347261_88`), 抖音's `用户` + digits, `user12345`, 微信用户 / 匿名用户 and the
 * like, a phone number or masked phone, a number alone, anything masked (`t**9`), one character.
 */
import { halfWidth, toSimplified } from './text.js';

export interface NicknameIdentity {
  nickname: string;
  generic: boolean;
}

const GENERATED: readonly RegExp[] = [
  /^jd_?[0-9a-f]{6,}$/, // JD pins: jd_5f3a9c2e1b7d4
  /^jd\d{5,}$/,
  /^tb_?\d{5,}(?:_\d+)?$/, // Taobao defaults: tb8347261_88, tb_123456789
  /^t_\d{6,}$/,
  /^(?:user|u|member|customer|guest)_?\d+$/, // user12345
  /^(?:抖音|拼多多|微信|淘宝|京东|快手|小红书)?用户_?[\da-z]*$/, // 用户5839201847, 微信用户, 抖音用户
  /^(?:匿名|匿名用户|游客|买家|客户|顾客)\d*$/,
  /^pdd_?\d+$/,
  /^(?:\+?86)?1[3-9]\d{9}$/, // a phone as the name
  /^1\d{2}\*+\d{2,4}$/, // a masked phone as the name
  /^\d+$/, // a number alone (an id, a QQ number shown as a name)
];

/** The patterns above as one expression: a member name is tested once per order. */
const ANY_GENERATED = new RegExp(GENERATED.map((p) => `(?:${p.source})`).join('|'));

export function normalizeNickname(raw: string | null | undefined): NicknameIdentity | null {
  if (!raw) return null;
  let nickname = toSimplified(halfWidth(raw)).trim().toLowerCase();
  if (/\s/.test(nickname)) nickname = nickname.replace(/\s+/g, '');
  if (!nickname) return null;
  // Fewer than two characters (a surrogate pair is one): nobody is told apart by it.
  const generic = [...nickname].length < 2 || /[*×✱●]/.test(nickname) || ANY_GENERATED.test(nickname);
  return { nickname, generic };
}
