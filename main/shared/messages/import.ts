/** Reading a file as orders: its layout, the user's column mapping, its currency, the commit. */
import type { Templates } from './index.js';

export const importMessages = {
  // The formats by name, as parameters of the messages below.
  'format.tmall': { 'zh-CN': '天猫/淘宝 订单报表', en: 'Tmall/Taobao order report' },
  'format.tmall-items': { 'zh-CN': '天猫/淘宝 宝贝报表/销售明细', en: 'Tmall/Taobao item report' },
  'format.jd': { 'zh-CN': '京东', en: 'JD' },
  'format.pdd': { 'zh-CN': '拼多多', en: 'Pinduoduo' },
  'format.douyin': { 'zh-CN': '抖店', en: 'Douyin Shop' },
  'format.shopify': { 'zh-CN': 'Shopify', en: 'Shopify' },
  'format.youzan': { 'zh-CN': '有赞', en: 'Youzan' },
  'format.woocommerce': { 'zh-CN': 'WooCommerce', en: 'WooCommerce' },
  'format.generic': { 'zh-CN': '其他表格', en: 'Other spreadsheet' },

  'import.unknownLayout': {
    'zh-CN': '无法识别 {file} 的文件格式。请选择平台，或选择「其他表格」并手动对应列。',
    en: 'Huike does not recognise the layout of {file}. Choose the platform, or choose “Other spreadsheet” and map the columns.',
  },
  'import.unknownLayoutClosest': {
    'zh-CN':
      '无法识别 {file} 的文件格式。最接近的格式——{closest}。请选择平台，或选择「其他表格」并手动对应列。',
    en: 'Huike does not recognise the layout of {file}. The closest layouts: {closest}. Choose the platform, or choose “Other spreadsheet” and map the columns.',
  },
  'import.ambiguousLayout': {
    'zh-CN': '{file} 的表头同时符合多种格式，无法确定是哪一种——{closest}。请选择平台。',
    en: 'The header of {file} fits several layouts and Huike cannot tell which: {closest}. Choose the platform.',
  },
  'import.candidateFits': {
    'zh-CN': '{format}（{variant}）：与表头的吻合度 {percent}%',
    en: '{format} ({variant}): matches {percent}% of the header',
  },
  'import.candidateLacks': {
    'zh-CN': '{format}（{variant}）：缺少 {lacks}',
    en: '{format} ({variant}): lacks {lacks}',
  },
  'import.candidateConflicts': {
    'zh-CN': '{format}（{variant}）：缺少 {lacks}，且有其他平台的列 {conflicts}',
    en: '{format} ({variant}): lacks {lacks}, and has columns of another platform: {conflicts}',
  },
  'import.forcedFormatNoMoney': {
    'zh-CN':
      '按「{format}」读取 {file} 时，表头中没有任何金额列（需要 {columns} 之一），导入会让所有订单金额为 0，因此没有导入。请确认文件类型，或选择「其他表格」手动对应列。',
    en: 'Read as {format}, {file} has none of its money columns (one of {columns} is needed): every order would be imported at 0, so nothing was imported. Check the file type, or choose “Other spreadsheet” and map the columns.',
  },
  'import.orderIdColumnMissing': {
    'zh-CN': '表头中没有 {columns} 列，无法知道每一行属于哪个订单。请确认选择的文件类型正确。',
    en: 'The header has no {columns} column, so Huike cannot tell which order a row belongs to. Check the chosen file type.',
  },
  'import.mapOrderId': {
    'zh-CN': '请先选择哪一列是「订单号」。',
    en: 'Choose which column holds the order number first.',
  },
  'import.mappedColumnMissing': {
    'zh-CN': '列对应中的列「{column}」不在文件的表头中。请在列对应中重新选择这一列。',
    en: 'The column “{column}” named in the column mapping is not in the file’s header. Choose the column again in the mapping.',
  },
  'import.currencyFixed': {
    'zh-CN':
      '{platform} 的导出文件金额总是人民币（CNY），不能按 {chosen} 导入。请去掉币种选择（命令行去掉 --currency）。',
    en: '{platform} exports are always in Chinese yuan (CNY); they cannot be imported as {chosen}. Clear the currency choice (in the terminal, drop --currency).',
  },
  'import.currencyMissing': {
    'zh-CN': '{file} 中没有写明金额的币种。请在预览中选择币种（命令行用 --currency CNY 等）。',
    en: '{file} does not name the currency of its amounts. Choose it in the preview (in the terminal: --currency CNY or another code).',
  },
  'import.rowsRefused': {
    'zh-CN':
      '{file} 有 {count} 行无法导入，因此没有写入任何数据。例如{first}。可以修正文件后重新导入，或选择跳过这些行。',
    en: '{file} has {count} rows that cannot be imported, so nothing was written. For example {first}. Fix the file and import it again, or choose to skip those rows.',
  },
  'import.noDataRows': {
    'zh-CN': '{file} 没有数据行，没有导入（不会记录一个空的导入批次）。',
    en: '{file} has no data rows and was not imported (an empty import is never recorded).',
  },

  'mapping.unknownKey': {
    'zh-CN': '列对应中有未知的字段 {keys}。可用的字段：{valid}（说明见 huike import --help 或 README）。',
    en: 'The column mapping has unknown fields {keys}. The fields are: {valid} (see huike import --help or the README).',
  },
  'mapping.badStatus': {
    'zh-CN': '列对应中给状态「{value}」的含义无效。可用的含义：{valid}。',
    en: 'The meaning given to the status “{value}” in the column mapping is not valid. The meanings are: {valid}.',
  },
  'mapping.notText': {
    'zh-CN': '列对应中「{key}」的值应为文件中的列名（文字）。',
    en: 'In the column mapping, “{key}” should name a column of the file (text).',
  },
  'mapping.notObject': {
    'zh-CN': '列对应文件 {file} 应为一个 JSON 对象，例如 {"orderId":"单号","paidAmount":"金额"}。',
    en: 'The mapping file {file} should hold one JSON object, for example {"orderId":"单号","paidAmount":"金额"}.',
  },
  'mapping.unreadable': {
    'zh-CN': '无法读取列对应文件 {file}。请检查文件名和路径。',
    en: 'Cannot read the mapping file {file}. Check its name and folder.',
  },
  'mapping.notJson': {
    'zh-CN': '列对应文件 {file} 不是有效的 JSON：{detail}',
    en: 'The mapping file {file} is not valid JSON: {detail}',
  },
} as const satisfies Record<string, Templates>;
