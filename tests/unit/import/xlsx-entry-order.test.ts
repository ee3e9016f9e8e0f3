/**
 * An .xlsx is a zip whose entries may come in any order. exceljs's streaming reader parses a
 * worksheet met after the shared strings but before xl/workbook.xml against a model it has not read
 * yet; the importer must read such a workbook like any other.
 */
import { mkdtemp, readFile as readBytes, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFixtures, type FixtureSet } from '../../fixtures/generate.js';
import { sniffFile } from '../../../main/services/import/sniff-file.js';
import { workbookStream } from '../../../main/services/import/workbook-stream.js';
import { readFile } from './read-helpers.js';

let dir: string;
let fx: FixtureSet;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'huike-xlsx-order-'));
  fx = await generateFixtures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The same workbook with its zip entries reordered: rels and shared strings first, workbook.xml last. */
async function reordered(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readBytes(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const rank = (n: string) =>
    n === 'xl/workbook.xml'
      ? 3
      : n.startsWith('xl/worksheets/sheet')
        ? 2
        : n.includes('sharedStrings') || n.endsWith('.rels')
          ? 0
          : 1;
  const out = new JSZip();
  for (const name of [...names].sort((a, b) => rank(a) - rank(b))) {
    out.file(name, await zip.files[name]!.async('uint8array'));
  }
  const target = path.join(dir, `reordered-${path.basename(file)}`);
  await writeFile(target, await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return target;
}

it('reads a workbook whose worksheets come before xl/workbook.xml', async () => {
  const normal = await readFile(fx.qianniuWorkbook.path);
  const file = await readFile(await reordered(fx.qianniuWorkbook.path));
  expect(file.sheets.map((s) => s.rows)).toEqual(normal.sheets.map((s) => s.rows));
  expect(file.sheets.map((s) => s.format)).toEqual(normal.sheets.map((s) => s.format));
  expect(file.sheets.flatMap((s) => s.orders)).toEqual(normal.sheets.flatMap((s) => s.orders));
});

/** The names of the local file records in a zip byte stream, in the order they come. */
function localRecordNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 26);
    names.push(bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
  }
  return names;
}

it('hands exceljs the parts it reads worksheets against first, and the end of the zip only after the worksheets', async () => {
  // exceljs writes workbook.xml last; its streaming reader sometimes dropped that last part.
  const file = fx.qianniuWorkbook.path;
  const { zip } = await sniffFile(file);
  const ordered = workbookStream(file, (await stat(file)).size, zip!);
  expect(ordered.worksheets).toBe(3);
  const chunks: Buffer[] = [];
  let ended = false;
  ordered.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  ordered.stream.on('end', () => (ended = true));
  await new Promise((resolve) => setTimeout(resolve, 200));
  // Every record has been sent; the central directory waits for the worksheets to be read.
  expect(ended).toBe(false);
  const names = localRecordNames(Buffer.concat(chunks));
  expect(names.slice(0, 3)).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels']);
  expect(names.indexOf('xl/workbook.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
  expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
  expect(names.slice(-3)).toEqual([
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
  ]);
  expect(Buffer.concat(chunks).includes('PK\x05\x06')).toBe(false);
  ordered.allWorksheetsRead();
  await new Promise((resolve) => ordered.stream.once('end', resolve));
  expect(Buffer.concat(chunks).includes('PK\x05\x06')).toBe(true);
});
