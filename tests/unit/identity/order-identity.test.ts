import { describe, expect, it } from 'vitest';
import {
  accountIdentity,
  IDENTITY_FIELDS,
  orderEmail,
  orderIdentity,
  receiverAccountKey,
  type OrderIdentity,
} from '../../../main/domain/identity/index.js';
import type { ParsedOrder } from '../../../main/domain/orders/types.js';

const order = (extra: Partial<ParsedOrder>): ParsedOrder => ({
  platformOrderId: '1',
  sourceRows: [2],
  ...extra,
});

/** The named fields of an identity (its `values` repeat them in IDENTITY_FIELDS order). */
function fields(id: Readonly<OrderIdentity>): Omit<OrderIdentity, 'values'> {
  const { values, ...named } = id;
  expect(values).toEqual(IDENTITY_FIELDS.map((f) => id[f]));
  return named;
}

describe('an order fragment’s identity', () => {
  it('normalises a Tmall receiver: masked name and phone, split address', () => {
    const id = orderIdentity(
      order({
        buyer: { kind: 'member_name', key: 'tb_buyer_1' },
        receiver: {
          name: '张**',
          phone: '138****5678',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: '文三路100号',
          raw: '浙江省 杭州市 西湖区 文三路100号',
        },
      }),
    );
    expect(fields(id)).toEqual({
      name: null,
      surname: '张',
      nameMask: '张**',
      namePinyin: null,
      phoneClass: 'masked_mobile',
      phone: '138****5678',
      provCode: '330000',
      cityCode: '330100',
      distCode: '330106',
      addrDetail: '文三路100号',
      addrFp: '330106|文三路|100',
      pickup: 0,
    });
  });

  it('states only the groups the fragment states', () => {
    // A Shopify continuation row: neither receiver nor buyer.
    expect(fields(orderIdentity(order({})))).toEqual({});
    // A fragment with a phone column only says nothing of the name or the address.
    expect(fields(orderIdentity(order({ receiver: { phone: '13812345678' } })))).toEqual({
      phoneClass: 'mobile',
      phone: '13812345678',
    });
    // "Empty" is said: it clears.
    expect(fields(orderIdentity(order({ receiver: { name: null, phone: null } })))).toEqual({
      name: null,
      surname: null,
      nameMask: null,
      namePinyin: null,
      phoneClass: 'none',
      phone: null,
    });
  });

  it('leaves a ciphertext receiver unknown: every value null, the phone class cipher', () => {
    const id = orderIdentity(
      order({
        receiver: {
          name: null,
          phone: null,
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: null,
          ciphertext: true,
        },
      }),
    );
    expect(fields(id)).toEqual({
      name: null,
      surname: null,
      nameMask: null,
      namePinyin: null,
      phoneClass: 'cipher',
      phone: null,
      provCode: null,
      cityCode: null,
      distCode: null,
      addrDetail: null,
      addrFp: null,
      pickup: null,
    });
    expect(receiverAccountKey(id)).toBeNull();
  });

  it('takes the e-mail of the buyer (Shopify keys buyers by it); masked or absent is none', () => {
    expect(orderEmail(order({ buyer: { kind: 'email', key: 'Alice@Example.com' } }))).toBe(
      'alice@example.com',
    );
    expect(orderEmail(order({ buyer: { kind: 'phone', key: '13800000001', email: 'Bob@QQ.com' } }))).toBe(
      'bob@qq.com',
    );
    expect(
      orderEmail(order({ buyer: { kind: 'member_name', key: 'tb_alice', email: 'a***@163.com' } })),
    ).toBeNull();
    expect(orderEmail(order({ buyer: null }))).toBeNull();
    // A fragment that says nothing of the buyer (a Shopify continuation row) says nothing of it.
    expect(orderEmail(order({}))).toBeUndefined();
  });

  it('keys a receiver account by name pattern, phone and place', () => {
    const pdd = orderIdentity(
      order({
        receiver: {
          name: '陈**',
          phone: '138****1234',
          province: '广东省',
          city: '深圳市',
          district: '南山区',
          detail: '粤海街道',
        },
      }),
    );
    expect(receiverAccountKey(pdd)).toBe('陈**|138****1234|440305');
    const noDistrict = orderIdentity(
      order({ receiver: { name: '陈小明', phone: '13800000001', province: '浙江省' } }),
    );
    expect(receiverAccountKey(noDistrict)).toBe('陈小明|13800000001|330000');
    // No name, or a phone that is no mobile, keys nothing.
    expect(
      receiverAccountKey(orderIdentity(order({ receiver: { name: null, phone: '13800000001' } }))),
    ).toBeNull();
    expect(
      receiverAccountKey(orderIdentity(order({ receiver: { name: '陈小明', phone: '0571-88886666' } }))),
    ).toBeNull();
    expect(
      receiverAccountKey(orderIdentity(order({ receiver: { name: '陈小明', phone: '13800000001-1234' } }))),
    ).toBeNull();
  });
});

describe('a buyer account’s identity', () => {
  it.each([
    [
      'Shopify e-mail with a phone',
      {
        kind: 'email' as const,
        key: 'Alice@Example.com',
        email: 'Alice@Example.com',
        phone: '+86 138 1234 5678',
      },
      {
        email: 'alice@example.com',
        emailPhone: null,
        qq: null,
        phoneClass: 'mobile',
        phone: '13812345678',
        nickname: null,
        nicknameGeneric: null,
      },
    ],
    [
      'Youzan phone with a nickname',
      { kind: 'phone' as const, key: '13800000001', phone: '13800000001', nickname: '茶友小陈' },
      {
        email: null,
        emailPhone: null,
        qq: null,
        phoneClass: 'mobile',
        phone: '13800000001',
        nickname: '茶友小陈',
        nicknameGeneric: 0,
      },
    ],
    [
      'JD pin',
      { kind: 'member_name' as const, key: 'jd_5f3a9c2e1b7d4' },
      {
        email: null,
        emailPhone: null,
        qq: null,
        phoneClass: null,
        phone: null,
        nickname: 'jd_5f3a9c2e1b7d4',
        nicknameGeneric: 1,
      },
    ],
    [
      'Tmall member name',
      { kind: 'member_name' as const, key: 'tb_xiaotian17663' },
      {
        email: null,
        emailPhone: null,
        qq: null,
        phoneClass: null,
        phone: null,
        nickname: 'tb_xiaotian17663',
        nicknameGeneric: 0,
      },
    ],
    [
      'a mapped customer column holding an e-mail whose local part is a mobile',
      { kind: 'customer' as const, key: '13812345678@163.com' },
      {
        email: '13812345678@163.com',
        emailPhone: '13812345678',
        qq: null,
        phoneClass: null,
        phone: null,
        nickname: null,
        nicknameGeneric: null,
      },
    ],
    [
      'a mapped customer column holding a phone',
      { kind: 'customer' as const, key: '13700000001' },
      {
        email: null,
        emailPhone: null,
        qq: null,
        phoneClass: 'mobile',
        phone: '13700000001',
        nickname: null,
        nicknameGeneric: null,
      },
    ],
    [
      'a mapped customer column holding a name',
      { kind: 'customer' as const, key: 'Jane Doe' },
      {
        email: null,
        emailPhone: null,
        qq: null,
        phoneClass: null,
        phone: null,
        nickname: 'janedoe',
        nicknameGeneric: 0,
      },
    ],
  ])('%s', (_case, buyer, expected) => {
    expect(accountIdentity(buyer)).toEqual(expected);
  });
});
