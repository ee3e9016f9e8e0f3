/**
 * A merge link's evidence as the customer page shows it. The merge stores, per compared field,
 * `{ field, level, bits, a, b }` with the two values as they were compared; the page masks them
 * again by field (masking an already masked value changes nothing), and a field it does not know
 * is masked like a name, so a new comparison can never put a full name or phone on screen.
 */
import { maskEmail, maskPersonName, maskPhone, maskStreet } from '../orders/privacy.js';
import type { LinkEvidence } from './views.js';

/** Values that name no one by themselves: shown as compared. */
const PUBLIC_FIELDS = new Set([
  'province',
  'city',
  'district',
  'surname',
  'nickname',
  'member_name',
  'key',
  'platform',
  'shop',
  'place',
]);

function maskValue(field: string, value: string): string | null {
  const f = field.toLowerCase();
  if (PUBLIC_FIELDS.has(f)) return value;
  if (f.includes('phone') || f.includes('mobile')) return maskPhone(value);
  if (f.includes('email') || f.includes('mail')) return maskEmail(value);
  if (f.includes('address') || f.includes('street') || f.includes('detail') || f.includes('addr'))
    return maskStreet(value);
  return maskPersonName(value);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

/** The evidence of one link, masked; malformed JSON or entries are left out, never thrown. */
export function readEvidence(json: string | null | undefined, masked = true): LinkEvidence[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry): LinkEvidence[] => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    const field = text(e.field);
    if (!field) return [];
    const a = text(e.a);
    const b = text(e.b);
    const bits = typeof e.bits === 'number' && Number.isFinite(e.bits) ? e.bits : 0;
    return [
      {
        field,
        level: text(e.level) ?? '',
        bits,
        a: a === null || !masked ? a : maskValue(field, a),
        b: b === null || !masked ? b : maskValue(field, b),
      },
    ];
  });
}
