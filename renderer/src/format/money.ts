/**
 * Money arrives as integer fen. Division by 100 happens here, for display only; nothing computed
 * from a displayed value ever goes back to the app.
 */
const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const foreign = new Map<string, Intl.NumberFormat>();
function foreignFormat(currency: string): Intl.NumberFormat {
  let f = foreign.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
    foreign.set(currency, f);
  }
  return f;
}

/**
 * 123456 → "¥1,234.56"; -500 → "-¥5.00". The same in both languages: sellers read ¥ either way.
 * Amounts of another currency (a Shopify shop in USD) are in its minor unit and show its code.
 */
export function formatFen(fen: number | null | undefined, currency = 'CNY'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  if (currency === 'CNY') return `${sign}¥${yuan.format(Math.abs(fen) / 100)}`;
  const format = foreignFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return `${sign}${format.format(Math.abs(fen) / 10 ** digits)}`;
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
