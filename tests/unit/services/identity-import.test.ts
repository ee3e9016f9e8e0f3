/**
 * The identity columns through the application's handlers: each platform's receiver normalised at
 * import into orders.identity_*, buyer accounts' own identity, receiver-keyed accounts for files
 * without a buyer, ciphertext left unknown, and re-import and undo keeping them consistent.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { jdCsvGbk, shopifyCsv, tmallOrdersGbk } from '../../fixtures/generate.js';
import { douyinOrdersBom, pddOrders2024Bom } from '../../fixtures/pdd-douyin.js';
import { PDD_2024, PDD_27 } from '../../fixtures/headers.js';
import { csvText, utf8Bom, write, type Row } from '../../fixtures/write.js';
import { query } from '../../helpers/shop-files.js';
import { testApp } from '../../helpers/test-app.js';

let dir: string;
let app: HuikeApp;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-identity-'));
});
beforeEach(async () => {
  app = await testApp({ onDisk: true });
});
afterEach(() => app.close());

async function commit(file: string) {
  const staged = await app.stagePath(file);
  const { batches } = await app.invoke('import.commit', {
    files: [{ fileId: staged.fileId }],
    skipInvalidRows: true,
  });
  return batches[0]!;
}

const IDENTITY = `identity_name AS name, identity_surname AS surname, identity_name_mask AS mask,
  identity_name_pinyin AS pinyin, identity_phone_class AS phoneClass, identity_phone AS phone,
  identity_email AS email, identity_prov_code AS prov, identity_city_code AS city,
  identity_dist_code AS dist, identity_addr_detail AS detail, identity_addr_fp AS fp,
  identity_pickup AS pickup`;

function orderIdentity(orderId: string) {
  return query<Record<string, unknown>>(
    app,
    `SELECT ${IDENTITY} FROM orders WHERE platform_order_id = ?`,
    orderId,
  )[0];
}

function accountOf(orderId: string) {
  return query<Record<string, unknown>>(
    app,
    `SELECT a.key_kind AS kind, a.account_key AS key, a.identity_email AS email,
       a.identity_email_phone AS emailPhone, a.identity_phone_class AS phoneClass,
       a.identity_phone AS phone, a.identity_nickname AS nickname,
       a.identity_nickname_generic AS generic
     FROM orders o LEFT JOIN buyer_accounts a ON a.id = o.buyer_account_id
     WHERE o.platform_order_id = ?`,
    orderId,
  )[0];
}

const NONE = {
  name: null,
  surname: null,
  mask: null,
  pinyin: null,
  phoneClass: null,
  phone: null,
  email: null,
  prov: null,
  city: null,
  dist: null,
  detail: null,
  fp: null,
  pickup: null,
};

describe('identity at import', () => {
  it('Tmall: masked name and phone, the address split into codes, the member name as nickname', async () => {
    await commit((await tmallOrdersGbk(dir)).path);
    expect(orderIdentity('1001000000000000001')).toEqual({
      ...NONE,
      surname: '张',
      mask: '张**',
      phoneClass: 'masked_mobile',
      phone: '138****5678',
      prov: '330000',
      city: '330100',
      dist: '330106',
      detail: '文三路100号',
      fp: '330106|文三路|100',
      pickup: 0,
    });
    // A full name and number (an older export), in a municipality.
    expect(orderIdentity('1001000000000000002')).toMatchObject({
      name: '李四',
      surname: '李',
      pinyin: 'lisi',
      phoneClass: 'mobile',
      phone: '13900000002',
      prov: '310000',
      city: '310000',
      dist: '310115',
      fp: '310115|世纪大道|1',
    });
    // An address without a house number: codes, no fingerprint.
    expect(orderIdentity('1001000000000000003')).toMatchObject({
      dist: '440305',
      detail: '科技园',
      fp: null,
    });
    expect(accountOf('1001000000000000001')).toMatchObject({
      kind: 'member_name',
      key: 'tb_alice',
      nickname: 'tb_alice',
      generic: 0,
    });
    // A masked member name is no evidence.
    expect(accountOf('1001000000000000006')).toMatchObject({ key: 't**9', nickname: 't**9', generic: 1 });
  });

  it('JD: the 1 + 4 masked phone, a one-line address without spaces', async () => {
    await commit((await jdCsvGbk(dir)).path);
    expect(orderIdentity('11729384072')).toEqual({
      ...NONE,
      surname: '赵',
      mask: '赵*',
      phoneClass: 'masked_mobile',
      phone: '1******6198',
      prov: '110000',
      city: '110000',
      dist: '110105',
      detail: '建国路88号',
      fp: '110105|建国路|88',
      pickup: 0,
    });
    expect(orderIdentity('11730000001')).toMatchObject({ phone: '1******0001', dist: '320102' });
    expect(accountOf('11729384072')).toMatchObject({
      kind: 'member_name',
      nickname: 'rds3199358',
      generic: 0,
    });
    // The unpaid order's receiver cells are empty: no name, no address, the phone class says none.
    expect(orderIdentity('11730000002')).toEqual({ ...NONE, phoneClass: 'none' });
  });

  it('Shopify: e-mail on the order and the account, a Latin name, numbers abroad', async () => {
    await commit((await shopifyCsv(dir)).path);
    expect(orderIdentity('#1001')).toEqual({
      ...NONE,
      name: 'alice smith',
      surname: 'smith',
      mask: 'alice smith',
      pinyin: 'alicesmith',
      phoneClass: 'intl',
      phone: '+15550001',
      email: 'alice@example.com',
      detail: '1mainst',
      pickup: 0,
    });
    expect(accountOf('#1001')).toMatchObject({ kind: 'email', email: 'alice@example.com', phoneClass: null });
    // A guest keyed by a phone abroad.
    expect(accountOf('#1002')).toMatchObject({ kind: 'phone', phoneClass: 'intl', phone: '+8801700000000' });
  });

  it('抖店: ciphertext receivers leave every identity value NULL but the phone class, and key no account', async () => {
    await commit((await douyinOrdersBom(dir)).path);
    for (const id of ['6920000000000000001', '6920000000000000002']) {
      expect(orderIdentity(id)).toEqual({ ...NONE, phoneClass: 'cipher' });
      expect(accountOf(id)).toMatchObject({ kind: null });
    }
    expect(query(app, 'SELECT * FROM buyer_accounts')).toEqual([]);
  });

  it('拼多多 with the buyer’s own phone: a phone account; a masked buyer phone and no receiver: no account', async () => {
    await commit((await pddOrders2024Bom(dir)).path);
    expect(orderIdentity('241111-100000000000001')).toMatchObject({
      mask: '陈**',
      phone: '138****1234',
      dist: '440305',
      // Only the sub-district office (粤海街道) was written: no detail is left.
      detail: null,
    });
    expect(accountOf('241111-100000000000001')).toMatchObject({
      kind: 'phone',
      key: '13812341234',
      phoneClass: 'mobile',
      phone: '13812341234',
    });
    expect(accountOf('241111-100000000000002')).toMatchObject({ kind: null });
  });
});

/** A 拼多多 export without 用户购买手机号: receivers only, split address columns. */
const PDD_RECEIVERS = [...PDD_27, '省', '市', '区', '街道/镇', '收货人', '手机', '详细地址'];
const tab = (v: string) => `\t${v}`;

function pddRow(id: string, day: string, receiver: Row): Row {
  return {
    商品: '汇客杯垫',
    订单号: tab(id),
    订单状态: '已签收',
    '商品总价(元)': tab('20.00'),
    '用户实付金额(元)': tab('20.00'),
    '商家实收金额(元)': tab('20.00'),
    '商品数量(件)': tab('1'),
    样式ID: tab('910009'),
    售后状态: '无售后或售后取消',
    订单成交时间: tab(`2024-12-${day} 10:00:00`),
    ...receiver,
  };
}

const CHEN = {
  省: '广东省',
  市: '深圳市',
  区: '南山区',
  '街道/镇': '粤海街道',
  收货人: '陈**',
  手机: '138****1234',
};
const WANG = { 省: '四川省', 市: '成都市', 区: '武侯区', 收货人: '王**', 手机: '139****0000' };

async function pddFile(name: string, rows: Row[], header = PDD_RECEIVERS) {
  return write(dir, name, utf8Bom(csvText(header, rows, '\r\n')));
}

function receiverAccounts() {
  return query<{ key: string; orders: number }>(
    app,
    `SELECT a.account_key AS key, count(o.id) AS orders FROM buyer_accounts a
     LEFT JOIN orders o ON o.buyer_account_id = a.id WHERE a.key_kind = 'receiver'
     GROUP BY a.id ORDER BY a.account_key`,
  );
}

describe('拼多多 without a buyer id: receiver accounts', () => {
  const first = () =>
    pddFile('pdd-receivers-1.csv', [
      pddRow('241201-000000000000001', '01', { ...CHEN, 详细地址: '科技园路10号' }),
      pddRow('241201-000000000000002', '01', { ...CHEN, 详细地址: '科技园路10号' }),
      pddRow('241202-000000000000003', '02', WANG),
      // A receiver with no phone keys no account.
      pddRow('241202-000000000000004', '02', { ...WANG, 手机: '' }),
    ]);

  it('keys one account per receiver fingerprint, shared by that receiver’s orders', async () => {
    await commit(await first());
    expect(receiverAccounts()).toEqual([
      { key: '王**|139****0000|510107', orders: 1 },
      { key: '陈**|138****1234|440305', orders: 2 },
    ]);
    expect(orderIdentity('241201-000000000000001')).toMatchObject({
      dist: '440305',
      detail: '科技园路10号',
      fp: '440305|科技园路|10',
    });
    expect(accountOf('241202-000000000000004')).toMatchObject({ kind: null });
  });

  it('a re-import changes nothing; a newer export updates identity and links; undo puts both back', async () => {
    const a = await first();
    const initial = await commit(a);
    const snapshot = () => ({
      orders: query(app, `SELECT platform_order_id, buyer_account_id, ${IDENTITY} FROM orders ORDER BY id`),
      accounts: query(app, 'SELECT * FROM buyer_accounts ORDER BY id'),
    });
    const afterFirst = snapshot();

    const again = await commit(a);
    expect(again.orders).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
    expect(snapshot()).toEqual(afterFirst);

    // The newer export: 陈 now collects at a parcel station, 王 has a new number.
    const b = await pddFile('pdd-receivers-2.csv', [
      pddRow('241201-000000000000001', '01', { ...CHEN, 详细地址: '科技园路12号菜鸟驿站' }),
      pddRow('241201-000000000000002', '01', { ...CHEN, 详细地址: '科技园路10号' }),
      pddRow('241202-000000000000003', '02', { ...WANG, 手机: '139****1111' }),
      pddRow('241202-000000000000004', '02', { ...WANG, 手机: '' }),
    ]);
    const newer = await commit(b);
    expect(newer.orders).toEqual({ inserted: 0, updated: 2, unchanged: 2 });
    expect(orderIdentity('241201-000000000000001')).toMatchObject({
      detail: '科技园路12号菜鸟驿站',
      fp: '440305|科技园路|12',
      pickup: 1,
    });
    expect(orderIdentity('241202-000000000000003')).toMatchObject({ phone: '139****1111' });
    expect(receiverAccounts()).toEqual([
      { key: '王**|139****0000|510107', orders: 0 },
      { key: '王**|139****1111|510107', orders: 1 },
      { key: '陈**|138****1234|440305', orders: 2 },
    ]);

    await app.invoke('imports.undo', { batchId: newer.id });
    expect(snapshot()).toEqual(afterFirst);
    await app.invoke('imports.undo', { batchId: again.id });
    await app.invoke('imports.undo', { batchId: initial.id });
    expect(query(app, 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 0 }]);
    expect(query(app, 'SELECT count(*) AS n FROM buyer_accounts')).toEqual([{ n: 0 }]);
  });

  it('a receiver account never replaces a buyer the file names, in either order of the files', async () => {
    // The 2024 layout names the buyer by 用户购买手机号.
    const named = await pddFile(
      'pdd-named.csv',
      [pddRow('241201-000000000000001', '01', { ...CHEN, 用户购买手机号: tab('13812341234') })],
      PDD_2024,
    );
    const unnamed = await pddFile('pdd-unnamed.csv', [
      pddRow('241201-000000000000001', '01', { ...CHEN, 详细地址: '科技园路10号' }),
    ]);
    await commit(unnamed);
    expect(accountOf('241201-000000000000001')).toMatchObject({ kind: 'receiver' });
    await commit(named);
    expect(accountOf('241201-000000000000001')).toMatchObject({ kind: 'phone', key: '13812341234' });
    // The receiver-only export again (a re-download): the named buyer stays.
    await commit(
      await pddFile('pdd-unnamed-again.csv', [
        pddRow('241201-000000000000001', '01', { ...CHEN, 详细地址: '科技园路10号 ' }),
      ]),
    );
    expect(accountOf('241201-000000000000001')).toMatchObject({ kind: 'phone', key: '13812341234' });
    // The receiver account the first import made is kept for its history, with no order now.
    expect(receiverAccounts()).toEqual([{ key: '陈**|138****1234|440305', orders: 0 }]);
  });
});
