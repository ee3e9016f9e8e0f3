/**
 * The generated benchmark files, cached under bench/.data/ by format + size + seed + generator
 * version. A file is reused only when its sidecar .meta (written last) says it is complete and the
 * byte count still matches; otherwise it is regenerated through a .tmp file and renamed, so an
 * interrupted run never leaves a truncated file that a later run would measure.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeCsv } from './csv-writer.js';
import type { BenchFormat, FileEncoding, FormatSpec, Tally } from './format-spec.js';
import { douyin } from './formats/douyin.js';
import { jd } from './formats/jd.js';
import { pdd } from './formats/pdd.js';
import { shopify } from './formats/shopify.js';
import { tmallItems } from './formats/tmall-items.js';
import { tmall } from './formats/tmall.js';
import { youzan } from './formats/youzan.js';

export { BENCH_FORMATS, isBenchFormat, type BenchFormat, type FileEncoding } from './format-spec.js';

export const FORMATS: Record<BenchFormat, FormatSpec> = {
  tmall,
  'tmall-items': tmallItems,
  jd,
  pdd,
  douyin,
  shopify,
  youzan,
};

export interface DataFile {
  format: BenchFormat;
  label: string;
  size: number;
  seed: number;
  path: string;
  bytes: number;
  encoding: FileEncoding;
  /** Data rows (the header not counted): what the importer must account for. */
  rows: number;
  /** Distinct orders in the file. */
  orders: number;
  /** Seconds spent generating it in this run; null when it came from the cache. */
  generatedS: number | null;
}

interface Meta {
  rows: number;
  orders: number;
  bytes: number;
}

export async function ensureDataFile(
  dataDir: string,
  format: BenchFormat,
  size: number,
  seed: number,
  log: (line: string) => void,
): Promise<DataFile> {
  const spec = FORMATS[format];
  await mkdir(dataDir, { recursive: true });
  const base = path.join(dataDir, `${format}-${size}-seed${seed}-v${spec.version}`);
  const file = `${base}.csv`;
  const metaFile = `${base}.meta`;
  const common = { format, label: spec.label, size, seed, path: file, encoding: spec.encoding };

  const cached = await readMeta(metaFile);
  if (cached && (await sizeOf(file)) === cached.bytes) return { ...common, ...cached, generatedS: null };

  log(`generating ${spec.label}, ${size} rows → ${path.relative(process.cwd(), file)}`);
  const started = performance.now();
  const tally: Tally = { orders: 0 };
  let rows = 0;
  const counted = function* () {
    for (const row of spec.rows(seed, size, tally)) {
      rows++;
      yield row;
    }
  };
  const bytes = await writeCsv(`${file}.tmp`, {
    header: spec.header,
    rows: counted(),
    encoding: spec.encoding,
    eol: spec.eol,
  });
  if (rows !== size) throw new Error(`generator ${format} wrote ${rows} rows, not ${size}`);
  await rename(`${file}.tmp`, file);
  const meta: Meta = { rows, orders: tally.orders, bytes };
  await writeFile(`${metaFile}.tmp`, JSON.stringify(meta));
  await rename(`${metaFile}.tmp`, metaFile);
  return { ...common, ...meta, generatedS: (performance.now() - started) / 1000 };
}

async function readMeta(file: string): Promise<Meta | null> {
  try {
    const meta = JSON.parse(await readFile(file, 'utf8')) as Partial<Meta>;
    if (typeof meta.rows === 'number' && typeof meta.orders === 'number' && typeof meta.bytes === 'number') {
      return { rows: meta.rows, orders: meta.orders, bytes: meta.bytes };
    }
    return null;
  } catch {
    return null;
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}
