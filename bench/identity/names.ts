/**
 * Name material of the identity benchmark: surnames by frequency, given-name characters by sex,
 * and the handles, nicknames and e-mail addresses people make from their names. Every character
 * here is in GB2312, so the GBK files (Tmall, JD) can carry it.
 */
import { pinyin } from 'pinyin-pro';
import { WeightedTable, type Rng } from '../lib/prng.js';

/**
 * The 100 most common surnames with their approximate share of the population in percent, in the
 * order of the 2020 household-registration ranking (公安部户政管理研究中心, 《二〇二〇年全国姓名报告》).
 * The top ten are the published shares; below that the shares are rounded, falling the way the
 * published curve falls (about 0.2 % at rank 100). Together about 85 % of people.
 */
const TOP_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7.12],
  ['李', 7.0],
  ['张', 6.74],
  ['刘', 5.1],
  ['陈', 4.61],
  ['杨', 3.22],
  ['黄', 2.45],
  ['赵', 2.19],
  ['吴', 2.08],
  ['周', 2.04],
  ['徐', 1.72],
  ['孙', 1.54],
  ['马', 1.45],
  ['朱', 1.35],
  ['胡', 1.3],
  ['郭', 1.25],
  ['何', 1.2],
  ['林', 1.15],
  ['罗', 1.1],
  ['高', 1.08],
  ['郑', 1.0],
  ['梁', 0.95],
  ['谢', 0.9],
  ['宋', 0.85],
  ['唐', 0.82],
  ['许', 0.8],
  ['韩', 0.76],
  ['邓', 0.74],
  ['冯', 0.72],
  ['曹', 0.7],
  ['彭', 0.68],
  ['曾', 0.66],
  ['肖', 0.64],
  ['田', 0.62],
  ['董', 0.6],
  ['潘', 0.58],
  ['袁', 0.57],
  ['蔡', 0.55],
  ['蒋', 0.54],
  ['余', 0.53],
  ['于', 0.52],
  ['杜', 0.5],
  ['叶', 0.49],
  ['程', 0.48],
  ['魏', 0.47],
  ['苏', 0.46],
  ['吕', 0.45],
  ['丁', 0.44],
  ['任', 0.43],
  ['卢', 0.42],
  ['姚', 0.41],
  ['沈', 0.4],
  ['钟', 0.39],
  ['姜', 0.38],
  ['崔', 0.37],
  ['谭', 0.36],
  ['陆', 0.35],
  ['范', 0.34],
  ['汪', 0.33],
  ['廖', 0.32],
  ['石', 0.31],
  ['金', 0.3],
  ['韦', 0.3],
  ['贾', 0.29],
  ['夏', 0.28],
  ['付', 0.28],
  ['方', 0.27],
  ['邹', 0.27],
  ['熊', 0.26],
  ['白', 0.26],
  ['孟', 0.25],
  ['秦', 0.25],
  ['邱', 0.24],
  ['侯', 0.24],
  ['江', 0.23],
  ['尹', 0.23],
  ['薛', 0.22],
  ['闫', 0.22],
  ['段', 0.22],
  ['雷', 0.21],
  ['龙', 0.21],
  ['黎', 0.21],
  ['史', 0.2],
  ['陶', 0.2],
  ['贺', 0.2],
  ['毛', 0.2],
  ['郝', 0.19],
  ['顾', 0.19],
  ['龚', 0.19],
  ['邵', 0.19],
  ['万', 0.18],
  ['覃', 0.18],
  ['武', 0.18],
  ['钱', 0.18],
  ['戴', 0.17],
  ['严', 0.17],
  ['莫', 0.17],
  ['孔', 0.17],
  ['向', 0.16],
  ['常', 0.16],
];

/** A long tail of rarer surnames (ranks ~100–200), each at a small weight. */
const TAIL_SURNAMES = [
  ...'汤康易乔赖文施洪辛柯庄樊翟岳单柴尤祝阮聂殷葛牛谷宁柳温靳甘关蒲古凌管鲁霍伍申焦包欧褚项',
];
const TAIL_SHARE = 0.06;

/** Compound surnames: rare, but they break "the surname is the first character". */
const COMPOUND_SURNAMES: readonly (readonly [string, number])[] = [
  ['欧阳', 0.05],
  ['司马', 0.01],
  ['上官', 0.01],
  ['诸葛', 0.008],
  ['司徒', 0.008],
  ['东方', 0.005],
  ['皇甫', 0.005],
  ['夏侯', 0.004],
  ['慕容', 0.004],
  ['令狐', 0.003],
  ['公孙', 0.003],
  ['尉迟', 0.002],
];

export const SURNAME_TABLE: readonly (readonly [string, number])[] = [
  ...TOP_SURNAMES,
  ...TAIL_SURNAMES.map((s) => [s, TAIL_SHARE] as const),
  ...COMPOUND_SURNAMES,
];

const COMPOUNDS = new Set(COMPOUND_SURNAMES.map(([s]) => s));

/** The surname of a full name: a known compound surname, else the first character. */
export function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return COMPOUNDS.has(two) ? two : name.slice(0, 1);
}

/**
 * Given-name characters, most frequent first (weights fall as 1/(rank+8)); some are common to
 * both sexes. Two-character given names are two draws; about one name in six has one character.
 */
const MALE_GIVEN = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文博晨子一泽轩然睿航宏海东亮峰成雷坤彬毅锋新永春立江晓家天佳德光',
];
const FEMALE_GIVEN = [
  ...'芳娜敏静丽艳娟霞秀玲桂英慧婷雪琳晶燕红梅萍兰玉洁颖倩琴云莉欣怡佳雨萱涵诗梦思悦妍可月小美凤霞嘉琪瑶蕾薇露晓春秋冬彤丹',
];

function rankWeights(chars: readonly string[]): (readonly [string, number])[] {
  return chars.map((ch, i) => [ch, 1 / (i + 8)] as const);
}
const MALE_TABLE = new WeightedTable(rankWeights(MALE_GIVEN));
const FEMALE_TABLE = new WeightedTable(rankWeights(FEMALE_GIVEN));
const SURNAMES = new WeightedTable(SURNAME_TABLE);

export type Sex = 'M' | 'F';

export function drawSurname(rng: Rng): string {
  return SURNAMES.draw(rng);
}

export function drawGivenName(rng: Rng, sex: Sex): string {
  const table = sex === 'M' ? MALE_TABLE : FEMALE_TABLE;
  const first = table.draw(rng);
  if (rng.chance(0.17)) return first;
  let second = table.draw(rng);
  // 伟伟 is a name, but rare: usually the two characters differ.
  if (second === first && rng.chance(0.8)) second = table.draw(rng);
  return first + second;
}

/** Toneless pinyin syllables of a name, with surname readings (单 → shan). */
export function nameSyllables(name: string): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
}

/**
 * A login a person makes from their name and reuses on several sites: zhangwei1988, wei_0412,
 * zw2019, xiaomei88. Different people often make the same one (zhangwei88): that is the point.
 */
export function drawHandle(rng: Rng, name: string, surname: string, birthYear: number): string {
  const syl = nameSyllables(name);
  const sLen = surname.length;
  const full = syl.join('');
  const given = syl.slice(sLen).join('');
  const initials = syl.map((s) => s[0]).join('');
  const two = String(rng.int(0, 99)).padStart(2, '0');
  switch (rng.int(0, 5)) {
    case 0:
      return `${full}${birthYear}`;
    case 1:
      return `${full}${two}`;
    case 2:
      return `${given}_${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
    case 3:
      return `${initials}${rng.int(2000, 2025)}`;
    case 4:
      return `xiao${given.slice(0, 6)}${two}`;
    default:
      return `${given}${full.slice(0, 2)}${rng.int(100, 999)}`;
  }
}

/** Words WeChat and Taobao nicknames are made of (a 买家昵称, a Chinese 会员名). */
const NICK_TAILS = [
  ...'的日常 同学 爱购物 不吃香菜 小店 宝宝 在路上 喝茶 酱 呀 233 的小屋 爱吃鱼 会发光 不加班 想旅行 在发呆 睡不醒 要早睡 的猫 爱读书 跑步中 今天也要加油 快乐每一天 不熬夜 的咖啡 爱花花 有点甜 爱做饭 的厨房'.split(
    ' ',
  ),
];

/**
 * A Chinese nickname from the given name: 小美的日常, 阿伟同学, 美美呀. Different people sometimes
 * pick the same one, as on WeChat.
 */
export function drawNickname(rng: Rng, given: string): string {
  const g = given.slice(-1);
  const head = rng.pick([`小${g}`, `阿${g}`, `${g}${g}`, given]);
  return head + rng.pick(NICK_TAILS) + (rng.chance(0.3) ? String(rng.int(1, 99)) : '');
}

const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 40],
  ['163.com', 25],
  ['126.com', 8],
  ['sina.com', 4],
  ['gmail.com', 8],
  ['outlook.com', 6],
  ['foxmail.com', 5],
  ['139.com', 4],
];

/**
 * An e-mail address: the handle, the mobile number or a QQ number as the local part (QQ and 163
 * accept a phone number; the merge may read a phone out of it).
 */
export function drawEmail(rng: Rng, handle: string, phone: string): string {
  const domain = rng.weighted(MAIL_DOMAINS);
  const r = rng.float();
  if (r < 0.2) return `${phone}@${domain === 'gmail.com' ? '163.com' : domain}`;
  if (r < 0.45 && domain === 'qq.com') return `${rng.int(10000, 99999)}${rng.digits(rng.int(4, 5))}@qq.com`;
  return `${handle}@${domain}`;
}
