/**
 * Customer value: the predictive models (BG/NBD, Gamma-Gamma), why a fit falls back to simple
 * rules, and what is wrong with a transaction file given to `huike clv fit`.
 */
import type { Templates } from './index.js';

export const valueMessages = {
  // The models and the simple rules, by name (parameters of the messages below, labels in the UI).
  'value.model.bgnbd': { 'zh-CN': '购买次数模型（BG/NBD）', en: 'the purchase model (BG/NBD)' },
  'value.model.gammaGamma': { 'zh-CN': '客单价模型（Gamma-Gamma）', en: 'the spend model (Gamma-Gamma)' },
  'value.method.bgnbd': {
    'zh-CN': 'BG/NBD 模型：按每位客户的购买频率和最近一次购买时间估算',
    en: 'BG/NBD model: from each customer’s purchase frequency and the time of their last purchase',
  },
  'value.method.repeatRate': {
    'zh-CN': '简单规则：按全店的平均回购频率估算（数据不足以拟合模型）',
    en: 'Simple rule: the shop’s average repeat-purchase rate (too little data for the model)',
  },
  'value.method.gammaGamma': {
    'zh-CN': 'Gamma-Gamma 模型：客户自己的客单价向全店平均值收缩',
    en: 'Gamma-Gamma model: the customer’s own spend per order, shrunk towards the shop’s average',
  },
  'value.method.ownAverage': {
    'zh-CN': '简单规则：客户自己的平均客单价（数据不足以拟合模型）',
    en: 'Simple rule: the customer’s own average order value (too little data for the model)',
  },

  // Why the models are not used (the thin-data rule).
  'value.thin.fewRepeatCustomers': {
    'zh-CN': '回购过的客户只有 {count} 位，少于模型需要的 {min} 位',
    en: 'Customers who bought more than once: {count}, fewer than the {min} the models need',
  },
  'value.thin.shortHistory': {
    'zh-CN': '数据只覆盖 {spanDays} 天，不到客户典型回购间隔（{intervalDays} 天）的 {times} 倍',
    en: 'The data cover only {spanDays} days, less than {times} times the typical time between a customer’s purchases ({intervalDays} days)',
  },
  'value.thin.notConverged': {
    'zh-CN': '{model}的估计没有收敛',
    en: 'The estimates of {model} did not converge',
  },
  'value.thin.atBound': {
    'zh-CN': '{model}的参数 {parameters} 趋于极端值：数据无法确定它们',
    en: 'The parameters {parameters} of {model} ran off to extreme values: the data cannot pin them down',
  },
  'value.thin.noSpend': {
    'zh-CN': '回购金额大于 0 的客户只有 {count} 位，无法估计客单价模型',
    en: 'Customers whose repeat purchases came to more than 0: {count}, too few to fit the spend model',
  },

  // `huike clv fit FILE`: the transaction file.
  'value.column.customer': { 'zh-CN': '客户', en: 'customer' },
  'value.column.date': { 'zh-CN': '日期', en: 'date' },
  'value.column.amount': { 'zh-CN': '金额', en: 'amount' },
  'value.file.columnsNotFound': {
    'zh-CN':
      '{file} 中找不到{missing}列。交易文件应有客户、日期、金额三列：表头如“客户ID,日期,金额”或“customer,date,amount”，或不带表头、按这个顺序排列；也可以是 CDNOW 的空格分隔格式',
    en: '{file} has no {missing} column. A transaction file has customer, date and amount columns: a header such as “customer,date,amount” (or the same in Chinese), or no header with the columns in that order; or the CDNOW whitespace-separated layout',
  },
  'value.file.notText': {
    'zh-CN': '{file} 不是文本文件（CSV 或 TXT）。若是 Excel 工作簿，请先另存为 CSV',
    en: '{file} is not a text file (CSV or TXT). If it is an Excel workbook, save it as CSV first',
  },
  'value.file.noTransactions': {
    'zh-CN': '{file} 中没有交易记录',
    en: '{file} holds no transactions',
  },
  'value.file.noneBeforeEnd': {
    'zh-CN': '{file} 中没有 {end} 及以前的交易（最早一笔在 {first}）',
    en: '{file} has no transactions on or before {end} (the first is on {first})',
  },
  'value.row.badDate': {
    'zh-CN':
      '第 {row} 行「{column}」的值「{value}」不是日期（应为 2024-11-11、2024/11/11 或 20241111 这样的日期）',
    en: 'Row {row}: “{value}” in “{column}” is not a date (expected a date such as 2024-11-11, 2024/11/11 or 20241111)',
  },
  'value.row.badAmount': {
    'zh-CN': '第 {row} 行「{column}」的值「{value}」不是金额',
    en: 'Row {row}: “{value}” in “{column}” is not an amount',
  },
  'value.row.noCustomer': {
    'zh-CN': '第 {row} 行「{column}」为空：不知道这笔交易属于哪位客户',
    en: 'Row {row}: “{column}” is empty, so Huike cannot tell whose transaction it is',
  },
  'value.row.fieldCount': {
    'zh-CN': '第 {row} 行有 {count} 项，CDNOW 格式每行应有 {expected} 项（用空格分隔）',
    en: 'Row {row} has {count} fields; the CDNOW layout has {expected} per row (separated by spaces)',
  },
  'value.row.cutOff': {
    'zh-CN': '文件似乎在第 {row} 行被截断了（文件不完整）',
    en: 'The file seems cut off at row {row} (it is incomplete)',
  },
  'value.badCalibrationEnd': {
    'zh-CN': '--calibration-end「{value}」应为 YYYY-MM-DD 格式的日期',
    en: '--calibration-end “{value}” should be a date as YYYY-MM-DD',
  },
} as const satisfies Record<string, Templates>;
