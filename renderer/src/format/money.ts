/**
 * Money arrives as integer fen. Division by 100 happens here, for display only; nothing computed
 * from a displayed value ever goes back to the app.
 */
const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "¥1,234.56"; -500 → "-¥5.00". The same in both languages: sellers read ¥ either way. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  return `${sign}¥${yuan.format(Math.abs(fen) / 100)}`;
}

/** 123456 → "1234.56" with integer arithmetic, for CSV cells a spreadsheet will sum. */
export function fenToDecimalText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const count = new Intl.NumberFormat('en-US');
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count.format(n);
}
