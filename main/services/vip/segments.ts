/**
 * Segments: named, saved filters of the Customers list, reused by the list, the VIP page, prints,
 * exports (`huike export vip --segment NAME`) and charts. A segment stores the filter itself, so
 * it is re-evaluated on every use: its customers are whoever matches today.
 */
import type { HuikeDb } from '../../../db/index.js';
import { UserError } from '../../domain/errors.js';
import type { CustomersFilter } from '../../shared/customers-query.js';
import { countCustomers, resolveCustomersFilter } from '../customers/list.js';
import type { Segment, SegmentCount } from '../../domain/vip/views.js';
import { ensureVipLevels } from './levels.js';

interface SegmentRow {
  id: number;
  name: string;
  filter_json: string;
  created_at: string;
  updated_at: string;
}

const toSegment = (r: SegmentRow): Segment => ({
  id: r.id,
  name: r.name,
  filter: JSON.parse(r.filter_json) as CustomersFilter,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listSegments(huikeDb: HuikeDb): Segment[] {
  const rows = huikeDb.readSqlite
    .prepare('SELECT id, name, filter_json, created_at, updated_at FROM segments ORDER BY name')
    .all() as SegmentRow[];
  return rows.map(toSegment);
}

export function segmentById(huikeDb: HuikeDb, id: number): Segment {
  const row = huikeDb.readSqlite
    .prepare('SELECT id, name, filter_json, created_at, updated_at FROM segments WHERE id = ?')
    .get(id) as SegmentRow | undefined;
  if (!row) throw new UserError({ code: 'vip.segmentIdNotFound', params: { id: String(id) } });
  return toSegment(row);
}

export function segmentByName(huikeDb: HuikeDb, name: string): Segment {
  const row = huikeDb.readSqlite
    .prepare('SELECT id, name, filter_json, created_at, updated_at FROM segments WHERE name = ?')
    .get(name.trim()) as SegmentRow | undefined;
  if (!row) {
    const known = listSegments(huikeDb).map((s) => s.name);
    throw new UserError({
      code: 'vip.segmentNotFound',
      params: { segment: name, known: known.length ? known.join('、') : '—' },
    });
  }
  return toSegment(row);
}

/** Saves a new segment (no id) or replaces one; names are unique. */
export function saveSegment(
  huikeDb: HuikeDb,
  input: { id?: number; name: string; filter: CustomersFilter },
  now: string,
): Promise<Segment> {
  const name = input.name.trim();
  return huikeDb.writer.transaction(async (tx) => {
    const clash = tx.sqlite.prepare('SELECT id FROM segments WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (clash && clash.id !== input.id)
      throw new UserError({ code: 'vip.segmentNameTaken', params: { name } });
    const filterJson = JSON.stringify(input.filter);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        tx.sqlite
          .prepare('INSERT INTO segments (name, filter_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
          .run(name, filterJson, now, now).lastInsertRowid,
      );
    } else {
      const changed = tx.sqlite
        .prepare('UPDATE segments SET name = ?, filter_json = ?, updated_at = ? WHERE id = ?')
        .run(name, filterJson, now, id).changes;
      if (changed === 0) throw new UserError({ code: 'vip.segmentIdNotFound', params: { id: String(id) } });
    }
    const row = tx.sqlite
      .prepare('SELECT id, name, filter_json, created_at, updated_at FROM segments WHERE id = ?')
      .get(id) as SegmentRow;
    return toSegment(row);
  });
}

export function deleteSegment(huikeDb: HuikeDb, id: number): Promise<{ deleted: boolean }> {
  return huikeDb.writer.transaction(async (tx) => ({
    deleted: tx.sqlite.prepare('DELETE FROM segments WHERE id = ?').run(id).changes > 0,
  }));
}

/** The live count of a filter being built. */
export async function countSegment(
  huikeDb: HuikeDb,
  filter: CustomersFilter,
  now: Date,
): Promise<SegmentCount> {
  await ensureVipLevels(huikeDb, now);
  const source = { reader: huikeDb.reader, readSqlite: huikeDb.readSqlite };
  const total = await countCustomers(huikeDb.reader, await resolveCustomersFilter(source, filter));
  const noMarketing =
    filter.marketing === 'allowed'
      ? 0
      : await countCustomers(
          huikeDb.reader,
          await resolveCustomersFilter(source, { ...filter, marketing: 'refused' }),
        );
  return { total, noMarketing };
}
