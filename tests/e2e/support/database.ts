/** Reads the e2e server's SQLite file directly, to check the UI against the stored truth. */
import Database from 'better-sqlite3';

export function e2eDbPath(): string {
  const file = process.env.HUIKE_E2E_DB;
  if (!file) throw new Error('HUIKE_E2E_DB is not set (playwright.config.ts sets it)');
  return file;
}

export function queryOne<T>(sql: string): T {
  const db = new Database(e2eDbPath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

export const API_HEADERS = { 'X-Huike': '1' };
