/**
 * Money arrives as integer minor units (fen for CNY) and is turned into text by the same exact,
 * integer-only functions the CLI uses; nothing computed from a displayed value goes back to the app.
 */
import { formatMoney, minorToDecimalText } from '../../../main/shared/money';

/** 123456 → "¥1,234.56"; -500 → "-¥5.00"; another currency shows its code ("USD 12.30"). */
export function formatFen(fen: number | null | undefined, currency = 'CNY'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  return formatMoney(fen, currency);
}

/** 123456 → "1234.56", for CSV cells a spreadsheet will sum. */
export function fenToDecimalText(fen: number, currency = 'CNY'): string {
  return minorToDecimalText(fen, currency);
}

const count = new Intl.NumberFormat('en-US');
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count.format(n);
}
