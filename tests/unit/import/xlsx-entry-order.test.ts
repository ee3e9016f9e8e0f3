/**
 * An .xlsx is a zip whose entries may come in any order. exceljs's streaming reader parses a
 * worksheet met after the shared strings but before xl/workbook.xml against a model it has not read
 * yet; the importer must read such a workbook like any other.
 */
import { mkdtemp, readFile as readBytes, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateFixtures, type FixtureSet } from '../../fixtures/generate.js';
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
