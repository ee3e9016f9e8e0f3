/**
 * Streaming CSV → records. papaparse's low-level Parser is fed decoded chunks; the last, possibly
 * incomplete row of each chunk is held back and re-parsed with the next one (the same scheme
 * papaparse's own ChunkStreamer uses), so a quoted cell spanning chunks — Shopify's multi-line
 * `Note Attributes` — stays one cell and one spreadsheet row.
 */
import Papa from 'papaparse';
import type { SourceRecord, TextEncoding } from './reader-types.js';
import { decodeTextStream } from './text-encoding.js';

type Newline = '\r\n' | '\n' | '\r';

/**
 * Read a CSV byte stream: sniff the encoding, decode, split into records. Rows where decoding met
 * bytes it could not read are marked (a wrong guess or a damaged file), unless the user chose the
 * encoding: then what it gives is what they asked for.
 */
export async function readCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: { encoding?: TextEncoding } = {},
): Promise<{ encoding: TextEncoding; records: AsyncIterable<SourceRecord> }> {
  const { encoding, text } = await decodeTextStream(chunks, options);
  return { encoding, records: parseCsvText(text, { markUndecodable: !options.encoding }) };
}

/** What decoding puts where it met bytes it could not read. */
const REPLACEMENT = '\uFFFD';

/**
 * Records with spreadsheet row numbers: the first record is row 1, and a record whose quoted cell
 * holds line breaks still counts as one row (as Excel shows it). Fully empty rows are skipped but
 * keep their number, so later rows still match what the user sees in Excel.
 *
 * The last row of a file that does not end with a line break is marked `unterminated`, and
 * `cutOff` when the file plainly ends inside it (a quote never closed, a character cut in half):
 * a file cut off while being written or downloaded must not import its last row half-read.
 */
export async function* parseCsvText(
  text: AsyncIterable<string>,
  options: { markUndecodable?: boolean } = {},
): AsyncIterable<SourceRecord> {
  const markUndecodable = options.markUndecodable ?? true;
  let parser: Papa.Parser | null = null;
  let pending = '';
  let row = 0;

  function* drain(rows: string[][], undecodable: boolean): Iterable<SourceRecord> {
    for (const cells of rows) {
      row++;
      if (cells.every((c) => c.trim() === '')) continue;
      if (!undecodable) {
        yield { row, cells };
        continue;
      }
      const bad = cells.findIndex((c) => c.includes(REPLACEMENT));
      yield bad < 0 ? { row, cells } : { row, cells, undecodable: bad };
    }
  }

  for await (const chunk of text) {
    pending += chunk;
    if (!parser) {
      // Guess the dialect from the first line only once enough text has arrived to contain it.
      const eol = pending.search(/\r|\n/);
      if (eol < 0 || (pending[eol] === '\r' && eol === pending.length - 1)) continue;
      parser = new Papa.Parser({
        delimiter: guessDelimiter(pending.slice(0, eol)),
        newline: guessNewline(pending),
      });
    }
    // Looking once per chunk keeps the per-cell search off the common, clean path.
    const dirty = markUndecodable && pending.includes(REPLACEMENT);
    const result = parser.parse(pending, 0, true) as { data: string[][]; meta: { cursor: number } };
    pending = pending.slice(result.meta.cursor);
    yield* drain(result.data, dirty);
  }
  if (pending.length > 0) {
    parser ??= new Papa.Parser({ delimiter: guessDelimiter(pending), newline: guessNewline(pending) });
    const result = parser.parse(pending, 0, false) as { data: string[][]; errors: Papa.ParseError[] };
    // A file ending with a line break yields one trailing empty record; it is not a row.
    const rows = result.data;
    const last = rows.pop();
    yield* drain(rows, markUndecodable && pending.includes(REPLACEMENT));
    if (last) {
      const unclosedQuote = result.errors.some((e) => e.code === 'MissingQuotes');
      // A multi-byte character cut by the end of the file decodes as one replacement character.
      const cutCharacter = pending.endsWith(REPLACEMENT);
      for (const record of drain([last], markUndecodable && pending.includes(REPLACEMENT))) {
        yield {
          ...record,
          unterminated: true,
          ...(unclosedQuote || cutCharacter ? { cutOff: true } : {}),
        };
      }
    }
  }
}
/** Platform exports use commas; "Unicode text" saved by Excel uses tabs; European Excel semicolons. */
function guessDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function guessNewline(text: string): Newline {
  const i = text.search(/\r|\n/);
  if (i < 0) return '\n';
  if (text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}
