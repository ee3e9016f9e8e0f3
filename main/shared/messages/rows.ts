/**
 * Why a row of a file was refused. They are stored with the batch (code + parameters) and put into
 * words where they are shown: the preview, the report, its CSV, the terminal.
 */
import type { Templates } from './index.js';

export const rowMessages = {
  'row.notMoney': {
    'zh-CN': '「{column}」的值「{value}」不是金额',
    en: '“{value}” in “{column}” is not an amount',
  },
  'row.notDate': {
    'zh-CN': '「{column}」的值「{value}」不是可识别的时间',
    en: '“{value}” in “{column}” is not a date and time Huike can read',
  },
  'row.notQuantity': {
    'zh-CN': '「{column}」的值「{value}」不是数量',
    en: '“{value}” in “{column}” is not a quantity',
  },
  'row.idEmpty': {
    'zh-CN': '「{column}」为空：无法识别这一行属于哪个订单',
    en: '“{column}” is empty: Huike cannot tell which order this row belongs to',
  },
  'row.idScientific': {
    'zh-CN':
      '「{column}」的值「{value}」是科学计数法：文件被 Excel 另存过，长编号已损坏，请导入平台导出的原始文件',
    en: '“{value}” in “{column}” is in scientific notation: the file was re-saved by Excel, which destroyed the long numbers. Import the file the platform exported',
  },
  'row.duplicateSubOrder': {
    'zh-CN':
      '子订单「{lineKey}」在第 {firstRow} 行已出现过：同一子订单不能导入两次，请检查文件是否有重复的行',
    en: 'Sub-order “{lineKey}” already appears in row {firstRow}: one sub-order cannot be imported twice. Check the file for repeated rows',
  },
  'row.cutOff': {
    'zh-CN': '文件似乎在这一行被截断了（文件不完整），这一行没有导入。请重新从平台导出或下载完整的文件',
    en: 'The file seems cut off here (it is incomplete), so this row was not imported. Export or download the whole file again',
  },
  'row.badCharacter': {
    'zh-CN':
      '「{column}」中有无法识别的字符：文件的编码选错了，或文件已损坏。请在预览中选择正确的编码，或重新导出文件',
    en: '“{column}” holds characters Huike cannot read: the wrong text encoding, or a damaged file. Choose the right encoding in the preview, or export the file again',
  },
  // A refused row in a sentence (a commit refused for its rows names the first one).
  'row.problemAt': {
    'zh-CN': '第 {row} 行「{column}」：{reason}',
    en: 'row {row}, “{column}”: {reason}',
  },
  'row.problemAtRow': {
    'zh-CN': '第 {row} 行：{reason}',
    en: 'row {row}: {reason}',
  },
} as const satisfies Record<string, Templates>;
