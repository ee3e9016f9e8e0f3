/**
 * What tells one person from a household behind one phone: the data showing the number with two
 * people (shared-phones.ts), masks that keep the name's length (name-lengths.ts), the holder's own
 * phone against receivers that may be gifts, logins and e-mail names.
 */
import { describe, expect, it } from 'vitest';
import {
  applyNameLengths,
  blockingKeys,
  compareLoginEmail,
  compareName,
  DEFAULT_PARAMS,
  lengthKeepingPlatforms,
  loginSpellsName,
  NO_TF,
  scorePair,
  SharedPhones,
  type AccountRecord,
} from '../../../main/domain/merge/index.js';
import { account, receiver, TIANHE } from './records.js';

/** SharedPhones over a handful of records, blocked as plan.ts blocks them. */
function sharedPhonesOf(records: AccountRecord[]): SharedPhones {
  const byKey = new Map<string, number[]>();
  for (const r of records) for (const k of blockingKeys(r)) byKey.set(k, [...(byKey.get(k) ?? []), r.id]);
  const byId = new Map(records.map((r) => [r.id, r]));
  return new SharedPhones({ accountsWithKey: (k) => byKey.get(k), record: (id) => byId.get(id) });
}

const whole = (name: string, pinyin: string, phone: string) =>
  receiver({ name, surname: name[0], mask: name, pinyin, phone, phoneFull: true, ...TIANHE });
const masked = (mask: string, phone: string) => receiver({ surname: mask[0], mask, phone, ...TIANHE });

describe('a phone the data shows with two people', () => {
  it('张伟 and 张强 at one number: shared; 张伟 and 张** (who may be him): not', () => {
    const wei = account(1, { platform: 'youzan', receivers: [whole('张伟', 'zhangwei', '13812345678')] });
    const qiang = account(2, {
      platform: 'shopify',
      receivers: [whole('张强', 'zhangqiang', '13812345678')],
    });
    const tmall = account(3, { receivers: [masked('张**', '138****5678')] });
    expect(sharedPhonesOf([wei, qiang, tmall]).isShared('13812345678', true, null)).toBe(true);
    expect(sharedPhonesOf([wei, tmall]).isShared('13812345678', true, null)).toBe(false);
    // The masked number is the same one only within its district.
    expect(sharedPhonesOf([wei, qiang, tmall]).isShared('138****5678', false, TIANHE.dist)).toBe(true);
  });

  it('two buyer accounts of one platform ordering to one number share it', () => {
    const a = account(1, { receivers: [masked('张**', '138****5678')] });
    const b = account(2, { receivers: [masked('张**', '138****5678')] });
    const jd = account(3, { platform: 'jd', receivers: [masked('张*', '138****5678')] });
    expect(sharedPhonesOf([a, b]).isShared('138****5678', false, TIANHE.dist)).toBe(true);
    expect(sharedPhonesOf([a, jd]).isShared('138****5678', false, TIANHE.dist)).toBe(false);
  });

  it('a pair resting on a shared phone is suggested, not merged', () => {
    const wei = account(1, {
      platform: 'youzan',
      keyKind: 'phone',
      receivers: [whole('张伟', 'zhangwei', '13812345678'), whole('张伟', 'zhangwei', '13812345678')],
    });
    const tmall = account(2, { login: 'zhangwei', receivers: [masked('张**', '138****5678')] });
    const shared = { ...NO_TF, phoneShared: () => true };
    expect(scorePair(tmall, wei, NO_TF).zone).toBe('auto');
    expect(scorePair(tmall, wei, shared)).toMatchObject({ zone: 'review', heldBack: 'shared_phone' });
  });
});

describe('masks that keep the name’s length', () => {
  const tmallWith = (id: number, mask: string) => account(id, { receivers: [masked(mask, '138****5678')] });
  const jdWith = (id: number) => account(id, { platform: 'jd', receivers: [masked('张*', '138****5678')] });

  it('a platform whose masks come in several lengths keeps them; one that always writes 张* does not', () => {
    const records = [
      ...Array.from({ length: 15 }, (_, i) => tmallWith(i, '张**')),
      ...Array.from({ length: 15 }, (_, i) => tmallWith(100 + i, '李*')),
      ...Array.from({ length: 30 }, (_, i) => jdWith(200 + i)),
    ];
    expect(lengthKeepingPlatforms(records)).toEqual(['tmall']);
  });

  it('where it is kept, 张* (two characters) and 张阳平 (three) are two people', () => {
    const two = masked('张*', '138****5678');
    const yangping = whole('张阳平', 'zhangyangping', '13812345678');
    expect(compareName(two, yangping).level).toBe('surname');
    const records = [
      account(1, { receivers: [two] }),
      account(2, { platform: 'youzan', receivers: [yangping] }),
    ];
    applyNameLengths(records, ['tmall']);
    expect(two.length).toBe(2);
    expect(yangping.length).toBe(3);
    expect(compareName(two, yangping).level).toBe('length_differs');
    applyNameLengths(records, []);
    expect(two.length).toBeNull();
    expect(compareName(two, yangping).level).toBe('surname');
  });
});

describe('logins and e-mail names', () => {
  it('a marketplace login that is the own shop’s e-mail name is a strong identifier, and a blocking key', () => {
    const c = compareLoginEmail('pingkun_1210', [], null, ['pingkun_1210@163.com']);
    expect(c).toMatchObject({ level: 'login_email', strong: true, value: 'pingkun_1210' });
    // A number before the @ (QQ, phone) is not a login someone chose.
    expect(compareLoginEmail('531261616', [], null, ['531261616@qq.com']).level).toBe('null');
    const shop = account(2, { platform: 'shopify', keyKind: 'email', emails: ['pingkun_1210@163.com'] });
    expect(blockingKeys(shop)).toContain('nk:pingkun_1210');
  });

  it('a login spells a name by all of its given name, not a short one inside another', () => {
    const zhaoyan = { pinyin: 'zhaoyan', surname: '赵' };
    expect(loginSpellsName('zhaoyan', zhaoyan)).toBe(true);
    expect(loginSpellsName('yan', zhaoyan)).toBe(true);
    expect(loginSpellsName('xiaoyan', zhaoyan)).toBe(true);
    expect(loginSpellsName('yanling', zhaoyan)).toBe(false);
    expect(loginSpellsName('yanzh', zhaoyan)).toBe(true);
  });
});

describe('the holder’s own phone against receivers that may be gifts', () => {
  const shop = account(1, {
    platform: 'youzan',
    keyKind: 'phone',
    phones: ['13812345678'],
    receivers: [whole('张伟', 'zhangwei', '13812345678')],
  });

  it('two accounts stating one mobile as their own are one holder, whoever their parcels went to', () => {
    // 拼多多's 用户购买手机号 is the buyer's; the one order went to someone else (another phone).
    const pdd = account(2, {
      platform: 'pdd',
      keyKind: 'phone',
      phones: ['13812345678'],
      receivers: [
        receiver({
          surname: '罗',
          mask: '罗**',
          phone: '150****1797',
          dist: '360730',
          prov: '360000',
          city: '360700',
        }),
      ],
    });
    const lenient = { ...DEFAULT_PARAMS, confirmNames: false };
    expect(scorePair(pdd, shop, NO_TF, lenient)).toMatchObject({ deterministic: 'phone', zone: 'auto' });
    // A family member ordering with the family's phone looks the same: by default the owner decides.
    expect(scorePair(pdd, shop)).toMatchObject({ deterministic: null, zone: 'review' });
  });

  it('an account that states its own mobile does not make a receiver with another number its holder', () => {
    // Two of three parcels to 谢帅刚 (a gift, twice), the account's own number another one.
    const giver = account(3, {
      platform: 'shopify',
      keyKind: 'email',
      emails: ['wangweirui79@qq.com'],
      phones: ['13512717872'],
      receivers: [
        whole('王伟睿', 'wangweirui', '13512717872'),
        { ...whole('谢帅刚', 'xieshuaigang', '13395631061'), orders: 2 },
      ],
    });
    const xie = account(4, {
      platform: 'youzan',
      keyKind: 'phone',
      phones: ['13395631061'],
      receivers: [whole('黄莉露', 'huanglilu', '18745180319')],
    });
    const s = scorePair(giver, xie, NO_TF, { ...DEFAULT_PARAMS, confirmNames: false });
    expect(s.deterministic).toBeNull();
  });
});

describe('a strong phone at another address', () => {
  it('is suggested a little below the review line; a weaker phone is not', () => {
    const tf = { ...NO_TF, surnameShare: (s: string) => (s === '王' ? 0.07 : 0.005) };
    const beijing = {
      prov: '110000',
      city: '110100',
      dist: '110105',
      detail: '建国路88号',
      fp: '110105|建国路|88',
      pickup: false,
    };
    const shop = account(1, {
      platform: 'youzan',
      keyKind: 'phone',
      phones: ['13812345678'],
      receivers: [
        receiver({
          name: '王伟',
          surname: '王',
          mask: '王伟',
          pinyin: 'wangwei',
          phone: '13812345678',
          phoneFull: true,
          ...beijing,
        }),
      ],
    });
    const office = account(2, {
      receivers: [receiver({ surname: '王', mask: '王*', phone: '138****5678', ...TIANHE, orders: 2 })],
    });
    const s = scorePair(office, shop, tf);
    expect(s.weight).toBeLessThan(0);
    expect(s.zone).toBe('review');
    const jd = account(3, {
      platform: 'jd',
      receivers: [receiver({ surname: '王', mask: '王*', phone: '1******5678', ...TIANHE, orders: 2 })],
    });
    expect(scorePair(jd, shop, tf).zone).toBeNull();
  });
});
