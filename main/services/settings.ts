import type { Db, HuikeDb } from '../../db/index.js';

export async function readSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export function writeSetting(huikeDb: HuikeDb, key: string, value: string): Promise<void> {
  return huikeDb.writer.transaction(async (tx) => {
    tx.sqlite
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  });
}
