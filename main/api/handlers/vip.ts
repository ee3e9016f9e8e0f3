/** VIP lists: segments, levels, print rows, exports, consent and opt-outs, deletion on request. */
import { UserError } from '../../domain/errors.js';
import type { CustomersFilter } from '../../shared/customers-query.js';
import { MAX_PRINT_ROWS } from '../../shared/vip.js';
import { createExportStore } from '../../services/orders/export-store.js';
import { importOptOutFile, isNoMarketing, setConsent } from '../../services/vip/consent.js';
import { eraseCustomer } from '../../services/vip/erase.js';
import { exportVipList } from '../../services/vip/export.js';
import {
  ensureVipLevels,
  readVipConfig,
  saveVipConfig,
  vipLevelCounts,
  vipMovements,
} from '../../services/vip/levels.js';
import { readVipRows, vipListIds } from '../../services/vip/list-rows.js';
import { segmentOptions } from '../../services/vip/options.js';
import { logUnmask } from '../../services/vip/privacy-log.js';
import {
  countSegment,
  deleteSegment,
  listSegments,
  saveSegment,
  segmentById,
} from '../../services/vip/segments.js';
import type { HandlerDeps, HandlerMap } from './types.js';

type VipChannels =
  | 'segments.list'
  | 'segments.save'
  | 'segments.delete'
  | 'segments.count'
  | 'segments.options'
  | 'vip.levels'
  | 'vip.saveLevels'
  | 'vip.list'
  | 'vip.export'
  | 'vip.exportChunk'
  | 'privacy.consent'
  | 'privacy.setConsent'
  | 'privacy.importOptOuts'
  | 'privacy.erase';

export function vipHandlers(deps: HandlerDeps): HandlerMap<VipChannels> {
  const { services, jobs } = deps;
  const huikeDb = services.huikeDb;
  const exports = createExportStore();

  /** A list's customers: the saved segment's filter, else the filter given, else everyone. */
  const sourceOf = (input: { segmentId?: number; filter?: CustomersFilter }) => {
    if (input.segmentId !== undefined) {
      const segment = segmentById(huikeDb, input.segmentId);
      return { filter: segment.filter, segmentName: segment.name };
    }
    return { filter: input.filter ?? {}, segmentName: null };
  };

  const levelsView = async () => {
    const now = services.now();
    await ensureVipLevels(huikeDb, now);
    const config = readVipConfig(huikeDb.readSqlite);
    return {
      config,
      counts: await vipLevelCounts(huikeDb.reader, config),
      movements: await vipMovements(huikeDb.reader, now),
    };
  };

  return {
    'segments.list': async () => ({ segments: listSegments(huikeDb) }),
    'segments.save': (input) => saveSegment(huikeDb, input, services.now().toISOString()),
    'segments.delete': (input) => deleteSegment(huikeDb, input.id),
    'segments.count': (input) => countSegment(huikeDb, input.filter, services.now()),
    'segments.options': async () => segmentOptions(huikeDb),
    'vip.levels': levelsView,
    'vip.saveLevels': async (input) => {
      await saveVipConfig(huikeDb, input.config, services.now().toISOString());
      return levelsView();
    },
    'vip.list': async (input) => {
      const { filter, segmentName } = sourceOf(input);
      const now = services.now();
      const list = await vipListIds(
        huikeDb,
        { filter, sort: input.sort, masked: input.masked, marketing: input.marketing },
        now,
      );
      const ids = list.ids.slice(0, MAX_PRINT_ROWS);
      const rows = await readVipRows(huikeDb, ids, list.config, input.masked);
      if (!input.masked)
        await logUnmask(
          huikeDb,
          { what: 'print', front: input.front, segment: segmentName, filter, rows: rows.length, columns: [] },
          now.toISOString(),
        );
      return {
        rows,
        matched: list.matched,
        optedOut: list.optedOut,
        truncated: list.ids.length > ids.length,
        masked: input.masked,
        segmentName,
      };
    },
    'vip.export': (input) =>
      jobs.run(input.jobId, async (job) => {
        const { filter, segmentName } = sourceOf(input);
        const file = await exportVipList(
          huikeDb,
          {
            filter,
            sort: input.sort,
            segmentName,
            format: input.format,
            encoding: input.encoding,
            masked: input.masked,
            marketing: input.marketing,
            columns: input.columns,
            lang: input.lang,
            front: input.front,
          },
          { ...job, now: services.now },
        );
        return {
          exportId: exports.put([file.bytes]),
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: file.bytes.length,
          rows: file.rows,
          matched: file.matched,
          optedOut: file.optedOut,
          masked: file.masked,
        };
      }),
    'vip.exportChunk': async (input) => exports.read(input.exportId, input.offset),
    'privacy.consent': async (input) => {
      const row = huikeDb.readSqlite
        .prepare('SELECT marketing_consent FROM customers WHERE id = ?')
        .get(input.customerId) as { marketing_consent: number | null } | undefined;
      if (!row) throw new UserError({ code: 'customers.notFound', params: { id: String(input.customerId) } });
      return {
        customerId: input.customerId,
        consent: row.marketing_consent === null ? null : row.marketing_consent === 1,
        noMarketing: isNoMarketing(huikeDb.readSqlite, input.customerId),
      };
    },
    'privacy.setConsent': (input) =>
      setConsent(huikeDb, input.customerId, input.consent, services.now().toISOString()),
    'privacy.importOptOuts': async (input) => {
      const file = services.stage.get(input.fileId);
      return importOptOutFile(huikeDb, file, services.now().toISOString());
    },
    'privacy.erase': (input) => {
      if (!input.confirm) throw new UserError({ code: 'vip.eraseNotConfirmed', params: {} });
      return eraseCustomer(huikeDb, input.customerId, {
        now: services.now().toISOString(),
        front: input.front,
        stagingDir: services.stagingDir,
      });
    },
  };
}
