/**
 * Identity normalisation for the buyer merge (pure: no Node, no database). Each normaliser turns
 * what a platform exported — masked or full, traditional or simplified, full-width or not — into
 * values two platforms' records can be compared on; `orderIdentity` gives the values an order
 * stores (the `identity_*` columns), `accountIdentity` those of a buyer account.
 */
export { IDENTITY_FIELDS, type IdentityField } from './fields.js';
export { normalizeText, toSimplified, halfWidth, stripSpaceAndPunctuation } from './text.js';
export { normalizeName, namesCompatible, type NameIdentity } from './name.js';
export {
  normalizePhone,
  comparePhones,
  phonesCompatible,
  sharedVisibleDigits,
  PHONE_CLASSES,
  type PhoneClass,
  type PhoneIdentity,
} from './phone.js';
export { normalizeAddress, type AddressIdentity, type AddressInput } from './address.js';
export {
  normalizeDetail,
  roadAndNumber,
  detailTokens,
  isPickupPoint,
  type DetailTokens,
} from './address-detail.js';
export { normalizeEmail, type EmailIdentity } from './email.js';
export { normalizeNickname, type NicknameIdentity } from './nickname.js';
export {
  orderIdentity,
  orderEmail,
  accountIdentity,
  receiverAccountKey,
  type OrderIdentity,
  type AccountIdentity,
} from './order-identity.js';
