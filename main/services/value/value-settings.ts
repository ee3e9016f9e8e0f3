/** The owner's value settings (monetary basis, high/low rule, holiday calendar), kept in `settings`. */
import { DEFAULT_HOLIDAYS, type ValueSettings } from '../../domain/value/index.js';
import type { ReadSource } from '../customers/search.js';

export const VALUE_SETTINGS_KEY = 'value.settings';

export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  basis: 'revenue',
  split: { kind: 'median' },
  holidays: [...DEFAULT_HOLIDAYS],
};

export function readValueSettings({ readSqlite }: Pick<ReadSource, 'readSqlite'>): ValueSettings {
  const row = readSqlite.prepare('SELECT value FROM settings WHERE key = ?').get(VALUE_SETTINGS_KEY) as
    { value: string } | undefined;
  if (!row) return DEFAULT_VALUE_SETTINGS;
  return { ...DEFAULT_VALUE_SETTINGS, ...(JSON.parse(row.value) as Partial<ValueSettings>) };
}
