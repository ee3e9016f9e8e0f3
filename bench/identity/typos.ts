/**
 * How people mistype names and addresses: a homophone picked from the pinyin input method's
 * candidates (pinyin-pro gives every common character's reading), traditional characters
 * (opencc-js, simplified → Taiwan standard), full-width digits and 號 for 号. Only characters that
 * GBK can store are produced, so the Tmall and JD files keep every typo.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Rng } from '../lib/prng.js';

let homophoneIndex: Map<string, string[]> | null = null;
let readingOf: Map<string, string> | null = null;

/**
 * The 3,755 level-1 characters of GB2312 (the common ones, in the standard's byte order), grouped
 * by toneless pinyin: what a pinyin keyboard offers for one syllable.
 */
function homophones(): { index: Map<string, string[]>; reading: Map<string, string> } {
  if (homophoneIndex && readingOf) return { index: homophoneIndex, reading: readingOf };
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break;
      bytes.push(hi, lo);
    }
  }
  const chars = [...iconv.decode(Buffer.from(bytes), 'gb2312')];
  const readings = pinyin(chars.join(''), { toneType: 'none', type: 'array' });
  const index = new Map<string, string[]>();
  const reading = new Map<string, string>();
  chars.forEach((ch, i) => {
    const py = readings[i]!;
    reading.set(ch, py);
    const list = index.get(py);
    if (list) list.push(ch);
    else index.set(py, [ch]);
  });
  homophoneIndex = index;
  readingOf = reading;
  return { index, reading };
}

/** Another character with the same toneless pinyin (in context), or the character itself. */
export function homophoneOf(rng: Rng, text: string, position: number): string {
  const ch = text[position]!;
  const { index, reading } = homophones();
  // The reading in context (a surname reads as a surname); fall back to the character's own.
  const py =
    pinyin(text, { toneType: 'none', type: 'array', surname: 'head' })[position] ?? reading.get(ch) ?? '';
  const others = (index.get(py) ?? []).filter((c) => c !== ch);
  return others.length > 0 ? rng.pick(others) : ch;
}

/** `text` with the character at `position` swapped for a homophone. */
export function withHomophone(rng: Rng, text: string, position: number): string {
  return text.slice(0, position) + homophoneOf(rng, text, position) + text.slice(position + 1);
}

let toTraditional: ((text: string) => string) | null = null;
const gbkSafe = new Map<string, boolean>();

function encodableInGbk(ch: string): boolean {
  let ok = gbkSafe.get(ch);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') === ch;
    gbkSafe.set(ch, ok);
  }
  return ok;
}

/** Traditional characters (Taiwan standard), keeping the simplified one where GBK has no traditional. */
export function traditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  const converted = [...convert(text)];
  const original = [...text];
  if (converted.length !== original.length) return text;
  return converted.map((ch, i) => (encodableInGbk(ch) ? ch : original[i]!)).join('');
}

/** ０１２３ for 0123, as some phone keyboards type them. */
export function fullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}
