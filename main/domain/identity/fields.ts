/**
 * The receiver identity fields an order stores, in the order of `OrderIdentity.values`: the import
 * makes one `identity_<field>` column of each (services/import/order-columns.ts). A module of its
 * own, with no imports, so the thread that writes the database learns the list without loading
 * the normalisers.
 */
export const IDENTITY_FIELDS = [
  'name',
  'surname',
  'nameMask',
  'namePinyin',
  'phoneClass',
  'phone',
  'provCode',
  'cityCode',
  'distCode',
  'addrDetail',
  'addrFp',
  'pickup',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
