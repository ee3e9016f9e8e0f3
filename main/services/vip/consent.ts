/**
 * Marketing consent: the owner's word on one customer (不接受营销 / accepts / not said), and opt-out
 * lists of phones and e-mails (domain/vip/opt-out-list.ts), each change one entry in the operation
 * log. Who is then left out of marketing lists is consent-sql.ts.
 */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import { parseOptOutList } from '../../domain/vip/opt-out-list.js';
import type { ConsentView, OptOutImportResult } from '../../domain/vip/views.js';
import { newOperation, recordRows } from '../operation-log.js';
import { LISTED_IDS_SQL, NO_MARKETING_IDS_SQL } from './consent-sql.js';

const NO_MARKETING_ONE = `SELECT 1 AS hit FROM customers WHERE id = ? AND id IN (${NO_MARKETING_IDS_SQL})`;

/** Whether the customer is left out of marketing lists (by the owner, an import or the opt-out list). */
export function isNoMarketing(sqlite: HuikeDb['readSqlite'], customerId: number): boolean {
  return sqlite.prepare(NO_MARKETING_ONE).get(customerId) !== undefined;
}

export function setConsent(
  huikeDb: HuikeDb,
  customerId: number,
  consent: boolean | null,
  now: string,
): Promise<ConsentView> {
  return huikeDb.writer.transaction(async (tx) => {
    const before = tx.sqlite
      .prepare('SELECT marketing_consent FROM customers WHERE id = ?')
      .get(customerId) as { marketing_consent: number | null } | undefined;
    if (!before) throw new UserError({ code: 'customers.notFound', params: { id: String(customerId) } });
    const value = consent === null ? null : consent ? 1 : 0;
    let operationId: number | null = null;
    if (before.marketing_consent !== value) {
      operationId = newOperation(tx, 'consent_edit', now, { customerIds: [customerId], consent });
      recordRows(tx, operationId, {
        table: 'customers',
        action: 'update',
        columns: ['marketing_consent'],
        where: 't.id = @id',
        params: { id: customerId },
      });
      tx.sqlite.prepare('UPDATE customers SET marketing_consent = ? WHERE id = ?').run(value, customerId);
    }
    return { operationId, customerId, consent, noMarketing: isNoMarketing(tx.sqlite, customerId) };
  });
}

/** A file's text: UTF-8 (with or without a BOM), else GBK as Chinese tools write it. */
export function decodeListText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gbk');
  }
}

export function importOptOuts(
  huikeDb: HuikeDb,
  file: { name: string; bytes: Buffer },
  now: string,
): Promise<OptOutImportResult> {
  const list = parseOptOutList(decodeListText(file.bytes));
  if (list.entries.length === 0)
    throw new UserError({ code: 'vip.optOutEmpty', params: { file: file.name }, file: file.name });
  return huikeDb.writer.transaction(async (tx) => {
    const operationId = newOperation(tx, 'optout_import', now, { file: file.name });
    const insert = tx.sqlite.prepare(
      `INSERT INTO marketing_optouts (kind, value, source, op_id, created_at) VALUES (?, ?, 'list', ?, ?)
       ON CONFLICT (kind, value) DO NOTHING`,
    );
    let added = 0;
    for (const e of list.entries) added += insert.run(e.kind, e.value, operationId, now).changes;
    const { n } = tx.sqlite.prepare(`SELECT count(*) AS n FROM (${LISTED_IDS_SQL})`).get() as { n: number };
    const summary = {
      file: file.name,
      read: list.entries.length,
      added,
      skipped: list.skipped,
      customersOptedOut: n,
    };
    tx.sqlite
      .prepare('UPDATE operations SET summary_json = ? WHERE id = ?')
      .run(JSON.stringify(summary), operationId);
    return { operationId, ...summary };
  });
}

/** A staged opt-out file (the screen's upload, `huike optout import FILE`). */
export async function importOptOutFile(
  huikeDb: HuikeDb,
  file: { name: string; path: string },
  now: string,
): Promise<OptOutImportResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch {
    throw new UserError({ code: 'vip.optOutUnreadable', params: { file: file.name }, file: file.name });
  }
  return importOptOuts(huikeDb, { name: file.name, bytes }, now);
}
