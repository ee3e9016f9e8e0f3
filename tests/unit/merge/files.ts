/**
 * Small export files for the merge's service tests, in the real layouts (Tmall 54 columns, 有赞
 * 商品维度): each order names its buyer and receiver the way the platform writes them.
 */
import { csvText, write, type Row } from '../../fixtures/write.js';
import { TMALL_ORDER_54, YOUZAN_LINES } from '../../fixtures/headers.js';

export interface TmallOrder {
  id: string;
  member: string;
  /** As Tmall writes them: 张**, 138****5678. */
  receiver: string;
  phone: string;
  address: string;
}

export interface YouzanOrder {
  id: string;
  receiver: string;
  phone: string;
  address: string;
  buyerPhone: string;
}

export function tmallFile(dir: string, name: string, orders: TmallOrder[]): Promise<string> {
  const rows: Row[] = orders.map((o, i) => ({
    订单编号: `="${o.id}"`,
    买家会员名: o.member,
    买家应付货款: '100.00',
    买家应付邮费: '0.00',
    总金额: '100.00',
    买家实际支付金额: '100.00',
    订单状态: '交易成功',
    收货人姓名: o.receiver,
    收货地址: o.address,
    联系手机: `'${o.phone}`,
    订单创建时间: `2024-11-${String(10 + i).padStart(2, '0')} 10:00:00`,
    订单付款时间: `2024-11-${String(10 + i).padStart(2, '0')} 10:00:20`,
    宝贝标题: '汇客保温杯',
    宝贝总数量: '1',
    店铺名称: '汇客旗舰店',
  }));
  return write(dir, name, csvText(TMALL_ORDER_54, rows, '\r\n'));
}

export function youzanFile(dir: string, name: string, orders: YouzanOrder[]): Promise<string> {
  const rows: Row[] = orders.map((o, i) => ({
    订单号: o.id,
    商品名称: '面膜',
    订单创建时间: `2024-12-${String(10 + i).padStart(2, '0')} 10:00:00`,
    运费: '0.00',
    订单实付金额: '60.00',
    '收货人/提货人': o.receiver,
    '收货人手机号/提货人手机号': o.phone,
    '详细收货地址/提货地址': o.address,
    买家手机号: o.buyerPhone,
    订单商品状态: '已发货',
    商品退款状态: '——',
    商品已退款金额: '0.00',
    商品单价: '60.00',
    商品数量: '1',
  }));
  return write(dir, name, csvText(YOUZAN_LINES, rows, '\n'));
}

export const HOME = '广东省 广州市 天河区 华夏路10号富力盈凯1801';
export const HOME_YOUZAN = '广东省广州市天河区华夏路10号富力盈凯1801';
