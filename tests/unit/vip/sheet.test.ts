/**
 * The VIP file writer, byte by byte: CSV in UTF-8 with a BOM and in GBK, RFC 4180 quoting, formula
 * cells neutralised; xlsx opened again with exceljs.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBytes, neutralise, xlsxBytes } from '../../../main/services/vip/sheet.js';

const HEADER = ['姓名', '手机', '备注'];
const ROWS = [
  ['张*明', '138****5678', '=HYPERLINK("http://evil.example","点我")'],
  ['李*', '139****1111', '+86 打电话'],
  ['王*', null, '-1+1'],
  ['@SUM(A1)', '\tTAB', '含,逗号 和 "引号"\r\n换行'],
  ['Ivan', 12.5, 'plain'],
];

describe('neutralise', () => {
  it('prefixes a quote to text a spreadsheet would run, and leaves other text alone', () => {
    for (const t of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutralise(t)).toBe(`'${t}`);
    for (const t of ['张*明', '138****5678', 'a=b', ' =1', '1-2']) expect(neutralise(t)).toBe(t);
  });
});

describe('CSV', () => {
  it('UTF-8 starts with the BOM EF BB BF, ends rows with CRLF, quotes and neutralises', () => {
    const bytes = csvBytes(HEADER, ROWS, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('姓名,手机,备注\r\n')).toBe(true);
    expect(text).toContain(`张*明,138****5678,"'=HYPERLINK(""http://evil.example"",""点我"")"\r\n`);
    expect(text).toContain(`李*,139****1111,'+86 打电话\r\n`);
    expect(text).toContain(`王*,,'-1+1\r\n`);
    expect(text).toContain(`'@SUM(A1),'\tTAB,"含,逗号 和 ""引号""\r\n换行"\r\n`);
    expect(text).toContain('Ivan,12.5,plain\r\n');
    // A CSV reader gets the cells back, each formula cell starting with '.
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(6);
    expect(parsed[1]![2]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(parsed[4]![2]).toBe('含,逗号 和 "引号"\r\n换行');
    expect(parsed.slice(1).every((r) => r.every((c) => !/^[=+\-@\t\r]/.test(c)))).toBe(true);
  });

  it('GBK has no BOM and decodes back to the same Chinese text', () => {
    const bytes = csvBytes(HEADER, ROWS, 'gbk');
    expect([...bytes.subarray(0, 2)]).toEqual([...iconv.encode('姓', 'gbk')]);
    expect(bytes.includes(Buffer.from('姓名', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'gbk');
    expect(text).toBe(csvBytes(HEADER, ROWS, 'utf8').subarray(3).toString('utf8'));
  });
});

describe('xlsx', () => {
  it('is a workbook whose cells are the values, formula text neutralised and nothing a formula', async () => {
    const bytes = await xlsxBytes('VIP 客户', HEADER, ROWS, [10, 14, 30]);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('VIP 客户')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '手机', '备注']);
    expect(sheet.getCell('A2').value).toBe('张*明');
    expect(sheet.getCell('C2').value).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(sheet.getCell('A5').value).toBe(`'@SUM(A1)`);
    expect(sheet.getCell('B6').value).toBe(12.5);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
