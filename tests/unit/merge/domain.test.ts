import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  NO_TF,
  assignCustomerIds,
  assignRoles,
  blockingKeys,
  cluster,
  compareAddress,
  compareName,
  comparePhone,
  scorePair,
  type ClusterNode,
} from '../../../main/domain/merge/index.js';
import { account, receiver, TIANHE, wholeName } from './records.js';

describe('phone comparison levels', () => {
  it('whole numbers: equal is strong, different is a conflict', () => {
    expect(comparePhone('13812345678', true, '13812345678', true)).toMatchObject({
      level: 'full',
      strong: true,
    });
    expect(comparePhone('13812345678', true, '13912345678', true)).toMatchObject({
      level: 'conflict',
      strong: false,
    });
  });
  it('a 3+4 mask compatible with a whole number or the same mask is strong', () => {
    expect(comparePhone('138****5678', false, '13812345678', true)).toMatchObject({
      level: 'masked7',
      strong: true,
    });
    expect(comparePhone('138****5678', false, '138****5678', false)).toMatchObject({
      level: 'masked7',
      strong: true,
    });
  });
  it("JD's 1******5678 agrees only on the last four: not strong", () => {
    expect(comparePhone('1******5678', false, '138****5678', false)).toMatchObject({
      level: 'suffix4',
      strong: false,
    });
    expect(comparePhone('186*******1', false, '18612345671', true)).toMatchObject({
      level: 'partial',
      strong: false,
    });
  });
  it('masks that show different digits conflict; a missing phone says nothing', () => {
    expect(comparePhone('138****5678', false, '138****5679', false).level).toBe('conflict');
    expect(comparePhone(null, false, '13812345678', true)).toEqual({ level: 'null', bits: 0, strong: false });
  });
  it('a number many accounts share weighs less (term frequency)', () => {
    const common = comparePhone('13812345678', true, '13812345678', true, {
      ...NO_TF,
      keyCount: () => 64,
    });
    expect(common.bits).toBeLessThan(comparePhone('13812345678', true, '13812345678', true).bits - 4);
  });
});

describe('name comparison levels', () => {
  const full = (name: string, pinyin: string) => ({ name, surname: [...name][0]!, mask: name, pinyin });
  const masked = (mask: string) => ({ name: null, surname: [...mask][0]!, mask, pinyin: null });
  it('exact, same pinyin, one-character typo, relatives', () => {
    expect(compareName(full('张伟', 'zhangwei'), full('张伟', 'zhangwei')).level).toBe('exact');
    expect(compareName(full('张伟', 'zhangwei'), full('张巍', 'zhangwei')).level).toBe('pinyin');
    expect(compareName(full('张小明', 'zhangxiaoming'), full('张小鸣', 'zhangxiaoming2')).level).toBe('typo');
    // In a two-character name the one character is the whole given name: 张伟 and 张丽 are two people.
    expect(compareName(full('张伟', 'zhangwei'), full('张丽', 'zhangli')).level).toBe('given_differs');
    expect(compareName(full('张伟明', 'zhangweiming'), full('张丽', 'zhangli')).bits).toBeLessThan(0);
  });
  it('a mask is compared on the characters it shows, never as a name of its own', () => {
    expect(compareName(masked('张**'), full('张小明', 'zhangxiaoming')).level).toBe('surname');
    expect(compareName(masked('张*'), full('张小明', 'zhangxiaoming')).level).toBe('surname');
    expect(compareName(masked('张*伟'), full('张小明', 'zhangxiaoming')).level).toBe('given_differs');
    expect(compareName(masked('张**'), masked('李**')).level).toBe('surname_differs');
    // Two 张** are not "the same name": only the surname agrees.
    expect(compareName(masked('张**'), masked('张**')).level).toBe('surname');
  });
  it('behind a mask, a surname that reads like the other (a pinyin typo) neither agrees nor conflicts', () => {
    const sounds = compareName(masked('汪*'), full('王娜', 'wangna'));
    expect(sounds).toMatchObject({ level: 'surname_sounds', bits: 0 });
    expect(compareName(masked('溜**'), masked('刘**')).level).toBe('surname_sounds');
    // Other surnames, and two whole names (their pinyin was compared already), still say two people.
    expect(compareName(masked('田*'), full('杨娜', 'yangna')).level).toBe('surname_differs');
    expect(compareName(full('汪丽', 'wangli'), full('王娜', 'wangna')).level).toBe('surname_differs');
  });
  it('a rare surname weighs more than a common one', () => {
    const tf = { ...NO_TF, surnameShare: (s: string) => (s === '王' ? 0.07 : 0.002) };
    const wang = compareName(masked('王*'), masked('王**'), tf).bits;
    const ouyang = compareName(masked('欧**'), masked('欧**'), tf).bits;
    expect(ouyang).toBeGreaterThan(wang + 3);
  });
});

describe('address comparison levels', () => {
  it('same detail, same road and number, same district, city, province, different', () => {
    expect(compareAddress(TIANHE, TIANHE).level).toBe('exact');
    expect(compareAddress(TIANHE, { ...TIANHE, detail: '华夏路10号1801室' }).level).toBe('road');
    expect(compareAddress(TIANHE, { ...TIANHE, detail: '黄埔大道1号', fp: '440106|黄埔大道|1' }).level).toBe(
      'district',
    );
    expect(compareAddress(TIANHE, { ...TIANHE, dist: '440104', detail: null, fp: null }).level).toBe('city');
    expect(compareAddress(TIANHE, { ...TIANHE, city: '440300', dist: '440305', fp: null }).level).toBe(
      'province',
    );
    expect(
      compareAddress(TIANHE, {
        prov: '110000',
        city: '110000',
        dist: '110105',
        detail: null,
        fp: null,
        pickup: false,
      }).level,
    ).toBe('different');
  });
  it('a pickup point is weak evidence, and a crowded address weighs less', () => {
    expect(compareAddress({ ...TIANHE, pickup: true }, { ...TIANHE, pickup: true }).level).toBe('pickup');
    const crowded = compareAddress(TIANHE, TIANHE, {
      ...NO_TF,
      keyCount: () => 40,
      surnameShare: () => 0.01,
    });
    expect(crowded.bits).toBeLessThan(compareAddress(TIANHE, TIANHE).bits - 3);
  });
});

describe('pair scores and zones', () => {
  const tmall = account(1, {
    receivers: [receiver({ surname: '张', mask: '张**', phone: '138****5678', ...TIANHE, orders: 2 })],
  });
  const youzan = account(2, {
    platform: 'youzan',
    keyKind: 'phone',
    phones: ['13812345678'],
    receivers: [wholeName('张伟', 'zhangwei', '13812345678', TIANHE)],
  });

  it('Tmall 张** 138****5678 vs the own shop 张伟 13812345678 at one address: a suggestion by default, a merge when masked names may merge', () => {
    const s = scorePair(tmall, youzan);
    expect(s.weight).toBeGreaterThan(10);
    expect(s.evidence.map((e) => `${e.field}:${e.level}`)).toEqual([
      'phone:masked7',
      'name:surname',
      'address:exact',
    ]);
    // Behind 张** a family member with the family's phone looks the same: the owner confirms.
    expect(s).toMatchObject({ zone: 'review', heldBack: 'name_unconfirmed' });
    expect(scorePair(tmall, youzan, NO_TF, { ...DEFAULT_PARAMS, confirmNames: false }).zone).toBe('auto');
  });

  it("a single order's receiver may be a gift: only the login (or more orders) says it is the buyer", () => {
    const once = account(12, {
      receivers: [receiver({ surname: '张', mask: '张**', phone: '138****5678', ...TIANHE })],
    });
    expect(scorePair(once, youzan)).toMatchObject({ zone: 'review', heldBack: 'receiver_not_confirmed' });
    expect(scorePair({ ...once, login: 'zhangwei' }, youzan).zone).toBe('auto');
    expect(scorePair({ ...once, login: 'weiming' }, youzan).zone).toBe('review');
    expect(scorePair({ ...once, login: 'lina' }, youzan).zone).toBe('review');
  });

  it('logins that spell two members of one family hold the merge back', () => {
    const son = account(13, {
      login: 'zhangxiaoming',
      receivers: [receiver({ surname: '张', mask: '张**', phone: '138****5678', ...TIANHE, orders: 3 })],
    });
    expect(scorePair(son, youzan)).toMatchObject({ zone: 'review', heldBack: 'login_conflict' });
  });

  it('a household at one address with different whole phones is not even queued', () => {
    const wife = account(3, {
      platform: 'youzan',
      keyKind: 'phone',
      phones: ['13987654321'],
      receivers: [wholeName('张丽', 'zhangli', '13987654321', TIANHE)],
    });
    const husband = account(4, {
      platform: 'shopify',
      keyKind: 'email',
      receivers: [wholeName('张伟明', 'zhangweiming', '13812345678', TIANHE)],
    });
    expect(scorePair(wife, husband).zone).toBeNull();
  });

  it('a shared phone with a different surname goes to review, not auto (a couple sharing a phone)', () => {
    const other = account(5, {
      platform: 'youzan',
      keyKind: 'phone',
      phones: ['13812345678'],
      receivers: [wholeName('李娜', 'lina', '13812345678', TIANHE)],
    });
    const s = scorePair(youzan, other);
    expect(s.deterministic).toBeNull();
    expect(s.zone).toBe('review');
    expect(s.heldBack).toBe('name_conflict');
  });

  it('the same e-mail and the same whole phone are deterministic', () => {
    const a = account(6, { platform: 'shopify', keyKind: 'email', emails: ['z@qq.com'] });
    const b = account(7, { platform: 'woocommerce', keyKind: 'email', emails: ['z@qq.com'] });
    expect(scorePair(a, b)).toMatchObject({ deterministic: 'email', zone: 'auto' });
    const shopify = account(8, {
      platform: 'shopify',
      keyKind: 'email',
      emails: ['zw@qq.com'],
      phones: ['13812345678'],
      receivers: youzan.receivers,
    });
    expect(scorePair(youzan, shopify)).toMatchObject({ deterministic: 'phone', zone: 'auto' });
    // A holder whose name nothing shows: one person only when masked names may merge (a family
    // member may order with the family's phone).
    const c = account(9, { platform: 'pdd', keyKind: 'phone', phones: ['13812345678'] });
    expect(scorePair(youzan, c).deterministic).toBeNull();
    expect(scorePair(youzan, c, NO_TF, { ...DEFAULT_PARAMS, confirmNames: false })).toMatchObject({
      deterministic: 'phone',
      zone: 'auto',
    });
  });

  it('a one-off gift receiver (secondary) never auto-merges', () => {
    const giver = account(9, {
      receivers: assignRoles([
        receiver({
          surname: '王',
          mask: '王*',
          phone: '137****1111',
          prov: '110000',
          city: '110000',
          dist: '110105',
          orders: 9,
        }),
        receiver({ surname: '张', mask: '张**', phone: '138****5678', ...TIANHE, orders: 1 }),
      ]),
    });
    const s = scorePair(giver, youzan);
    expect(s.zone).toBe('review');
    expect(s.heldBack).toBe('secondary_receiver');
  });

  it('ciphertext receivers (no values) never match each other', () => {
    const a = account(10, { platform: 'douyin', keyKind: 'receiver', receivers: [receiver({})] });
    const b = account(11, { platform: 'douyin', keyKind: 'receiver', receivers: [receiver({})] });
    expect(scorePair(a, b).zone).toBeNull();
    expect(blockingKeys(a)).toEqual([]);
  });

  // 广州市海珠区: the same city as TIANHE, another district.
  const HAIZHU = {
    prov: '440000',
    city: '440100',
    dist: '440105',
    detail: '江南大道中100号',
    fp: '440105|江南大道中|100',
  };
  const BEIJING = {
    prov: '110000',
    city: '110100',
    dist: '110105',
    detail: '建国路88号',
    fp: '110105|建国路|88',
  };

  it("京东's last four digits with the surname in one city are a suggestion; in another city or with another surname, nothing", () => {
    const jd = (surname: string, place: typeof HAIZHU) =>
      account(30, {
        platform: 'jd',
        receivers: [receiver({ surname, mask: `${surname}*`, phone: '1******5678', ...place, orders: 2 })],
      });
    const here = jd('张', HAIZHU);
    // The two districts differ: the 京东 number has every district's key of its city.
    const shared = blockingKeys(here).filter((k) => blockingKeys(youzan).includes(k));
    expect(shared).toEqual(['d4:440106|5678']);
    expect(scorePair(here, youzan)).toMatchObject({ zone: 'review', deterministic: null });
    expect(scorePair(jd('李', HAIZHU), youzan).zone).toBeNull();
    expect(scorePair(jd('张', BEIJING), youzan).zone).toBeNull();
  });

  it("a holder's own number meets a 京东 number where the account's parcels go, and is a suggestion even when they were all gifts", () => {
    // A 拼多多 account bound to 13812345678 whose only parcel went to 何** in 海珠区.
    const pdd = (phones: string[], extra: ReturnType<typeof receiver>[] = []) =>
      account(40, {
        platform: 'pdd',
        keyKind: phones.length > 0 ? 'phone' : 'receiver',
        phones,
        receivers: assignRoles([
          receiver({ surname: '何', mask: '何**', phone: '159****2415', ...HAIZHU }),
          ...extra,
        ]),
      });
    const jd = (place: typeof TIANHE | typeof BEIJING) =>
      account(41, {
        platform: 'jd',
        receivers: [receiver({ surname: '孙', mask: '孙*', phone: '1******5678', ...place, orders: 2 })],
      });
    const giver = pdd(['13812345678']);
    const shared = blockingKeys(giver).filter((k) => blockingKeys(jd(TIANHE)).includes(k));
    expect(shared).toEqual(['d4:440105|5678']);
    const s = scorePair(giver, jd(TIANHE));
    expect(s).toMatchObject({ zone: 'review', deterministic: null });
    expect(s.evidence.find((e) => e.field === 'phone')).toMatchObject({ level: 'suffix4', a: '13812345678' });
    // Not the holder's number, another city, or a holder of another surname: nothing.
    expect(scorePair(pdd([]), jd(TIANHE)).zone).toBeNull();
    expect(blockingKeys(giver).filter((k) => blockingKeys(jd(BEIJING)).includes(k))).toEqual([]);
    expect(scorePair(giver, jd(BEIJING)).zone).toBeNull();
    const home = receiver({ surname: '李', mask: '李**', phone: '138****5678', ...HAIZHU, orders: 3 });
    expect(scorePair(pdd(['13812345678'], [home]), jd(TIANHE)).zone).toBeNull();
  });

  it("a masked surname that reads like the other (章* / 张伟) counts with 京东's four digits; another surname does not", () => {
    const jd = (surname: string) =>
      account(42, {
        platform: 'jd',
        receivers: [receiver({ surname, mask: `${surname}*`, phone: '1******5678', ...HAIZHU, orders: 2 })],
      });
    const s = scorePair(jd('章'), youzan);
    expect(s.evidence.find((e) => e.field === 'name')?.level).toBe('surname_sounds');
    expect(s.zone).toBe('review');
    expect(scorePair(jd('田'), youzan).zone).toBeNull();
  });

  it('the same strong phone with another surname is a suggestion in one city, across the country only a whole number (ordering for someone else with their own number)', () => {
    const forMother = (phone: string, place: typeof HAIZHU, platform = 'tmall') =>
      account(31, {
        platform,
        receivers: [
          receiver({
            surname: '李',
            mask: '李**',
            phone,
            phoneFull: !phone.includes('*'),
            ...place,
            orders: 2,
          }),
        ],
      });
    for (const s of [
      scorePair(forMother('138****5678', HAIZHU), youzan),
      scorePair(forMother('13812345678', BEIJING, 'pdd'), youzan),
    ]) {
      expect(s).toMatchObject({ zone: 'review', deterministic: null });
      expect(s.evidence.find((e) => e.field === 'name')?.level).toBe('surname_differs');
    }
    // A whole number where the rest says little (a parcel for 李娜 in Beijing at 张伟's number, from
    // an account whose parcels usually go to 王芳): still worth the owner's look.
    const shared = account(33, {
      platform: 'shopify',
      keyKind: 'email',
      receivers: assignRoles([
        wholeName('王芳', 'wangfang', '13900000000', { ...BEIJING, orders: 5 }),
        wholeName('李娜', 'lina', '13812345678', BEIJING),
      ]),
    });
    const s = scorePair(shared, youzan);
    expect(s.weight).toBeLessThan(-8);
    expect(s.zone).toBe('review');
    // Seven visible digits across the country meet by chance in a busy shop.
    expect(scorePair(forMother('138****5678', BEIJING), youzan).zone).toBeNull();
    // 京东's four digits are not a strong phone at all.
    expect(scorePair(forMother('1******5678', HAIZHU, 'jd'), youzan).zone).toBeNull();
  });

  it("a login that spells the other holder's whole name meets it and is a suggestion, even when every parcel went to someone else", () => {
    // A 京东 account whose only order was a gift to 李** in Beijing.
    const giver = account(32, {
      platform: 'jd',
      login: 'zhangwei',
      receivers: [receiver({ surname: '李', mask: '李*', phone: '1******4321', ...BEIJING })],
    });
    expect(blockingKeys(giver)).toContain('ln:zhangwei');
    expect(blockingKeys(youzan)).toContain('ln:zhangwei');
    const s = scorePair(giver, youzan);
    expect(s).toMatchObject({ zone: 'review', deterministic: null });
    expect(s.evidence.find((e) => e.field === 'login')).toMatchObject({
      level: 'spells_holder',
      a: 'zhangwei',
      b: '张伟',
    });
    expect(scorePair({ ...giver, login: 'liming' }, youzan).zone).toBeNull();
    // A common name says nothing: many accounts' logins and names spell zhangwei.
    const common = { ...NO_TF, keyCount: (key: string) => (key === 'ln:zhangwei' ? 40 : 1) };
    expect(scorePair(giver, youzan, common).zone).toBeNull();
    // Short letters are too many people's names to pair anyone.
    expect(blockingKeys({ ...giver, login: 'lina' }).some((k) => k.startsWith('ln:'))).toBe(false);
  });

  it('masked phones block by prefix+suffix and district+suffix, never by the masked value', () => {
    expect(blockingKeys(tmall).sort()).toEqual(['af:440106|华夏路|10', 'd4:440106|5678', 'p7:1385678']);
    // 京东 shows no prefix: its last four digits meet whole numbers in every district of the city
    // (广州: 11 districts), and numbers without a district by the city.
    const jd = account(20, {
      platform: 'jd',
      receivers: [receiver({ surname: '张', mask: '张*', phone: '1******5678', ...TIANHE })],
    });
    const keys = blockingKeys(jd);
    expect(keys.filter((k) => k.startsWith('d4:')).sort()).toEqual(
      [
        '440103',
        '440104',
        '440105',
        '440106',
        '440111',
        '440112',
        '440113',
        '440114',
        '440115',
        '440117',
        '440118',
      ].map((d) => `d4:${d}|5678`),
    );
    expect(keys).toContain('c4:440100|5678');
    expect(keys).toContain('af:440106|华夏路|10');
    expect(keys.some((k) => k.startsWith('p7:'))).toBe(false);
    // A whole number with its district needs no city key.
    expect(blockingKeys(youzan).some((k) => k.startsWith('c4:'))).toBe(false);
  });
});

describe('constrained clustering', () => {
  const node = (platform: string, phones: string[] = []): ClusterNode => ({
    platform,
    buyerKeyed: true,
    phones,
  });
  const options = { maxClusterSize: 8, samePlatformThreshold: 14 };

  it('never joins two different whole phones, not even through a chain', () => {
    const nodes = [node('youzan', ['13800000001']), node('tmall'), node('shopify', ['13800000002'])];
    const r = cluster(
      nodes,
      [
        { a: 0, b: 1, weight: 20, kind: 'auto' },
        { a: 1, b: 2, weight: 19, kind: 'auto' },
      ],
      options,
    );
    expect(r.root[0]).toBe(r.root[1]);
    expect(r.root[2]).not.toBe(r.root[1]);
    expect(r.blocked).toEqual([null, 'phone_conflict']);
  });

  it('a cannot-link stops a merge between any members; a must-link joins', () => {
    const nodes = [node('tmall'), node('jd'), node('pdd')];
    const r = cluster(
      nodes,
      [
        { a: 0, b: 1, weight: 20, kind: 'auto' },
        { a: 1, b: 2, weight: 20, kind: 'auto' },
      ],
      { ...options, cannot: [[0, 2]] },
    );
    expect(r.blocked).toEqual([null, 'cannot_link']);
    const m = cluster(nodes, [{ a: 0, b: 2, weight: 0, kind: 'must' }], options);
    expect(m.root[0]).toBe(m.root[2]);
  });

  it('keeps clusters within the size cap', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => node(`p${i}`));
    const edges = [0, 1, 2, 3].map((i) => ({ a: i, b: i + 1, weight: 20, kind: 'auto' as const }));
    const r = cluster(nodes, edges, { ...options, maxClusterSize: 3 });
    expect(new Set(r.root).size).toBe(2);
    expect(r.blocked.filter((b) => b === 'size_cap')).toHaveLength(1);
  });

  it('a locked group is neither joined nor split by automatic edges', () => {
    const nodes = [node('tmall'), node('jd'), node('pdd')];
    const r = cluster(nodes, [{ a: 1, b: 2, weight: 30, kind: 'auto' }], {
      ...options,
      groups: [[0, 1]],
      lockedGroups: new Set([0]),
    });
    expect(r.root[0]).toBe(r.root[1]);
    expect(r.blocked).toEqual(['locked']);
  });

  it('two accounts of one platform need a higher weight', () => {
    const nodes = [node('tmall'), node('tmall')];
    expect(cluster(nodes, [{ a: 0, b: 1, weight: 12, kind: 'auto' }], options).blocked).toEqual([
      'same_platform',
    ]);
    expect(cluster(nodes, [{ a: 0, b: 1, weight: 15, kind: 'auto' }], options).blocked).toEqual([null]);
  });
});

describe('stable customer ids', () => {
  it('keeps the id with the largest overlap, ties to the oldest, one cluster per id', () => {
    const old = new Map([
      [1, 10],
      [2, 10],
      [3, 11],
      [4, 12],
      [5, 12],
    ]);
    const ids = assignCustomerIds([[1, 2, 3], [4], [5], [6]], (a) => old.get(a) ?? null);
    expect(ids).toEqual([10, 12, null, null]);
    expect(assignCustomerIds([[1, 3]], (a) => old.get(a) ?? null)).toEqual([10]);
  });
});
