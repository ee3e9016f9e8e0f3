/**
 * The profit input files, recognised by their headers (export-formats.md §1D, §2E, §7): each
 * platform's fee layout gives one fee per order and kind with the right sign; non-fee money and
 * totals rows are left out; cost sheets, ads reports and rates read exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  feeKindOf,
  parseProfitFile,
  ratePpm,
  type FileRow,
} from '../../../main/domain/profit/file-layouts.js';

function read(csv: string, kind: Parameters<typeof parseProfitFile>[2] = 'auto') {
  const [header, ...lines] = csv.trim().split('\n');
  const rows: FileRow[] = lines.map((line, i) => ({ row: i + 2, cells: line.split(',') }));
  return parseProfitFile(header!.split(','), rows, kind);
}

describe('profit file layouts', () => {
  it('JD 钱包结算明细: 费用项 and 金额 with 收支方向; 货款 and 提现 are no fees', () => {
    const r =
      read(`订单编号,单据编号,单据类型,商品编号,商户订单号,商品名称,结算状态,费用发生时间,费用计费时间,费用结算时间,费用项,金额,币种,商家应收/应付,钱包结算备注,店铺号,京东门店编号,品牌门店编号,门店名称,备注,收支方向,商品数量,对账日期
301,D1,订单,1,,杯,已结算,2026-02-05,2026-02-05,2026-02-20,货款,270.00,CNY,应收,,,,,,,收入,3,2026-02-20
301,D2,订单,1,,杯,已结算,2026-02-05,2026-02-05,2026-02-20,佣金,21.60,CNY,应付,,,,,,,支出,3,2026-02-20
301,D3,订单,1,,杯,已结算,2026-02-05,2026-02-05,2026-02-20,广告联合活动降扣佣金,3.00,CNY,应收,,,,,,,收入,3,2026-02-20
,D4,提现,,,,已结算,2026-02-21,2026-02-21,2026-02-21,提现,244.70,CNY,应付,,,,,,,支出,,2026-02-21`);
    expect(r?.parsed).toEqual({
      kind: 'fees',
      layout: 'jd-wallet',
      rows: [
        { orderId: '301', kind: 'commission', amountFen: 2160 },
        // A commission discount given back: a negative fee.
        { orderId: '301', kind: 'commission', amountFen: -300 },
      ],
    });
  });

  it('Taobao 账单: a fee line paid out (negative) is a fee; 货款 is not', () => {
    const r =
      read(`订单号,子订单号,下单时间,确认收货时间,商品ID,sku,商品名称,数量,单价（元）,订单实际金额（元）,退款单号,退款金额（元）,收/付渠道,业务流水号,打款时间,账期,业务大类,业务小类
T9,T9-1,2026-03-01,2026-03-05,1,CUP-W,杯,1,100.00,100.00,,0.00,支付宝,B1,2026-03-06,202603,货款,交易
T9,T9-1,2026-03-01,2026-03-05,1,CUP-W,杯,1,100.00,-0.60,,0.00,支付宝,B2,2026-03-06,202603,基础软件服务费,扣费
T9,T9-1,2026-03-01,2026-03-05,1,CUP-W,杯,1,100.00,-1.00,,0.00,支付宝,B3,2026-03-06,202603,淘金币费,扣费`);
    expect(r?.parsed).toEqual({
      kind: 'fees',
      layout: 'tmall-bill',
      rows: [
        { orderId: 'T9', kind: 'service', amountFen: 60 },
        { orderId: 'T9', kind: 'promotion', amountFen: 100 },
      ],
    });
  });

  it('Douyin 动账: each fee column of a row, 佣金 being the influencer’s', () => {
    const r =
      read(`动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,计费类型,子订单号,订单号,订单实付应结,运费实付,实际平台补贴,订单退款,平台服务费,佣金,招商服务费,站外推广费,备注
2026-02-20,F1,入账,80.00,聚合账户,订单结算,,S1,D7,100.00,0.00,0.00,0.00,5.00,10.00,3.00,2.00,`);
    expect(r?.parsed).toMatchObject({
      layout: 'douyin-settlement',
      rows: [
        { orderId: 'D7', kind: 'service', amountFen: 500 },
        { orderId: 'D7', kind: 'affiliate', amountFen: 1000 },
        { orderId: 'D7', kind: 'service', amountFen: 300 },
        { orderId: 'D7', kind: 'promotion', amountFen: 200 },
      ],
    });
  });

  it('PDD 推广 daily report: 总花费 per day, the 合计 row left out and named', () => {
    const r = read(`日期,成交花费(元),交易额(元),实际投产比,总花费(元),净交易额(元)
2026-02-08,20.00,90.00,4.5,30.00,90.00
2026/2/9,1.00,0,0,1.50,0
合计,21.00,90.00,4.3,31.50,90.00`);
    expect(r?.parsed).toEqual({
      kind: 'ads',
      layout: 'pdd-ads',
      rows: [
        { day: '2026-02-08', channel: '多多推广', amountFen: 3000 },
        { day: '2026-02-09', channel: '多多推广', amountFen: 150 },
      ],
    });
    expect(r?.skipped).toEqual([{ row: 4, code: 'profit.badDay', params: { value: '合计' } }]);
  });

  it('a cost sheet with dates and aliases; an unreadable cost is skipped, never zero', () => {
    const r = read(`商家编码,成本价,生效日期,别名
CUP-W,30.00,,JD-1;DY-1
CUP-W,32.5,2026/3/1,
KET-01,八十,,`);
    expect(r?.parsed).toEqual({
      kind: 'costs',
      layout: 'costs',
      costs: [
        { sku: 'CUP-W', unitCostFen: 3000, effectiveFrom: undefined, title: undefined, category: undefined },
        {
          sku: 'CUP-W',
          unitCostFen: 3250,
          effectiveFrom: '2026-03-01',
          title: undefined,
          category: undefined,
        },
      ],
      aliases: [
        { alias: 'JD-1', sku: 'CUP-W' },
        { alias: 'DY-1', sku: 'CUP-W' },
      ],
    });
    expect(r?.skipped).toEqual([{ row: 4, code: 'profit.badAmount', params: { value: '八十' } }]);
  });

  it('rates as exact parts per million; a file of no known layout is refused', () => {
    expect(ratePpm('7.123456')).toBe(7_123_456);
    expect(ratePpm('7.1234567')).toBeNull();
    expect(read(`Currency,Month,Rate\nusd,2026-03,7.1`)?.parsed).toEqual({
      kind: 'rates',
      layout: 'rates',
      rates: [{ currency: 'USD', month: '2026-03', cnyPpm: 7_100_000 }],
    });
    expect(read(`名字,电话\n张三,138`)).toBeNull();
    expect(feeKindOf('保证金充值')).toBeNull();
    expect(feeKindOf('随单送的京豆')).toBe('points');
  });
});
