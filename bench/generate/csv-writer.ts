/**
 * Streams generated rows to disk in the file's real encoding. Rows are joined into ~1 MB of text,
 * encoded, and written with back-pressure, so a 400 MB file never sits in memory. GBK is encoded
 * chunk by chunk with iconv-lite: the encoder keeps no state between chunks, and every chunk ends
 * at a row boundary, so no character is ever split.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { csvCell } from './cells.js';
import type { FileEncoding } from './format-spec.js';

const CHUNK_CHARS = 1 << 20;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function encode(text: string, encoding: FileEncoding): Buffer {
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

/** Writes header + rows to `path`; resolves to the number of bytes written. */
export async function writeCsv(
  path: string,
  options: { header: readonly string[]; rows: Iterable<string[]>; encoding: FileEncoding; eol: string },
): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (chunk: Buffer) => {
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    if (options.encoding === 'utf-8-bom') await write(UTF8_BOM);
    let text = options.header.map(csvCell).join(',') + options.eol;
    for (const cells of options.rows) {
      text += cells.map(csvCell).join(',') + options.eol;
      if (text.length >= CHUNK_CHARS) {
        await write(encode(text, options.encoding));
        text = '';
      }
    }
    if (text) await write(encode(text, options.encoding));
  } finally {
    out.end();
    await finished(out);
  }
  return bytes;
}
