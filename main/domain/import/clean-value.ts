/**
 * Cell cleaning shared by every column. Each rule names the export that needs it.
 */

/**
 * Cell text as the platform meant it:
 * - Tmall writes long ids as the formula `="1234567890123456"` so Excel keeps every digit;
 * - JD and Tmall prefix phones and ids with `'` (Excel's "this is text" marker);
 * - JD and Tmall fee files end numbers with `\t` for the same reason;
 * - every tool leaves stray spaces (including full-width U+3000) around values.
 */
export function cleanCell(raw: string | undefined | null): string {
  if (raw === undefined || raw === null) return '';
  // Fast path (most cells of a million-row file): nothing to strip at either end, no marker.
  if (raw.length === 0) return raw;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (
    first > 0x20 &&
    last > 0x20 &&
    first !== 0x3d /* = */ &&
    first !== 0x27 /* ' */ &&
    first < 0x3000 &&
    last < 0x3000
  )
    return raw;
  let v = raw.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
  const formula = /^="(.*)"$/s.exec(v);
  if (formula) v = formula[1]!.replace(/""/g, '"').trim();
  else if (v.startsWith('=') && /^="/.test(v)) v = v.slice(2).trim();
  if (v.startsWith("'")) v = v.slice(1).trim();
  return v;
}

/** Texts that mean "empty": Youzan fills blanks with `——`, others write `-`, `无`, `null`. */
const PLACEHOLDERS = new Set(['——', '—', '--', '-', '无', 'null', 'NULL', 'Null', 'N/A', 'n/a', '暂无']);

export function isPlaceholder(value: string): boolean {
  return value.length <= 4 && PLACEHOLDERS.has(value);
}

/** Cleaned value, with placeholders folded to the empty string. */
export function cleanValue(raw: string | undefined | null): string {
  const v = cleanCell(raw);
  return isPlaceholder(v) ? '' : v;
}
