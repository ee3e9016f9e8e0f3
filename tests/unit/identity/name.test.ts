import { describe, expect, it } from 'vitest';
import { namesCompatible, normalizeName, type NameIdentity } from '../../../main/domain/identity/index.js';

/** [as exported, full, surname, mask, length, pinyin] */
type Row = [string, string | null, string | null, string, number | null, string | null];

describe('names', () => {
  const table: [string, Row][] = [
    // Full names: own shops (Youzan, a mapped file), decrypted 拼多多 exports, the sample shop.
    ['Youzan 收货人', ['陈小明', '陈小明', '陈', '陈小明', 3, 'chenxiaoming']],
    ['two characters', ['李四', '李四', '李', '李四', 2, 'lisi']],
    ['compound surname 欧阳', ['欧阳娜娜', '欧阳娜娜', '欧阳', '欧阳娜娜', 4, 'ouyangnana']],
    ['compound surname 司马', ['司马光', '司马光', '司马', '司马光', 3, 'simaguang']],
    ['compound surname 诸葛', ['诸葛亮', '诸葛亮', '诸葛', '诸葛亮', 3, 'zhugeliang']],
    ['compound surname 上官', ['上官婉儿', '上官婉儿', '上官', '上官婉儿', 4, 'shangguanwaner']],
    ['a two-character name is never a compound surname alone', ['东方', '东方', '东', '东方', 2, 'dongfang']],
    ['surname reading 单 (shan, not dan)', ['单雄信', '单雄信', '单', '单雄信', 3, 'shanxiongxin']],
    ['surname reading 曾 (zeng, not ceng)', ['曾小贤', '曾小贤', '曾', '曾小贤', 3, 'zengxiaoxian']],
    ['traditional characters', ['張偉', '张伟', '张', '张伟', 2, 'zhangwei']],
    ['traditional compound surname', ['歐陽鋒', '欧阳锋', '欧阳', '欧阳锋', 3, 'ouyangfeng']],
    ['a space typed inside', ['张 伟', '张伟', '张', '张伟', 2, 'zhangwei']],
    ['full-width space around', ['\u3000王芳\u3000', '王芳', '王', '王芳', 2, 'wangfang']],
    ['a remark in brackets', ['李四（收）', '李四', '李', '李四', 2, 'lisi']],
    [
      'a separator dot in a Uyghur name',
      ['买买提·艾力', '买买提艾力', '买', '买买提艾力', 5, 'maimaitiaili'],
    ],
    // Masks: Tmall / 拼多多 keep the surname, JD the surname and the last character.
    ['Tmall 张**', ['张**', null, '张', '张**', 3, null]],
    ['Tmall two characters 王*', ['王*', null, '王', '王*', 2, null]],
    ['JD 张*伟', ['张*伟', null, '张', '张*伟', 3, null]],
    ['only the last character *伟', ['*伟', null, null, '*伟', 2, null]],
    ['full-width mask ＊', ['陈＊＊', null, '陈', '陈**', 3, null]],
    ['× as a mask', ['刘××', null, '刘', '刘**', 3, null]],
    ['middle dots as a mask', ['张··', null, '张', '张**', 3, null]],
    ['x as a mask in a Chinese name', ['张xx', null, '张', '张**', 3, null]],
    ['某 after the surname', ['张某某', null, '张', '张**', 3, null]],
    ['compound surname still visible', ['欧阳**', null, '欧阳', '欧阳**', 4, null]],
    ['compound surname cut by the mask', ['欧***', null, '欧', '欧***', 4, null]],
    ['nothing visible', ['***', null, null, '***', 3, null]],
    ['an honorific: surname only, length unknown', ['张先生', null, '张', '张*', null, null]],
    ['an honorific after a compound surname', ['欧阳女士', null, '欧阳', '欧阳*', null, null]],
    // Latin names (Shopify, WooCommerce): tokens in the order written, surname = last token.
    ['Shopify Shipping Name', ['John Smith', 'john smith', 'smith', 'john smith', 10, 'johnsmith']],
    ['Shopify, a Chinese buyer in pinyin', ['Zhang Wei', 'zhang wei', 'wei', 'zhang wei', 9, 'zhangwei']],
    ['the real Shopify sample', ['rohith T', 'rohith t', 't', 'rohith t', 8, 'rohitht']],
    ['a masked Latin name', ['J*** S****', null, null, 'j*** s****', 10, null]],
  ];

  it.each(table)('%s', (_case, [raw, full, surname, mask, length, pinyin]) => {
    expect(normalizeName(raw)).toEqual<NameIdentity>({ full, surname, mask, length, pinyin });
  });

  it.each([null, undefined, '', '  ', '——', '#Zmxk6Lqr5o2e#', '##密文'])(
    '%j is no name (empty, punctuation, ciphertext)',
    (raw) => {
      expect(normalizeName(raw)).toBeNull();
    },
  );

  it('tells masked from full names the way the merge compares them', () => {
    expect(namesCompatible('张**', '张三丰')).toBe(true);
    expect(namesCompatible('张*伟', '张**')).toBe(true);
    expect(namesCompatible('张*伟', '张*丽')).toBe(false);
    expect(namesCompatible('张**', '张伟')).toBe(false);
    expect(namesCompatible('*伟', '李伟')).toBe(true);
  });
});
