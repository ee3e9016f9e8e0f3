/**
 * The text of a PDF that Chromium (Skia) printed, for checking what a printed page says — enough
 * of PDF for that and no more (no PDF package is installed): objects are read from the file,
 * FlateDecode streams inflated, each font's ToUnicode CMap (bfchar, bfrange) read, and every page's
 * content stream walked for `Tf` (the font) and the strings of `Tj` / `TJ`, put back into Unicode
 * through the font in use. Text is returned per page, one string per text run.
 *
 * Chromium's ToUnicode maps a CJK glyph to the lowest code point the font gives it, so some
 * ideographs come back as their radicals (手 as ⼿ U+2F3F, 黄 as ⻩ U+2EE9): `pdfTextMatches` reads
 * Kangxi radicals through NFKC and lets a CJK Radicals Supplement character stand for an ideograph.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0 && /<<[\s\S]*>>\s*$/.test(body.slice(0, at))) {
      dict = body.slice(0, at);
      let from = start + at + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const stop = text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(from, stop);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      if (length) raw = pdf.subarray(from, from + Number(length[1]));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function readCMap(cmap: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  let bytes = 2;
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  if (range) bytes = range[1]!.length / 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(src!, 16), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
    )) {
      const base = parseInt(dst!, 16);
      for (let c = parseInt(lo!, 16), k = 0; c <= parseInt(hi!, 16); c++, k++)
        map.set(c, utf16((base + k).toString(16).padStart(dst!.length, '0')));
    }
  }
  return { map, bytes };
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The page's fonts: resource name → CMap. */
function pageFonts(objects: Map<number, PdfObject>, page: PdfObject) {
  const fonts = new Map<string, ReturnType<typeof readCMap>>();
  let resources = page.dict;
  const resRef = ref(page.dict, 'Resources');
  if (resRef !== null) resources = objects.get(resRef)?.dict ?? '';
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  const fontRef = ref(resources, 'Font');
  if (!fontDict && fontRef !== null) fontDict = objects.get(fontRef)?.dict ?? '';
  for (const [, name, id] of fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
    const font = objects.get(Number(id));
    const toUnicode = font ? ref(font.dict, 'ToUnicode') : null;
    const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream : null;
    if (cmap) fonts.set(name!, readCMap(cmap.toString('latin1')));
  }
  return fonts;
}

function decodeString(token: string, cmap: ReturnType<typeof readCMap> | undefined): string {
  let codes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const width = (cmap?.bytes ?? 2) * 2;
    codes = [];
    for (let i = 0; i + width <= hex.length; i += width) codes.push(parseInt(hex.slice(i, i + width), 16));
  } else {
    codes = [...token.slice(1, -1).replace(/\\([()\\])/g, '$1')].map((c) => c.charCodeAt(0));
  }
  return codes.map((c) => cmap?.map.get(c) ?? (cmap ? '' : String.fromCharCode(c))).join('');
}

/** Each page's text runs, in the order the page draws them. */
export function pdfPagesText(pdf: Buffer): string[][] {
  const objects = readObjects(pdf);
  // In the page tree's order: from the root Pages node (no /Parent) down its /Kids.
  const pages: PdfObject[] = [];
  const walk = (node: PdfObject | undefined, depth: number) => {
    if (!node || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const m of kids.matchAll(/(\d+) 0 R/g)) walk(objects.get(Number(m[1])), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node.dict)) pages.push(node);
  };
  walk(
    [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict)),
    0,
  );
  return pages.map((page) => {
    const fonts = pageFonts(objects, page);
    const contentIds = (() => {
      const one = ref(page.dict, 'Contents');
      if (one !== null) return [one];
      const list = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '';
      return [...list.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    })();
    const runs: string[] = [];
    for (const id of contentIds) {
      const content = objects.get(id)?.stream?.toString('latin1') ?? '';
      let font: ReturnType<typeof readCMap> | undefined;
      const ops =
        /\/([\w.+-]+)\s+[\d.]+\s+Tf|(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ/g;
      for (const m of content.matchAll(ops)) {
        if (m[1]) font = fonts.get(m[1]);
        else if (m[2]) runs.push(decodeString(m[2], font));
        else if (m[3] !== undefined)
          runs.push(
            [...m[3].matchAll(/<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)/g)]
              .map((s) => decodeString(s[0], font))
              .join(''),
          );
      }
    }
    return runs;
  });
}

/** The PDF's pages (Page objects, not the Pages tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/**
 * The fonts the PDF embeds as subsets (their descriptors' /FontName carries the subset tag
 * ABCDEF+), the tag dropped: NotoSansCJKsc-Regular …
 */
export function pdfFontNames(pdf: Buffer): string[] {
  const names = [...pdf.toString('latin1').matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** Text from the PDF with Kangxi radicals read as the ideographs they print (NFKC). */
export function normalisePdfText(text: string): string {
  return text.normalize('NFKC');
}

/** Whether the PDF text holds `expected`, a radical-supplement character standing for any ideograph. */
export function pdfTextHas(pdfText: string, expected: string): boolean {
  const pattern = [...expected.normalize('NFKC')]
    .map((c) =>
      /[\u3400-\u9fff]/u.test(c) ? `(?:${c}|[\u2e80-\u2eff])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(pattern, 'u').test(normalisePdfText(pdfText));
}
