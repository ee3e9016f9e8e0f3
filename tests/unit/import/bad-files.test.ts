/**
 * Files that are not order exports, or exports that are damaged, each end in a message that says
 * what the file is and what to do — through the real handlers (preview and commit), never an
 * "unrecognised layout" with a mapping form for a picture, never a silent empty batch, never a
 * row imported with half a character. Every file is made here, from its bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import type { FileOptions, FilePreview } from '../../../main/api/contract.js';
import { UserError } from '../../../main/domain/errors.js';
import { formatPlacedMessage } from '../../../main/shared/messages/index.js';
import { TMALL_ORDER_54 } from '../../fixtures/headers.js';
import { csvText, type Row } from '../../fixtures/write.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
let dir: string;
beforeEach(async () => {
  app = await testApp();
  dir = mkdtempSync(path.join(os.tmpdir(), 'huike-bad-files-'));
});
afterEach(() => app.close());

function file(name: string, bytes: Buffer | string): string {
  const at = path.join(dir, name);
  writeFileSync(at, bytes);
  return at;
}

async function preview(at: string, options: Omit<FileOptions, 'fileId'> = {}): Promise<FilePreview> {
  const { fileId } = await app.stagePath(at);
  return (await app.invoke('import.preview', { files: [{ fileId, ...options }] })).files[0]!;
}

async function commitError(at: string): Promise<UserError> {
  const { fileId } = await app.stagePath(at);
  const error = await app.invoke('import.commit', { files: [{ fileId }], skipInvalidRows: true }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

/** A file refused in the preview and at the commit with `code`, named, with no columns to map. */
async function expectRefused(at: string, code: string): Promise<FilePreview> {
  const p = await preview(at);
  expect(p.error?.code).toBe(code);
  expect(formatPlacedMessage(p.error!, 'zh-CN')).toContain(path.basename(at));
  expect(formatPlacedMessage(p.error!, 'en')).toContain(path.basename(at));
  expect(p.header).toEqual([]);
  expect(p.mapping).toBeNull();
  expect((await commitError(at)).code).toBe(code);
  expect((await app.invoke('imports.list', {})).batches).toEqual([]);
  return p;
}

/** Deterministic "random" bytes (a linear congruential generator). */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单报表');
  ws.addRow(['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间', '收货地址 ']);
  for (let i = 0; i < rows; i++)
    ws.addRow([`${9_000_000 + i}`, `tb_${i}`, '12.50', '交易成功', '2026-10-01 10:00:00', '浙江省 杭州市']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('files that are not text or Excel', () => {
  it('a PNG (whatever its name) is "not a text or Excel file", not an unknown layout', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), noise(2000)]);
    const p = await expectRefused(file('订单.csv', png), 'file.binary');
    expect(formatPlacedMessage(p.error!, 'en')).toBe(
      '订单.csv is not a text or Excel file (perhaps a picture, a program or another kind of file). Import the CSV, TXT or .xlsx file the platform exported.',
    );
  });

  it('random bytes, and text with NUL bytes in its first kilobyte', async () => {
    await expectRefused(file('noise.csv', noise(4096)), 'file.binary');
    const withNul = Buffer.concat([
      Buffer.from('订单号,金额\n1,2\n'),
      Buffer.alloc(40),
      Buffer.from('3,4\n'.repeat(50)),
    ]);
    await expectRefused(file('nul.csv', withNul), 'file.binary');
  });

  it('a ZIP that is not a workbook says to unzip it; ZIP garbage is a damaged workbook', async () => {
    const zip = new JSZip();
    zip.file('orders/readme.txt', 'the exports are in here');
    await expectRefused(file('exports.zip', await zip.generateAsync({ type: 'nodebuffer' })), 'file.archive');
    const garbage = Buffer.concat([Buffer.from('504b0304', 'hex'), noise(3000)]);
    await expectRefused(file('orders.xlsx', garbage), 'file.damagedXlsx');
  });
});

describe('Excel files it cannot read', () => {
  it('a legacy .xls says to save it as .xlsx or CSV', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
    const p = await expectRefused(file('2019年订单.xls', xls), 'file.legacyXls');
    expect(formatPlacedMessage(p.error!, 'en')).toContain('save it as .xlsx or CSV');
  });

  it('a password-protected workbook (an OLE2 file holding EncryptedPackage) says to remove the password', async () => {
    const header = Buffer.alloc(512);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
    header.writeUInt16LE(9, 30); // 512-byte sectors
    header.writeUInt32LE(0, 48); // the directory starts at sector 0
    const directory = Buffer.alloc(512);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'].forEach((name, i) =>
      Buffer.from(name, 'utf16le').copy(directory, i * 128),
    );
    await expectRefused(file('已卖出的宝贝.xlsx', Buffer.concat([header, directory])), 'file.encryptedXlsx');
  });

  it('a workbook cut off (the download stopped) is named as incomplete', async () => {
    const whole = await workbook(500);
    await expectRefused(
      file('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))),
      'file.damagedXlsx',
    );
  });

  it('a workbook damaged inside (its parts fail their checksums) is refused, not read forever', async () => {
    const damaged = await workbook(2000);
    for (let i = Math.floor(damaged.length * 0.3); i < Math.floor(damaged.length * 0.5); i++)
      damaged[i] = (damaged[i]! * 7 + 3) & 0xff;
    await expectRefused(file('damaged.xlsx', damaged), 'file.damagedXlsx');
  });

  it('an intact workbook still imports', async () => {
    const p = await preview(file('ok.xlsx', await workbook(3)));
    expect(p.error).toBeNull();
    expect(p.rows).toBe(3);
  });
});

describe('files without rows', () => {
  it('an empty file, or one of blank lines, is refused with a reason and never the mapping form', async () => {
    await expectRefused(file('empty.csv', ''), 'file.empty');
    await expectRefused(file('blank.csv', '\r\n\r\n  \r\n'), 'file.empty');
  });

  it('a header-only file is refused in the preview and at the commit: no empty batch is recorded', async () => {
    const tmall = file('订单报表-空.csv', iconv.encode(TMALL_ORDER_54.join(',') + '\r\n', 'gbk'));
    const p = await expectRefused(tmall, 'file.noDataRows');
    expect(formatPlacedMessage(p.error!, 'en')).toContain('has a header but no data rows');
    // An unknown header with no rows: nothing to map either.
    await expectRefused(file('sheet.csv', '单号,金额\n'), 'file.noDataRows');
  });
});

describe('a file cut off mid-row', () => {
  const row = (n: number, address: string): Row => ({
    订单编号: `100100000000000000${n}`,
    买家会员名: `tb_${n}`,
    买家实际支付金额: '10.00',
    订单状态: '交易成功',
    订单创建时间: '2024-11-11 10:00:00',
    收货地址: address,
    联系手机: '13800000000',
  });
  const text = csvText(
    TMALL_ORDER_54,
    [
      row(1, '浙江省 杭州市 西湖区 文三路100号'),
      row(2, '上海 上海市 浦东新区 世纪大道1号'),
      row(3, '江苏省 南京市 鼓楼区 中山路8号'),
    ],
    '\r\n',
  );
  const lastRowStart = text.lastIndexOf('1001000000000000003');

  /** The file up to `cut` characters into its last row, in `encoding`, minus `dropBytes` at the end. */
  const cutFile = (name: string, upTo: string, encoding: 'gbk' | 'utf8', dropBytes = 0) => {
    const end = text.indexOf(upTo, lastRowStart) + upTo.length;
    const bytes = iconv.encode(text.slice(0, end), encoding);
    return file(name, bytes.subarray(0, bytes.length - dropBytes));
  };

  async function expectLastRowRefused(at: string, options: Omit<FileOptions, 'fileId'> = {}) {
    const p = await preview(at, options);
    expect(p.error).toBeNull();
    expect(p.format).toBe('tmall');
    expect({ rows: p.rows, imported: p.rowsImported, refused: p.rowsRefused }).toEqual({
      rows: 3,
      imported: 2,
      refused: 1,
    });
    expect(p.problems).toEqual([{ row: 4, column: null, code: 'row.cutOff', params: {} }]);
    const { fileId } = await app.stagePath(at);
    const { batches } = await app.invoke('import.commit', {
      files: [{ fileId, ...options }],
      skipInvalidRows: true,
    });
    expect(batches[0]!.orders.inserted).toBe(2);
    expect(batches[0]!.problems[0]).toMatchObject({ row: 4, code: 'row.cutOff' });
    const refused = await app.invoke('imports.problems', { batchId: batches[0]!.id });
    expect(refused.problems).toEqual([{ row: 4, column: null, code: 'row.cutOff', params: {} }]);
    return batches[0]!.id;
  }

  it('GBK, cut after a cell (fewer cells than the header): the last row is refused with its number', async () => {
    await expectLastRowRefused(cutFile('cut-row.csv', '江苏省 南京市', 'gbk'));
  });

  it('GBK, cut in the middle of a character of the address: refused, no broken character stored', async () => {
    // 鼓 is two bytes in GBK: dropping one leaves half a character at the very end.
    await expectLastRowRefused(cutFile('cut-char.csv', '鼓', 'gbk', 1));
  });

  it('UTF-8, cut in the middle of a character', async () => {
    await expectLastRowRefused(cutFile('cut-char-utf8.csv', '鼓', 'utf8', 2));
  });

  it('cut inside a quoted cell (the quote is never closed)', async () => {
    const quoted = text.replace('江苏省 南京市 鼓楼区 中山路8号', '"江苏省 南京市, 鼓楼区 中山路8号"');
    const end = quoted.indexOf('鼓楼区', quoted.lastIndexOf('1001000000000000003'));
    await expectLastRowRefused(file('cut-quote.csv', iconv.encode(quoted.slice(0, end), 'gbk')));
  });

  it('a complete file without a final line break imports every row', async () => {
    const p = await preview(file('no-final-eol.csv', iconv.encode(text.trimEnd(), 'gbk')));
    expect({ rows: p.rows, imported: p.rowsImported, refused: p.rowsRefused }).toEqual({
      rows: 3,
      imported: 3,
      refused: 0,
    });
  });
});

describe('bytes the encoding cannot read', () => {
  // A GBK lead byte followed by a byte no GBK character has: the decoder writes U+FFFD.
  const broken = Buffer.concat([
    iconv.encode(`订单号,收货地址,金额\n1,杭州市,1.00\n2,上海`, 'gbk'),
    Buffer.from([0x81, 0x20]),
    iconv.encode('浦东,2.00\n3,南京市,3.00\n', 'gbk'),
  ]);
  const mapping = { orderId: '订单号', address: '收货地址', paidAmount: '金额' };

  it('refuse the row, naming the column, when the encoding was guessed', async () => {
    const p = await preview(file('broken.csv', broken), { format: 'generic', mapping, currency: 'CNY' });
    expect(p.encoding).toBe('gb18030');
    expect(p.rowsRefused).toBe(1);
    expect(p.problems).toEqual([
      { row: 3, column: '收货地址', code: 'row.badCharacter', params: { column: '收货地址' } },
    ]);
  });

  it('are the user’s choice when they forced the encoding', async () => {
    const p = await preview(file('forced.csv', broken), {
      format: 'generic',
      mapping,
      currency: 'CNY',
      encoding: 'gb18030',
    });
    expect(p.rowsRefused).toBe(0);
    expect(p.rowsImported).toBe(3);
  });
});
