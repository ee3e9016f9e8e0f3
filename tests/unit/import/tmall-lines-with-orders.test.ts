/** The 29-column 千牛 line export repeats the order's buyer and money on every sub-order row. */
import { describe, expect, it } from 'vitest';
import { createOrderReader, detectFormat } from '../../../main/domain/import/index.js';

const header =
  '子订单编号,主订单编号,买家会员名,买家会员ID,支付单号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,子单实际支付金额,订单状态,收件人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝数量,物流单号,物流公司,店铺ID,店铺名称,供应商ID,供应商名称,仓发类型,退款金额,颜色/尺码,商家编码,商品编码'.split(
    ',',
  );
const row = (sub: string, linePaid: string, refund: string, title: string) =>
  `${sub},="4001",小鱼爱喝茶,2200000001,P1,120.00,0.00,120.00,110.00,${linePaid},交易成功,王**,浙江省 杭州市 西湖区 文三路1号,138****5678,2026-11-11 00:01:00,2026-11-11 00:02:00,${title},1,SF1,顺丰,1,青禾家居旗舰店,,,,${refund},红色,QH-1,`.split(
    ',',
  );

describe('Tmall line export with order columns (29 columns)', () => {
  it('is read as lines that also carry the buyer, receiver, times and order money', () => {
    expect(detectFormat(header).accepted?.format).toBe('tmall-items');
    const reader = createOrderReader('tmall-items', header, { timezone: 'Asia/Shanghai', currency: 'CNY' });
    const a = reader.readRow({ row: 2, cells: row('5001', '60.00', '0', '茶杯') });
    const b = reader.readRow({ row: 3, cells: row('5002', '50.00', '20.00', '茶壶') });
    expect(a.problems).toEqual([]);
    expect(a.fragment).toMatchObject({
      platformOrderId: '4001',
      buyer: { kind: 'member_name', key: '小鱼爱喝茶' },
      paidFen: 11000,
      totalFen: 12000,
      paidAt: '2026-11-10T16:02:00.000Z',
      shopNameInFile: '青禾家居旗舰店',
      receiver: { name: '王**', phone: '138****5678', province: '浙江省' },
      lines: [{ lineKey: '5001', paidFen: 6000, refundFen: 0, status: 'completed' }],
    });
    // 订单状态 is per sub-order: the order's status is combined from its lines once assembled.
    expect(a.fragment?.status).toBeUndefined();
    // The row's 退款金额 is the sub-order's: it stays on the line, not the order.
    expect(b.fragment?.refundFen).toBeUndefined();
    expect(b.fragment?.lines?.[0]).toMatchObject({ lineKey: '5002', refundFen: 2000 });
  });

  it('refuses the row once when the shared id column is broken', () => {
    const reader = createOrderReader('tmall-items', header, { timezone: 'Asia/Shanghai', currency: 'CNY' });
    const cells = row('5001', '60.00', '0', '茶杯');
    cells[1] = '4.00100E+18';
    const r = reader.readRow({ row: 2, cells });
    expect(r.fragment).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '主订单编号' });
  });
});
