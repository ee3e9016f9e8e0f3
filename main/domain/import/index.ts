/**
 * Public API of export reading (pure: no Node, no database). The service layer opens a file into
 * sheets (main/services/import/read-source.ts), then per sheet: detectFormat(header) →
 * createOrderReader(format, header, options) → readRow(record) → fragments, grouped with
 * mergeFragments.
 */
export type * from './reader-types.js';
export { TEXT_ENCODINGS, GENERIC_FIELDS, MAPPED_STATUSES } from './reader-types.js';

export {
  detectFormat,
  missingMoneyColumns,
  variantOf,
  type Detection,
  type FormatCandidate,
} from './detect-format.js';
export { formatLabel } from './format-labels.js';
export { createOrderReader, DEFAULT_READER_OPTIONS } from './create-order-reader.js';
export { mergeFragments } from './merge-fragments.js';
export { LineKeyRegistry } from './line-keys.js';
export { OrderAssembler, type RowCounts, type RowOutcome } from './assemble-orders.js';
export { headerSignature, suggestMapping } from './mapping.js';

export { sniffEncoding, decodeTextStream, isStrictUtf8, SNIFF_BYTES } from './text-encoding.js';
export { readCsvRecords, parseCsvText } from './csv-records.js';
export { locateHeader, HEADER_LOOKAHEAD } from './header-locate.js';

export { ColumnIndex, displayHeaderName, normalizeHeaderName } from './header-names.js';
export { cleanCell, cleanValue, isPlaceholder } from './clean-value.js';
export { parseMoney, minorUnitDigits, type MoneyResult } from './money.js';
export { parseDateTime, wallTimeToUtc, zoneOffsetMs, localDateOf, type DateResult } from './date-time.js';
export { parseId, isScientificNotation, type IdResult } from './ids.js';
export { isMaskedPhone, isMaskedName, hasMask, isCiphertext } from './masks.js';
export { normalizeStatus, shopifyStatus, stripJdDeletedPrefix, isRefundedText } from './status.js';
export {
  parseChineseAddress,
  parseTmallReceiverText,
  canonicalProvince,
  type AddressParts,
} from './address.js';
