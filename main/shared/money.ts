/**
 * Money as the whole app holds it: an integer count of the currency's minor unit (fen for CNY).
 * These turn it into text with integer arithmetic only, for the CLI, CSV files and the screen.
 */

/** Currencies whose minor unit is not 1/100 (ISO 4217). Everything else has two decimals. */
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/** Digits of the minor unit; an unknown currency (not chosen yet) reads as two, like most. */
export function minorUnitDigits(currency: string | null | undefined): number {
  return currency ? (MINOR_DIGITS[currency.toUpperCase()] ?? 2) : 2;
}

/** 123456 CNY → "1234.56"; 500 JPY → "500"; -5 → "-0.05". Exact: a spreadsheet can sum it. */
export function minorToDecimalText(amount: number, currency = 'CNY'): string {
  const digits = minorUnitDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(amount));
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** 123456 CNY → "¥1,234.56"; 1230 USD → "USD 12.30". Sellers read ¥ in either language. */
export function formatMoney(amount: number, currency = 'CNY'): string {
  const text = minorToDecimalText(amount, currency);
  const sign = text.startsWith('-') ? '-' : '';
  const [whole = '0', fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return currency === 'CNY' ? `${sign}¥${number}` : `${sign}${currency} ${number}`;
}
