/** The option lists of the preview card's overrides, from the importer's own const lists. */
import { IMPORT_FORMATS, type ImportFormat } from '../../../../main/domain/orders/types';
import {
  GENERIC_FIELDS,
  TEXT_ENCODINGS,
  type GenericField,
  type TextEncoding,
} from '../../../../main/domain/import/reader-types';

export { GENERIC_FIELDS, IMPORT_FORMATS, TEXT_ENCODINGS };
export type { GenericField, ImportFormat, TextEncoding };

/** Fields without which the generic reader cannot make an order. */
export const REQUIRED_GENERIC_FIELDS: readonly GenericField[] = ['orderId'];

/** Workbooks carry their own encoding; only text files can be read wrongly. */
export function isTextFile(name: string, encoding: string | undefined): boolean {
  if (encoding === 'xlsx') return false;
  return !/\.(xlsx|xls)$/i.test(name);
}
