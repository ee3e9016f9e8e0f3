/**
 * An opt-out list as owners get them (an SMS tool's unsubscribe export, a text file, a sheet saved
 * as CSV): phones and e-mails in any column, any separator, with headers and other words around
 * them. Each value is normalised the way imports normalise buyers (domain/identity), so a listed
 * number finds the accounts and orders that carry it; masked numbers and words are skipped.
 */
import { normalizeEmail, normalizePhone } from '../identity/index.js';

export interface OptOutEntry {
  kind: 'phone' | 'email';
  value: string;
}

export interface OptOutList {
  entries: OptOutEntry[];
  /** Non-empty cells that were neither (headers, names, masked numbers). */
  skipped: number;
}

const PHONE_CLASSES_KEPT = new Set(['mobile', 'landline', 'intl']);

export function parseOptOutList(text: string): OptOutList {
  const seen = new Set<string>();
  const entries: OptOutEntry[] = [];
  let skipped = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/[\r\n,;，；\t|]+/)) {
    const cell = raw
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (!cell) continue;
    let entry: OptOutEntry | null = null;
    if (cell.includes('@')) {
      const email = normalizeEmail(cell);
      if (email) entry = { kind: 'email', value: email.email };
    } else if (cell.replace(/\D/g, '').length >= 5) {
      const phone = normalizePhone(cell);
      if (phone.value && PHONE_CLASSES_KEPT.has(phone.class)) entry = { kind: 'phone', value: phone.value };
    }
    if (!entry) {
      skipped++;
      continue;
    }
    const key = `${entry.kind}:${entry.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  return { entries, skipped };
}
