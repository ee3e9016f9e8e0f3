/**
 * What kind of file this is, from its bytes and never its name: users rename files, Tmall's "CSV"
 * may be an xlsx and the reverse, and a dropped screenshot or a ZIP of exports must be named for
 * what it is rather than read as a CSV of one garbled column ("unrecognised layout").
 *
 * - ZIP: an .xlsx when its central directory lists `xl/`; else an archive (or a Word document).
 *   A ZIP without a central directory was cut off (a download that stopped), and one whose parts
 *   do not inflate to their checksums is damaged: exceljs waits forever on a broken deflate stream
 *   (the import would hang), so every part is checked before anything is read.
 * - OLE2 (D0 CF 11 E0): a legacy .xls, or an .xlsx encrypted with a password (its directory
 *   holds an `EncryptedPackage` stream; Taobao's 已卖出的宝贝 export can be one).
 * - Text: anything else whose first bytes look like text in some encoding we read.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';

export type FileKind =
  'xlsx' | 'text' | 'empty' | 'damaged-xlsx' | 'archive' | 'legacy-xls' | 'encrypted-xlsx' | 'binary';

/** Bytes looked at to tell text from binary: the first kilobytes hold the header and some rows. */
const TEXT_SAMPLE = 4096;
/** The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB. */
const EOCD_SEARCH = 22 + 0xffff;

/** Where a workbook's parts are in its file: each part's local record, and the central directory. */
export interface ZipLayout {
  entries: ZipEntry[];
  directoryOffset: number;
}

export interface SniffResult {
  kind: FileKind;
  size: number;
  /** For an .xlsx whose directory was read (not ZIP64). */
  zip?: ZipLayout;
}

export async function sniffFile(path: string): Promise<SniffResult> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return { ...(await kindOf(path, handle, size)), size };
  } finally {
    await handle.close();
  }
}

async function kindOf(
  path: string,
  handle: FileHandle,
  size: number,
): Promise<{ kind: FileKind; zip?: ZipLayout }> {
  if (size === 0) return { kind: 'empty' };
  const head = await readAt(handle, 0, Math.min(size, TEXT_SAMPLE));
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const tail = await readAt(handle, Math.max(0, size - EOCD_SEARCH), Math.min(size, EOCD_SEARCH));
    const zip = await zipKind(tail, size - tail.length, (at, length) => readAt(handle, at, length));
    if (zip.kind !== 'xlsx') return { kind: zip.kind };
    for (const entry of zip.layout?.entries ?? []) {
      if (!(await entryIsIntact(path, handle, entry))) return { kind: 'damaged-xlsx' };
    }
    return { kind: 'xlsx', zip: zip.layout };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    const encrypted = await isEncryptedPackage(head, (at, length) => readAt(handle, at, length));
    return { kind: encrypted ? 'encrypted-xlsx' : 'legacy-xls' };
  }
  return { kind: looksLikeText(head) ? 'text' : 'binary' };
}

type ReadAt = (at: number, length: number) => Promise<Uint8Array>;

async function readAt(handle: FileHandle, at: number, length: number) {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, at);
  return buffer.subarray(0, bytesRead);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 2 ** 24;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads the ZIP's central directory to tell a workbook from any other archive, and list its parts. */
async function zipKind(
  tail: Uint8Array,
  tailStart: number,
  readAt: ReadAt,
): Promise<{ kind: FileKind; layout?: ZipLayout }> {
  const damaged = { kind: 'damaged-xlsx' as const };
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return damaged;
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  // ZIP64 keeps the real values elsewhere; a workbook that large is trusted to exceljs.
  if (dirOffset === 0xffffffff || dirSize === 0xffffffff || count === 0xffff) return { kind: 'xlsx' };
  if (dirOffset + dirSize > tailStart + eocd) return damaged;
  const dir = await readAt(dirOffset, dirSize);
  if (dir.length < dirSize) return damaged;
  let at = 0;
  let workbook = false;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > dir.length || u32(dir, at) !== 0x02014b50) return damaged;
    const nameLength = u16(dir, at + 28);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength));
    if (name.startsWith('xl/')) workbook = true;
    entries.push({
      name,
      method: u16(dir, at + 10),
      crc: u32(dir, at + 16),
      compressedSize: u32(dir, at + 20),
      size: u32(dir, at + 24),
      localOffset: u32(dir, at + 42),
    });
    at += 46 + nameLength + u16(dir, at + 30) + u16(dir, at + 32);
  }
  return workbook ? { kind: 'xlsx', layout: { entries, directoryOffset: dirOffset } } : { kind: 'archive' };
}

/** Inflates one part and compares it with the size and checksum the directory gives. */
async function entryIsIntact(path: string, handle: FileHandle, entry: ZipEntry): Promise<boolean> {
  const local = await readAt(handle, entry.localOffset, 30);
  if (local.length < 30 || u32(local, 0) !== 0x04034b50) return false;
  const dataStart = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
  if (entry.method !== 0 && entry.method !== 8) return true; // not ours to judge: exceljs decides
  if (entry.compressedSize === 0) return entry.size === 0;
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  let crc = 0;
  let size = 0;
  try {
    const data = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
    for await (const chunk of data as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
  } catch {
    return false;
  } finally {
    raw.destroy();
  }
  return crc === entry.crc && size === entry.size;
}

/**
 * An encrypted OOXML file is an OLE2 container whose root holds `EncryptionInfo` and
 * `EncryptedPackage`; a legacy workbook holds `Workbook` (or `Book`). The names sit in the first
 * directory sector, whose number is in the header.
 */
async function isEncryptedPackage(head: Uint8Array, readAt: ReadAt): Promise<boolean> {
  if (head.length < 512) return false;
  const sectorSize = 2 ** u16(head, 30);
  const firstDirSector = u32(head, 48);
  if (sectorSize < 128 || sectorSize > 65536 || firstDirSector >= 0xfffffffa) return false;
  const dir = await readAt((firstDirSector + 1) * sectorSize, sectorSize);
  const name = utf16le('EncryptedPackage');
  for (let i = 0; i + name.length <= dir.length; i += 128) {
    if (name.every((b, j) => dir[i + j] === b)) return true;
  }
  return false;
}

function utf16le(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
}

/** Files that are never text, known by their first bytes (a PDF starts as text for a while). */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

/** A control character that no text file we read contains: not tab, line breaks, form feed or DOS EOF. */
const isStrayControl = (c: number) =>
  c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a;

/**
 * Text in any encoding we read has no NUL bytes (UTF-16 aside, where NUL is the high half of every
 * ASCII character and so sits on one side) and almost no control characters. Pictures, programs,
 * PDFs and random bytes have plenty of both.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => startsWith(head, magic))) return false;
  if (startsWith(head, [0xff, 0xfe])) return utf16LooksLikeText(head.subarray(2), true);
  if (startsWith(head, [0xfe, 0xff])) return utf16LooksLikeText(head.subarray(2), false);
  let even = 0;
  let odd = 0;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    } else if (isStrayControl(b)) control++;
  }
  const nul = even + odd;
  if (nul === 0) return control <= head.length / 200;
  // UTF-16 without a byte order mark: the commas, digits and line breaks put NULs on one side.
  if (Math.max(even, odd) < nul * 0.95 || nul < head.length / 100) return false;
  return utf16LooksLikeText(head, odd > even);
}

function utf16LooksLikeText(bytes: Uint8Array, littleEndian: boolean): boolean {
  const units = Math.floor(bytes.length / 2);
  let control = 0;
  for (let i = 0; i < units; i++) {
    const unit = littleEndian ? u16(bytes, 2 * i) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
    if (unit === 0 || isStrayControl(unit)) control++;
  }
  return control <= units / 200;
}
