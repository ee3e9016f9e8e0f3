/**
 * Messages any part of the app may use: the unexpected, a cancel, a request the app cannot take
 * (an invalid input names the field in the user's words and says what is expected).
 */
import type { Templates } from './index.js';

export const commonMessages = {
  'internal.unexpected': {
    'zh-CN': '出现了意外错误：{detail}。数据没有被修改；请重试，若再次出现请把这段文字发给我们。',
    en: 'Something unexpected went wrong: {detail}. Nothing was changed; try again, and if it happens again send us this text.',
  },
  'app.cannotStart': { 'zh-CN': '汇客无法启动', en: 'Huike cannot start' },
  'app.failed': { 'zh-CN': '汇客出错了', en: 'Huike ran into a problem' },
  'app.filesNotOpened': { 'zh-CN': '有文件无法打开', en: 'Some files could not be opened' },
  'job.cancelled': {
    'zh-CN': '已取消，没有写入任何数据。',
    en: 'Cancelled; nothing was changed.',
  },

  'input.invalid': {
    'zh-CN': '{field}无效：应为{expected}。',
    en: '{field} is not valid: expected {expected}.',
  },
  'input.unknownKeys': {
    'zh-CN': '{field}中有无法识别的项：{keys}。',
    en: '{field} has entries Huike does not know: {keys}.',
  },
  'input.unknownChannel': {
    'zh-CN': '汇客没有「{channel}」这个功能（界面与程序的版本可能不一致，请重新启动汇客）。',
    en: 'Huike has no function "{channel}" (the window and the program may be of different versions: restart Huike).',
  },
  'http.forbiddenHost': {
    'zh-CN': '请求被拒绝：只接受来自本机汇客页面的请求。',
    en: 'Request refused: only the Huike page on this computer may call it.',
  },
  'http.missingHeader': {
    'zh-CN': '请求被拒绝：缺少 X-Huike 请求头（只接受汇客自己的页面发出的请求）。',
    en: 'Request refused: the X-Huike header is missing (only the Huike page may call it).',
  },
  'http.notFound': { 'zh-CN': '没有这个地址：{path}', en: 'Nothing here: {path}' },
  'http.methodNotAllowed': { 'zh-CN': '不支持这种请求方式。', en: 'This request method is not supported.' },
  'http.bodyTooLarge': {
    'zh-CN': '请求内容太大（上限 {max} 字节）。',
    en: 'The request is too large (at most {max} bytes).',
  },
  'http.badJson': {
    'zh-CN': '请求内容不是有效的 JSON：{detail}',
    en: 'The request is not valid JSON: {detail}',
  },

  // What a field should hold, for input.invalid.
  'expect.date': { 'zh-CN': '日期，格式为 YYYY-MM-DD', en: 'a date as YYYY-MM-DD' },
  'expect.currency': {
    'zh-CN': '三个字母的币种代码，如 CNY、USD',
    en: 'a three-letter currency code such as CNY or USD',
  },
  'expect.oneOf': { 'zh-CN': '以下之一：{values}', en: 'one of: {values}' },
  'expect.integer': { 'zh-CN': '整数', en: 'a whole number' },
  'expect.number': { 'zh-CN': '数字', en: 'a number' },
  'expect.text': { 'zh-CN': '文字', en: 'text' },
  'expect.boolean': { 'zh-CN': 'true 或 false', en: 'true or false' },
  'expect.list': { 'zh-CN': '一个列表', en: 'a list' },
  'expect.object': { 'zh-CN': '一组“名称: 值”', en: 'a set of "name: value" pairs' },
  'expect.atLeast': { 'zh-CN': '不小于 {min} 的数', en: 'a number of at least {min}' },
  'expect.atMost': { 'zh-CN': '不大于 {max} 的数', en: 'a number of at most {max}' },
  'expect.notEmpty': { 'zh-CN': '非空的文字', en: 'text that is not empty' },
  'expect.maxLength': { 'zh-CN': '不超过 {max} 个字符的文字', en: 'text of at most {max} characters' },
  'expect.minItems': { 'zh-CN': '至少 {min} 项', en: 'at least {min} items' },
  'expect.maxItems': { 'zh-CN': '至多 {max} 项', en: 'at most {max} items' },
  'expect.format': { 'zh-CN': '正确格式的值', en: 'a value in the right format' },

  // Fields of the app's requests, in the user's words.
  'field.input': { 'zh-CN': '请求内容', en: 'The request' },
  'field.batchId': { 'zh-CN': '批次号', en: 'The batch number' },
  'field.seed': { 'zh-CN': '随机种子', en: 'The random seed' },
  'field.language': { 'zh-CN': '语言', en: 'The language' },
  'field.currency': { 'zh-CN': '币种', en: 'The currency' },
  'field.shopName': { 'zh-CN': '店铺名称', en: 'The shop name' },
  'field.format': { 'zh-CN': '文件类型', en: 'The file type' },
  'field.encoding': { 'zh-CN': '文本编码', en: 'The text encoding' },
  'field.fileId': { 'zh-CN': '文件', en: 'The file' },
  'field.files': { 'zh-CN': '文件列表', en: 'The list of files' },
  'field.from': { 'zh-CN': '开始日期', en: 'The start date' },
  'field.to': { 'zh-CN': '结束日期', en: 'The end date' },
  'field.offset': { 'zh-CN': '起始位置', en: 'The offset' },
  'field.limit': { 'zh-CN': '条数', en: 'The number of rows' },
  'field.jobId': { 'zh-CN': '任务编号', en: 'The job id' },
  'field.skipInvalidRows': { 'zh-CN': '“跳过有问题的行”', en: '"Skip rows with problems"' },
  'field.mapping': { 'zh-CN': '列对应', en: 'The column mapping' },
  'field.statusValues': { 'zh-CN': '状态含义', en: 'The status meanings' },
  'field.mappingField': { 'zh-CN': '列对应中的「{name}」', en: '"{name}" in the column mapping' },
  'field.statusValue': { 'zh-CN': '状态「{value}」的含义', en: 'The meaning of the status "{value}"' },
  'field.statuses': { 'zh-CN': '订单状态', en: 'The order status' },
  'field.platforms': { 'zh-CN': '平台', en: 'The platform' },
  'field.shopIds': { 'zh-CN': '店铺', en: 'The shop' },
  'field.q': { 'zh-CN': '搜索内容', en: 'The search text' },
  'field.buyer': { 'zh-CN': '买家', en: 'The buyer' },
  'field.hasRefund': { 'zh-CN': '“有退款”', en: '"Has a refund"' },
  'field.paid': { 'zh-CN': '“仅已付款”', en: '"Paid only"' },
  'field.sort': { 'zh-CN': '排序', en: 'The sort order' },
  'field.key': { 'zh-CN': '排序列', en: 'The sort column' },
  'field.direction': { 'zh-CN': '排序方向', en: 'The sort direction' },
  'field.id': { 'zh-CN': '编号', en: 'The id' },
  'field.other': { 'zh-CN': '「{path}」', en: '"{path}"' },
  'field.ofFile': { 'zh-CN': '第 {n} 个文件的{field}', en: '{field} of file {n}' },
} as const satisfies Record<string, Templates>;
