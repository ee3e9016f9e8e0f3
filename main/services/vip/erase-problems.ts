/**
 * Deletion on request reaches the refused rows too: an import keeps, for each row it refused, the
 * cell it refused and why (batch_problems.params_json, e.g. `{"column":"手机","value":"139-0000-1111"}`).
 * A refused row belongs to no order, so it is found by its values: every text parameter holding a
 * personal value of the person (a phone, name, address, e-mail or buyer key of its accounts and
 * orders) is replaced by `***`.
 *
 * Matching errs on the side of removing: a value of 5 characters or more is removed wherever a
 * parameter contains it, a shorter one (a two-character name) only where it is the whole value, and
 * a phone also when its digits appear among the parameter's digits (138-1234-5678, +86 138…).
 */
import type BetterSqlite3 from 'better-sqlite3';

export const SCRUBBED = '***';

/** Values at least this long are removed from inside longer text. */
const CONTAINED_MIN = 5;
/** A phone's digits at least this many are looked for among a parameter's digits. */
const PHONE_DIGITS_MIN = 7;

/** The person's personal values, read before they are erased. */
export function personalValues(
  db: BetterSqlite3.Database,
  ids: { accounts: string; orders: string; customer: number },
): string[] {
  const texts = db
    .prepare(
      `SELECT value FROM (
         SELECT account_key AS value FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT nickname FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT email FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT phone FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT identity_email FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT identity_phone FROM buyer_accounts WHERE id IN (SELECT value FROM json_each(@accounts))
         UNION SELECT receiver_name FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT receiver_phone FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT receiver_detail FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT receiver_address_raw FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT identity_name FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT identity_phone FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT identity_email FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT identity_addr_detail FROM orders WHERE id IN (SELECT value FROM json_each(@orders))
         UNION SELECT display_name FROM customers WHERE id = @customer
       ) WHERE value IS NOT NULL`,
    )
    .pluck()
    .all(ids) as unknown[];
  return [...new Set(texts.map((v) => String(v).trim()).filter((v) => v.length >= 2))];
}

/** Whether a parameter's text holds one of the values, by the rules above. */
function holdsPersonal(text: string, values: readonly string[], phones: readonly string[]): boolean {
  const trimmed = text.trim();
  if (values.some((v) => (v.length >= CONTAINED_MIN ? trimmed.includes(v) : trimmed === v))) return true;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= PHONE_DIGITS_MIN && phones.some((p) => digits.includes(p));
}

/** Replaces the person's values in every refused row's parameters; returns the rows changed. */
export function scrubBatchProblems(db: BetterSqlite3.Database, values: readonly string[]): number {
  if (values.length === 0) return 0;
  const phones = [
    ...new Set(
      values
        .map((v) => v.replace(/\D/g, ''))
        .filter((d, i) => d.length >= PHONE_DIGITS_MIN && !/[@]/.test(values[i]!)),
    ),
  ];
  const rows = db
    .prepare(`SELECT batch_id, seq, params_json FROM batch_problems WHERE params_json <> '{}'`)
    .all() as Array<{ batch_id: number; seq: number; params_json: string }>;
  const update = db.prepare('UPDATE batch_problems SET params_json = ? WHERE batch_id = ? AND seq = ?');
  let changed = 0;
  for (const row of rows) {
    const params = JSON.parse(row.params_json) as Record<string, unknown>;
    let touched = false;
    for (const [key, value] of Object.entries(params))
      if (typeof value === 'string' && holdsPersonal(value, values, phones)) {
        params[key] = SCRUBBED;
        touched = true;
      }
    if (touched) {
      update.run(JSON.stringify(params), row.batch_id, row.seq);
      changed++;
    }
  }
  return changed;
}
