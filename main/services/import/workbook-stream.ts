/**
 * A workbook's bytes as exceljs's streaming reader can read them reliably.
 *
 * exceljs iterates the zip's entries with a helper that takes unzipper's early 'end' (emitted when
 * the end of the central directory is read) for the end of the entries: entries unzipper had
 * parsed but not yet handed over while exceljs was busy are dropped. Small parts at the end of the
 * zip are lost now and then under load — exceljs writes workbook.xml last, so about one read in
 * three hundred named the sheets Sheet1, Sheet2 … and left their cells unread; a small sheet at the
 * end could vanish silently. And a worksheet met before the shared strings is parked in a temp
 * file until the end.
 *
 * So the parts are sent in the order exceljs wants them — relationships, workbook.xml, shared
 * strings, styles and everything else first, the worksheets last — and the central directory (the
 * end) only once every worksheet has been read. A ZIP's local records stand on their own, so a
 * sequential unzipper reads the reordered records like any other file.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ZipLayout } from './sniff-file.js';

/** The parts exceljs reads worksheets against, in the order it wants them. */
const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
/** What exceljs yields a worksheet for (its own pattern). */
export const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;

export interface WorkbookStream {
  stream: Readable;
  /** Worksheets exceljs will yield: the end of the zip is sent after the last one is read. */
  worksheets: number;
  /** Called once every worksheet has been read: releases the end of the zip. */
  allWorksheetsRead(): void;
  bytesRead(): number;
}

export function workbookStream(path: string, size: number, layout: ZipLayout): WorkbookStream {
  const byOffset = [...layout.entries].sort((a, b) => a.localOffset - b.localOffset);
  // Each record runs to the next one (a data descriptor included); the last to the directory.
  const spans = byOffset.map((entry, i) => ({
    name: entry.name,
    start: entry.localOffset,
    end: (byOffset[i + 1]?.localOffset ?? layout.directoryOffset) - 1,
  }));
  const rank = (name: string) => {
    const first = FIRST.indexOf(name);
    if (first >= 0) return first;
    return WORKSHEET.test(name) ? FIRST.length + 1 : FIRST.length;
  };
  // Array.prototype.sort is stable: worksheets keep their order in the file.
  const ordered = [...spans].sort((a, b) => rank(a.name) - rank(b.name));
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let read = 0;

  async function* bytes(): AsyncIterable<Uint8Array> {
    for (const span of ordered) {
      if (span.end < span.start) continue;
      for await (const chunk of createReadStream(path, { start: span.start, end: span.end })) {
        read += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    await released;
    for await (const chunk of createReadStream(path, { start: layout.directoryOffset, end: size - 1 })) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }

  const worksheets = spans.filter((s) => WORKSHEET.test(s.name)).length;
  if (worksheets === 0) release();
  const stream = Readable.from(bytes(), { objectMode: false });
  // A reader that stops early (a cancel, a refused file) must not leave the generator waiting.
  stream.once('close', () => release());
  return {
    stream,
    worksheets,
    allWorksheetsRead: () => release(),
    bytesRead: () => read,
  };
}
