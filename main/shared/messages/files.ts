/** Choosing, uploading and opening the files to import: what is wrong with the file and what to do. */
import type { Templates } from './index.js';

export const fileMessages = {
  'file.notFound': {
    'zh-CN': '找不到文件 {file}（不存在或无法读取）。请检查文件名和路径。',
    en: 'Cannot find the file {file} (it does not exist or cannot be read). Check its name and folder.',
  },
  'file.notAFile': {
    'zh-CN': '{file} 是文件夹，不是文件。请选择文件夹里的导出文件。',
    en: '{file} is a folder, not a file. Choose the export files inside it.',
  },
  'file.unreadable': {
    'zh-CN': '无法读取 {file}：没有读取权限，或文件正被其他程序（如 Excel）占用。请关闭该程序后重试。',
    en: 'Cannot read {file}: no permission, or another program (such as Excel) holds it. Close that program and try again.',
  },
  'file.expired': {
    'zh-CN': '这个文件已失效（汇客重新启动过）。请重新选择文件。',
    en: 'This file is no longer available (Huike was restarted). Choose the file again.',
  },
  'file.empty': {
    'zh-CN': '{file} 是空文件，没有任何内容可导入。请重新从平台导出。',
    en: '{file} is empty: there is nothing to import. Export it from the platform again.',
  },
  'file.noDataRows': {
    'zh-CN': '{file} 只有表头，没有数据行：没有可导入的订单。请确认导出时选择的时间范围里有订单。',
    en: '{file} has a header but no data rows: there are no orders to import. Check that the export’s date range has orders.',
  },
  'file.binary': {
    'zh-CN':
      '{file} 不是文本或 Excel 文件（可能是图片、程序或其他文件）。请导入平台导出的 CSV、TXT 或 .xlsx 文件。',
    en: '{file} is not a text or Excel file (perhaps a picture, a program or another kind of file). Import the CSV, TXT or .xlsx file the platform exported.',
  },
  'file.archive': {
    'zh-CN': '{file} 是压缩包或 Word 等文档，不是 Excel 表格。请先解压，再导入其中的 CSV 或 .xlsx 文件。',
    en: '{file} is a ZIP archive or a document such as Word, not an Excel workbook. Unzip it first, then import the CSV or .xlsx files inside.',
  },
  'file.legacyXls': {
    'zh-CN':
      '{file} 是旧版 Excel（.xls）文件，汇客无法读取。请在 Excel 或 WPS 中打开它，另存为 .xlsx 或 CSV 后再导入。',
    en: '{file} is an old-style Excel (.xls) file, which Huike cannot read. Open it in Excel or WPS, save it as .xlsx or CSV, and import that.',
  },
  'file.encryptedXlsx': {
    'zh-CN':
      '{file} 设有打开密码（加密的 Excel 文件），汇客无法读取。请在 Excel 中打开它，去掉密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx，再导入。',
    en: '{file} is protected by a password (an encrypted Excel file), which Huike cannot read. Open it in Excel, remove the password (File → Info → Protect Workbook), save it as .xlsx, and import that.',
  },
  'file.damagedXlsx': {
    'zh-CN':
      '{file} 不是完整的 Excel 文件（可能没有下载完，或已损坏）。请重新从平台下载；若能在 Excel 中打开，也可另存为 .xlsx 后再导入。',
    en: '{file} is not a complete Excel file (the download may have stopped, or the file is damaged). Download it from the platform again; if Excel opens it, save it as .xlsx and import that.',
  },
  'file.emptyWorkbook': {
    'zh-CN': '{file} 的工作表都是空的，没有可导入的内容。',
    en: 'Every sheet of {file} is empty: there is nothing to import.',
  },
  'file.tooLarge': {
    'zh-CN': '{file} 太大，无法导入：{size} MiB，上限 {max} MiB。请按时间分成几个文件导出。',
    en: '{file} is too large to import: {size} MiB, at most {max} MiB. Export it in several parts by date.',
  },
  'file.uploadIncomplete': {
    'zh-CN': '{file} 没有完整上传，请重新拖入。',
    en: '{file} did not arrive whole: drop it again.',
  },
  'upload.tooMany': {
    'zh-CN': '一次最多上传 {max} 个文件，请分几次导入。',
    en: 'At most {max} files can be uploaded at once: import them in several goes.',
  },
  'files.noDialog': {
    'zh-CN': '这里不能打开文件对话框：请把文件拖进窗口，或点击“选择文件”。',
    en: 'No file dialog here: drop the files on the window, or click “Choose files”.',
  },
} as const satisfies Record<string, Templates>;
