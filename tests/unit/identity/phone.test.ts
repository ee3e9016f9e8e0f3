import { describe, expect, it } from 'vitest';
import {
  comparePhones,
  normalizePhone,
  phonesCompatible,
  sharedVisibleDigits,
  type PhoneIdentity,
} from '../../../main/domain/identity/index.js';

describe('phones', () => {
  const table: [string, string | null | undefined, PhoneIdentity][] = [
    // Full mobiles: own shops, decrypted exports; country prefixes and separators fall away.
    ['Youzan 买家手机号', '13800000001', { class: 'mobile', value: '13800000001' }],
    ['+86 with separators', '+86 138-1234-5678', { class: 'mobile', value: '13812345678' }],
    ['0086 prefix', '008613812345678', { class: 'mobile', value: '13812345678' }],
    ['86 prefix, no plus', '8613812345678', { class: 'mobile', value: '13812345678' }],
    ['new Tmall receiver text 86-', '86-13900000004', { class: 'mobile', value: '13900000004' }],
    [
      'full-width digits and plus',
      '＋８６　１３８１２３４５６７８',
      { class: 'mobile', value: '13812345678' },
    ],
    ['spaces in groups', '138 1234 5678', { class: 'mobile', value: '13812345678' }],
    // Masked mobiles: Tmall and 拼多多 3+4, JD 1+4 and 3+1, other tools' mask characters.
    ['Tmall 联系手机', '138****5678', { class: 'masked_mobile', value: '138****5678' }],
    ['拼多多 手机', '138****1234', { class: 'masked_mobile', value: '138****1234' }],
    ['JD 联系电话 (1 + 4)', '1******6198', { class: 'masked_mobile', value: '1******6198' }],
    ['JD short form 3 + 1: padded to 11', '186****1', { class: 'masked_mobile', value: '186*******1' }],
    ['full-width mask', '139＊＊＊＊0005', { class: 'masked_mobile', value: '139****0005' }],
    ['x as a mask', '138xxxx5678', { class: 'masked_mobile', value: '138****5678' }],
    ['+86 before a mask', '+86 138****5678', { class: 'masked_mobile', value: '138****5678' }],
    ['suffix only', '****5678', { class: 'masked_mobile', value: '*******5678' }],
    [
      'two mask runs, wrong length: inner digits dropped',
      '13*45**78',
      { class: 'masked_mobile', value: '13*******78' },
    ],
    // Privacy (virtual) numbers: a number with an extension.
    ['Tmall privacy number', '13812345678-1234', { class: 'virtual', value: '13812345678-1234' }],
    ['masked privacy number', '138****5678-0925', { class: 'virtual', value: '138****5678-0925' }],
    ['转 as the separator', '17012345678转123', { class: 'virtual', value: '17012345678-123' }],
    // Landlines.
    ['area code and number', '0571-88886666', { class: 'landline', value: '057188886666' }],
    ['bracketed area code', '(010)12345678', { class: 'landline', value: '01012345678' }],
    [
      'an office extension is not part of it',
      '0571-88886666-123',
      { class: 'landline', value: '057188886666' },
    ],
    ['no area code', '88886666', { class: 'landline', value: '88886666' }],
    [
      '+86 before a landline restores the trunk 0',
      '+86 571 8888 6666',
      { class: 'landline', value: '057188886666' },
    ],
    ['masked landline kept as written', '0571****6666', { class: 'landline', value: '0571****6666' }],
    // Numbers abroad (own shops).
    ['Shopify US phone', '+1 555-000-1234', { class: 'intl', value: '+15550001234' }],
    ['Shopify Bangladesh phone', '+8801700000000', { class: 'intl', value: '+8801700000000' }],
    ['00 international prefix', '00852 9123 4567', { class: 'intl', value: '+85291234567' }],
    // Ciphertext (抖店, 拼多多 without decrypt rights).
    ['抖店 $…$1$', '$AbCdEf1234567890$1$', { class: 'cipher', value: null }],
    ['抖店 $$密文', '$$密文', { class: 'cipher', value: null }],
    ['a base64 blob', 'U2FsdGVkX1+abc123DEF456ghi789JKL0', { class: 'cipher', value: null }],
    // Nothing usable.
    ['too short', '12345', { class: 'invalid', value: null }],
    ['not a mobile prefix', '12345678901', { class: 'invalid', value: null }],
    ['letters', 'abc', { class: 'invalid', value: null }],
    ['nothing visible', '***********', { class: 'invalid', value: null }],
    ['too many visible digits', '138****56789012', { class: 'invalid', value: null }],
    ['a dash', '-', { class: 'none', value: null }],
    ['empty', '', { class: 'none', value: null }],
    ['absent', null, { class: 'none', value: null }],
  ];

  it.each(table)('%s: %j', (_case, raw, expected) => {
    expect(normalizePhone(raw)).toEqual(expected);
  });

  it('compares full and masked numbers on the digits both show', () => {
    // Tmall 3+4 against the own shop's full number: 7 shared digits, all agree.
    expect(comparePhones('138****5678', '13812345678')).toEqual({ shared: 7, compatible: true });
    // JD 1+4 against Tmall 3+4: they share the first and the last four.
    expect(comparePhones('1******5678', '138****5678')).toEqual({ shared: 5, compatible: true });
    // JD's short 3+1 against a full number.
    expect(sharedVisibleDigits('186*******1', '18612346191')).toBe(4);
    // One disagreeing digit: not the same number, nothing shared.
    expect(comparePhones('138****5678', '13812345679')).toEqual({ shared: 0, compatible: false });
    expect(phonesCompatible('13812345678', '13812345678')).toBe(true);
    expect(phonesCompatible('13812345678', '13912345678')).toBe(false);
  });

  it('never compares what is not a (masked) mobile', () => {
    expect(phonesCompatible('13812345678-1234', '13812345678')).toBe(false);
    expect(phonesCompatible('057188886666', '057188886666')).toBe(false);
    expect(phonesCompatible(null, '13812345678')).toBe(false);
    expect(phonesCompatible('*******5678', '1******1234')).toBe(false);
  });
});
