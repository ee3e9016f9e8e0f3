/** The option lists of the preview card's overrides, from the importer's own const lists. */
import {
  CNY_PLATFORMS,
  GENERIC_FIELDS,
  IMPORT_FORMATS,
  MAPPED_STATUSES,
  platformOfFormat,
  TEXT_ENCODINGS,
  type GenericField,
  type ImportFormat,
  type MappedStatus,
  type TextEncoding,
} from '../../../../main/shared/vocabulary';

export { GENERIC_FIELDS, IMPORT_FORMATS, MAPPED_STATUSES, TEXT_ENCODINGS };
export type { GenericField, ImportFormat, MappedStatus, TextEncoding };

/** The currencies offered for a file that names none, the sellers' most common first. */
export const CURRENCIES = [
  'CNY',
  'USD',
  'HKD',
  'TWD',
  'EUR',
  'GBP',
  'JPY',
  'KRW',
  'SGD',
  'MYR',
  'THB',
  'AUD',
  'CAD',
  'INR',
] as const;

/** Chinese marketplaces are always in yuan; other files may be in any currency. */
export function asksForCurrency(format: ImportFormat | null | undefined): boolean {
  return !format || !CNY_PLATFORMS.includes(platformOfFormat(format));
}

/** Fields without which the generic reader cannot make an order. */
export const REQUIRED_GENERIC_FIELDS: readonly GenericField[] = ['orderId'];

/** Workbooks carry their own encoding; only text files can be read wrongly. */
export function isTextFile(name: string, encoding: string | undefined): boolean {
  if (encoding === 'xlsx') return false;
  return !/\.(xlsx|xls)$/i.test(name);
}
