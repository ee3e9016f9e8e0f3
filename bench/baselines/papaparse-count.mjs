// @ts-check
/**
 * Baseline: the bare cost of reading the export files, with no database. Run as its own Node
 * process (plain JS, no tsx loader, so start-up is as small as Node's) by the benchmark:
 *
 *   node papaparse-count.mjs ENCODING FILE [ENCODING FILE …]   → prints {"rows": N}
 *
 * Each file is streamed, decoded in streaming mode (gb18030 for GBK files, else utf-8, which also
 * drops a BOM) and fed to papaparse; data rows are counted (the header row of each file is not).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';

/**
 * @param {string} file
 * @param {string} encoding
 * @returns {AsyncGenerator<string>}
 */
async function* decoded(file, encoding) {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(/** @type {Buffer} */ (chunk), { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * @param {string} file
 * @param {string} encoding
 * @returns {Promise<number>} data rows
 */
function countRows(file, encoding) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(Readable.from(decoded(file, encoding)), {
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(Math.max(0, rows - 1)),
      error: (/** @type {Error} */ error) => reject(error),
    });
  });
}

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  process.stderr.write('usage: papaparse-count.mjs ENCODING FILE [ENCODING FILE …]\n');
  process.exit(2);
}
let total = 0;
for (let i = 0; i < args.length; i += 2) total += await countRows(args[i + 1] ?? '', args[i] ?? 'utf-8');
process.stdout.write(`${JSON.stringify({ rows: total })}\n`);
