/**
 * What a PDF that Chromium printed says, read with pdf.js (`pdfjs-dist`, the legacy build, which
 * runs in Node): each page's text, its size, and the fonts it draws with.
 *
 * Chromium's ToUnicode maps a CJK glyph to the lowest code point the font gives it, so some
 * ideographs come back as Kangxi radicals (手 as ⼿ U+2F3F) or CJK Radicals Supplement characters
 * (黄 as ⻩ U+2EE9). pdf.js hands back what the file says; `normalisePdfText` folds the Kangxi ones
 * through NFKC, and `pdfTextHas` lets a supplement character (which NFKC leaves alone) stand for an
 * ideograph.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** The page's text items joined in drawing order, folded through NFKC. */
  text: string;
  /** The page box in points (A4 portrait: 595 × 842). */
  width: number;
  height: number;
}

export interface PdfContent {
  pages: PdfPage[];
  /** The fonts the pages draw with, subset tags (ABCDEF+) dropped: NotoSansCJKsc-Regular … */
  fonts: string[];
}

/** Reads every page of the PDF: its text, size and fonts. */
export async function readPdf(pdf: Buffer): Promise<PdfContent> {
  const document = await getDocument({
    // pdf.js takes the bytes over (transfers the buffer): give it a copy.
    data: new Uint8Array(pdf),
    // Keep each font's name on the loaded font object, for `fonts`.
    fontExtraProperties: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    const fonts = new Set<string>();
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ text: normalisePdfText(text), width: x1 - x0, height: y1 - y0 });
      // The operator list loads the page's fonts into commonObjs under the names the text uses.
      await page.getOperatorList();
      for (const fontId of new Set(fontIdsOf(content)))
        if (page.commonObjs.has(fontId)) {
          const font = page.commonObjs.get(fontId) as { name?: string };
          if (font.name) fonts.add(font.name.replace(/^[A-Z]{6}\+/, ''));
        }
      page.cleanup();
    }
    return { pages, fonts: [...fonts] };
  } finally {
    await document.destroy();
  }
}

function fontIdsOf(content: { items: unknown[] }): string[] {
  return content.items.flatMap((item) =>
    item && typeof item === 'object' && 'fontName' in item ? [String(item.fontName)] : [],
  );
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
