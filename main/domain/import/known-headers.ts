/**
 * Header lists of the real exports (see shared/design/export-formats.md), used as detection
 * fingerprints. Trailing spaces of the real Tmall header are omitted: names are matched normalised.
 */
const list = (s: string): readonly string[] => s.split(',');

/** Tmall/Taobao 订单报表 as exported around 2019. */
export const TMALL_ORDER_54 = list(
  '订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包',
);

/** The later 61-column 订单报表 (adds 支付单号, 支付详情 and five trailing columns). */
export const TMALL_ORDER_61 = list(
  '订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包,是否信用购,体验期结束时间,前N有礼,配送类型,主订单编号',
);

/** The Tianchi teaching extract of a real 订单报表 (the real sample file). */
export const TMALL_ORDER_TIANCHI = list(
  '订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额',
);

/** 千牛 workbook sheet 订单报表. */
export const QIANNIU_ORDER = list('订单编号,买家应付货款,订单状态,收货地址,物流单号,物流公司,订单创建时间');

/** 千牛 workbook sheet 发货报表: receiver details only. */
export const QIANNIU_SHIPPING = list('订单编号,收货人姓名,联系手机,收货地址');

/** Legacy 宝贝报表 (ExportOrderDetailList): one row per order line. */
export const TMALL_ITEMS = list(
  '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码',
);

/** 千牛 销售明细: one row per sub-order. */
export const QIANNIU_LINES = list(
  '子订单编号,主订单编号,商品标题,购买数量,商家编码,商品属性,买家应付货款,退款状态,退款金额,订单创建时间',
);

/** JD classic 30-column order export. */
export const JD_ORDER_30 = list(
  '订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道',
);

/** JD's current abbreviated export. */
export const JD_ORDER_CURRENT = list(
  '订单号,商品ID,商品名称,订购数量,商家应收,订单状态,商家SKUID,下单时间,付款确认时间',
);

export const SHOPIFY_ORDERS = list(
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References',
);

export const YOUZAN_ORDERS = list(
  '订单号,销售渠道,归属店铺,订单类型,订单状态,推广方式,订单来源,订单创建时间,买家付款时间,交易成功时间,付款方式,支付流水号,商品金额合计,运费,店铺优惠合计,应收订单金额,订单实付金额,支付优惠合计,订单实收金额,订单抵用积分数,店铺优惠方式,支付优惠方式,全部商品名称,商品种类数,订单配送方式,同城送达时间/提货时间,收货人省份,收货人城市,收货人地区,详细收货地址/提货地址,收货人/提货人,收货人手机号/提货人手机号,买家备注,订单星级,买家昵称,买家是否会员,买家手机号,下单网点,收银员,分销员,销售导购,专属导购,订单退款状态,订单已退款金额,商家订单备注,桌号,挂账主体,挂账手机号,团长订单,订单风险标签,分销员,分销员手机号,分销员所属店铺,分销员所属团队,分销员所属分组,分销员等级,订单佣金类型,订单佣金金额,订单下级卖货提成类型,订单下级卖货提成金额',
);

export const YOUZAN_LINES = list(
  '订单号,商品名称,订单创建时间,运费,订单实付金额,收货人/提货人,收货人手机号/提货人手机号,详细收货地址/提货地址,买家备注,买家姓名,买家手机号,商家订单备注,订单商品状态,商品类型,商品类目,商品规格,商品编码,商品单价,商品数量,商品留言,商品发货物流公司,商品发货物流单号,商品退款状态,商品已退款金额',
);

export const WOOCOMMERCE_ANALYTICS = list(
  'Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net sales',
);

/**
 * Pinduoduo 商家后台 → 订单查询 → 导出, the older 27-column layout (one row per order; a multi-item
 * order repeats its order columns on each item's row).
 */
export const PDD_ORDERS_27 = list(
  '商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,订单成交时间,是否分期,分期期数,手续费承担方,分期方式',
);

/**
 * Columns the 2024+ Pinduoduo layout (about 80 columns) adds to the older one, as far as public
 * readers of it show; the export is read by name, so columns not listed here are simply ignored.
 */
export const PDD_ORDERS_2024_EXTRA = list(
  '是否审核中,支付时间,承诺发货时间,承诺送达时间,商品一级类目,商品二级类目,商品三级类目,商品四级类目,买家留言,消费者资料,赠品名称,赠品数量,团ID,上门安装费(元),省,市,区,街道/镇,详细地址,收货人,手机,收货地址,用户购买手机号,支付ID,支付方式,是否直播间成交,订单来源,订单创建时间,拼单成功时间,订单类型,商品单价(元),规格id,商家编码-SKU维度,退款金额(元),售后类型,发票申请,是否顺丰加价,是否旧换新,是否预售,预售时间,仓库名称,发货仓库',
);

/**
 * 抖店 订单管理 → 批量导出: one row per sub-order (子订单编号) under its 主订单编号. The export is
 * customisable (any subset, any order); these are the columns public readers of it name.
 */
export const DOUYIN_ORDERS = list(
  '主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,商品金额,订单应付金额,运费,优惠总金额,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额,支付方式,手续费,收件人,收件人手机号,省,市,区,街道,详细地址,买家留言,订单提交时间,支付完成时间,订单完成时间,发货时间,订单状态,售后状态,取消原因,商家备注,达人ID,达人昵称,流量来源,流量渠道,流量类型,流量体裁,APP渠道,广告渠道,订单类型,是否修改过地址,承诺发货时间,预约发货时间,快递信息,仓库ID,仓库名称,货号,所属门店ID,门店名称,旗帜颜色,是否安心购,商品类型,售后原因,退款金额',
);

/** The minimal 抖店 export the issue tracker quotes (21 columns, no payment time). */
export const DOUYIN_ORDERS_21 = list(
  '主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,运费,收件人,收件人手机号,详细地址,订单提交时间,商家备注,订单完成时间,订单状态,售后状态,取消原因,发货时间,平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额',
);

/** A JD export cut down to the columns an ERP or a bookkeeper keeps (店铺 + order + buyer). */
export const JD_ORDER_CUT_DOWN = list(
  '店铺ID,店铺名称,订单号,商品名称,订购数量,下单时间,应付金额,下单帐号,客户姓名,客户地址,联系电话',
);
