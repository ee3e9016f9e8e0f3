import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalText } from '../../../main/shared/money.js';

describe('money text', () => {
  it.each([
    [123456, 'CNY', '1234.56', '¥1,234.56'],
    [-500, 'CNY', '-5.00', '-¥5.00'],
    [5, 'CNY', '0.05', '¥0.05'],
    [0, 'CNY', '0.00', '¥0.00'],
    [123456789012, 'CNY', '1234567890.12', '¥1,234,567,890.12'],
    [1230, 'USD', '12.30', 'USD 12.30'],
    [500, 'JPY', '500', 'JPY 500'],
    [1234567, 'KWD', '1234.567', 'KWD 1,234.567'],
  ])('%i %s → %s / %s', (amount, currency, decimal, shown) => {
    expect(minorToDecimalText(amount, currency)).toBe(decimal);
    expect(formatMoney(amount, currency)).toBe(shown);
  });
});
