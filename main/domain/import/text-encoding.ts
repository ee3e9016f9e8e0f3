/**
 * Text encoding of CSV exports. Chinese platforms write GBK without a BOM (Tmall 订单报表, old JD
 * CSVs), Shopify and re-saved files are UTF-8 (sometimes with a BOM), and "Unicode text" saved by
 * Excel is UTF-16LE. We sniff once from the first bytes and then decode the whole stream with it.
 */
import type { TextEncoding } from './reader-types.js';

/** How many leading bytes the sniffer looks at: enough to see header and many rows of CJK. */
export const SNIFF_BYTES = 64 * 1024;

/** Decide the encoding from the first bytes of a file. A user's choice always wins. */
export function sniffEncoding(head: Uint8Array, override?: TextEncoding): TextEncoding {
  if (override) return override;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return utf16;
  return isStrictUtf8(head) ? 'utf-8' : 'gb18030';
}

/**
 * UTF-16 without a BOM: text files never contain NUL, but every ASCII character (the commas, digits
 * and quotes of a CSV) has a NUL half in UTF-16. Its position says the byte order.
 */
function utf16ByNulPattern(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd < 2) return null;
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

/**
 * Strict UTF-8 check of a sample that may end inside a multi-byte character (the sniff window cuts
 * the file anywhere): an incomplete final sequence is dropped before validating.
 */
export function isStrictUtf8(sample: Uint8Array): boolean {
  const end = completeUtf8Prefix(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function completeUtf8Prefix(bytes: Uint8Array): number {
  const len = bytes.length;
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= Math.min(4, len); back++) {
    const b = bytes[len - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? len - back : len;
  }
  return len;
}

/** The WHATWG label for TextDecoder. */
export function decoderLabel(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/**
 * Decode a byte stream to text chunks. The first SNIFF_BYTES are buffered to choose the encoding;
 * `stream: true` keeps a character split across two chunks intact (GBK and UTF-8 both split).
 */
export async function decodeTextStream(
  chunks: AsyncIterable<Uint8Array>,
  options: { encoding?: TextEncoding } = {},
): Promise<{ encoding: TextEncoding; text: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = concatBytes(head, headLength);
  const encoding = sniffEncoding(headBytes.subarray(0, SNIFF_BYTES), options.encoding);

  async function* text(): AsyncIterable<string> {
    const decoder = new TextDecoder(decoderLabel(encoding));
    let first = true;
    const emit = (s: string): string => {
      // A BOM left over when the user forced an encoding that does not strip it.
      if (first && s.length > 0) {
        first = false;
        return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
      }
      return s;
    };
    const initial = decoder.decode(headBytes, { stream: true });
    if (initial) yield emit(initial);
    if (!exhausted) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const s = decoder.decode(next.value, { stream: true });
        if (s) yield emit(s);
      }
    }
    const rest = decoder.decode();
    if (rest) yield emit(rest);
  }
  return { encoding, text: text() };
}

function concatBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
