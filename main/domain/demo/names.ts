/** Name material for the demo persons: surnames by frequency, given-name characters, nicknames. */

import { Rng, WeightedTable } from './prng.js';

/** The most common surnames with approximate shares (percent), plus a few compound ones. */
const SURNAMES: readonly [string, number][] = [
  ['王', 7.25],
  ['李', 7.19],
  ['张', 6.91],
  ['刘', 5.38],
  ['陈', 4.53],
  ['杨', 3.08],
  ['赵', 2.29],
  ['黄', 2.23],
  ['周', 2.12],
  ['吴', 2.05],
  ['徐', 1.67],
  ['孙', 1.54],
  ['胡', 1.31],
  ['朱', 1.26],
  ['高', 1.21],
  ['林', 1.18],
  ['何', 1.17],
  ['郭', 1.15],
  ['马', 1.05],
  ['罗', 0.86],
  ['梁', 0.84],
  ['宋', 0.81],
  ['郑', 0.78],
  ['谢', 0.72],
  ['韩', 0.68],
  ['唐', 0.65],
  ['冯', 0.64],
  ['于', 0.62],
  ['董', 0.61],
  ['肖', 0.58],
  ['程', 0.56],
  ['曹', 0.55],
  ['袁', 0.54],
  ['邓', 0.54],
  ['许', 0.54],
  ['傅', 0.53],
  ['沈', 0.52],
  ['曾', 0.51],
  ['彭', 0.5],
  ['吕', 0.47],
  ['苏', 0.46],
  ['卢', 0.46],
  ['蒋', 0.45],
  ['蔡', 0.44],
  ['贾', 0.41],
  ['丁', 0.4],
  ['魏', 0.39],
  ['薛', 0.37],
  ['叶', 0.37],
  ['阎', 0.36],
  ['余', 0.36],
  ['潘', 0.35],
  ['杜', 0.34],
  ['戴', 0.33],
  ['夏', 0.32],
  ['钟', 0.31],
  ['汪', 0.3],
  ['田', 0.3],
  ['任', 0.29],
  ['姜', 0.28],
  ['范', 0.27],
  ['方', 0.27],
  ['石', 0.26],
  ['姚', 0.26],
  ['谭', 0.25],
  ['廖', 0.25],
  ['邹', 0.24],
  ['熊', 0.24],
  ['金', 0.24],
  ['陆', 0.23],
  ['郝', 0.23],
  ['孔', 0.22],
  ['白', 0.22],
  ['崔', 0.21],
  ['康', 0.21],
  ['毛', 0.2],
  ['邱', 0.2],
  ['秦', 0.2],
  ['江', 0.19],
  ['史', 0.19],
  ['顾', 0.18],
  ['侯', 0.18],
  ['邵', 0.17],
  ['孟', 0.17],
  ['龙', 0.16],
  ['万', 0.16],
  ['段', 0.15],
  ['雷', 0.15],
  ['钱', 0.14],
  ['汤', 0.14],
  ['尹', 0.13],
  ['黎', 0.13],
  ['易', 0.12],
  ['常', 0.12],
  ['武', 0.12],
  ['乔', 0.11],
  ['贺', 0.11],
  ['赖', 0.11],
  ['龚', 0.1],
  ['文', 0.1],
  ['欧阳', 0.05],
  ['司马', 0.01],
  ['上官', 0.01],
  ['诸葛', 0.01],
];

const SURNAME_TABLE = new WeightedTable(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰亮建国志文博晨昊然轩子睿泽一嘉天思家成',
];
const FEMALE_CHARS = [
  ...'芳娜敏静丽艳娟霞燕玲婷雪慧莹晶颖琳倩洁萍红梅璐欣怡佳雨涵悦梦诗琪萱彤瑶婉晓秀兰蕾薇丹',
];

export type Sex = 'M' | 'F';

export function drawSurname(rng: Rng): string {
  return SURNAME_TABLE.sample(rng);
}

export function drawGivenName(rng: Rng, sex: Sex): string {
  const chars = sex === 'M' ? MALE_CHARS : FEMALE_CHARS;
  const first = rng.pick(chars);
  if (rng.chance(0.3)) return first;
  let second = rng.pick(chars);
  if (second === first && rng.chance(0.7)) second = rng.pick(chars);
  return first + second;
}

/** The family name part of a full name (compound surnames are two characters). */
export function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return SURNAMES.some(([s]) => s === two) ? two : name.slice(0, 1);
}

const NICK_HEADS = [
  '小鱼',
  '阿花',
  '大白',
  '橘子',
  '木木',
  '糖糖',
  '星星',
  '老王',
  '晴天',
  '微风',
  '桃子',
  '豆豆',
  '小熊',
  '柠檬',
  '西瓜',
  '花花',
  '果果',
  '安然',
  '清风',
  '南风',
  '小七',
  '阿狸',
  '咕噜',
  '半夏',
  '七月',
  '喵喵',
  '兔子',
  '茶茶',
  '云朵',
  '山今',
  '一一',
  '暖暖',
];
const NICK_TAILS = [
  '爱喝茶',
  '的日常',
  '不吃鱼',
  '呀',
  '酱',
  '同学',
  '小姐姐',
  '家的猫',
  '爱生活',
  '在路上',
  '想睡觉',
  '很开心',
  '的茶杯',
  '慢慢来',
  '要加油',
  '吃饱了',
];
const LATIN = [
  'sunny',
  'lily',
  'tony',
  'kevin',
  'amy',
  'coco',
  'lucky',
  'happy',
  'momo',
  'jack',
  'vivian',
  'cherry',
  'leo',
  'nana',
  'echo',
  'zoe',
];

/** A Chinese or Latin free-form nickname (Taobao 会员名, WeChat 昵称). Not guaranteed unique. */
export function drawNickname(rng: Rng, birthYear: number): string {
  const r = rng.next();
  if (r < 0.55) return rng.pick(NICK_HEADS) + rng.pick(NICK_TAILS);
  if (r < 0.75) return rng.pick(NICK_HEADS) + (rng.chance(0.5) ? String(birthYear) : rng.digits(3));
  return (
    rng.pick(LATIN) +
    (rng.chance(0.5) ? '_' : '') +
    (rng.chance(0.5) ? String(birthYear) : rng.digits(rng.int(2, 4)))
  );
}

/** Taobao's default member name for users who never chose one: `tb8347261_88`. */
export function drawTaobaoDefaultName(rng: Rng): string {
  return `tb${rng.int(1, 9)}${rng.digits(rng.int(6, 9))}_${rng.digits(2)}`;
}

/** A JD account pin as exports show it: `jd_5f3a9c2e1b7d4`. */
export function drawJdPin(rng: Rng): string {
  return `jd_${rng.hex(13)}`;
}
