/**
 * The buyer merge as a use case: plan and apply in one write transaction, recorded as an operation.
 * `full` looks at every account (and may split customers the evidence no longer holds together);
 * `incremental` at the accounts added since the last run and their block partners, and only joins.
 * Runs after every import and on demand; `previewMerge` says what new parameters would change.
 */
import type { HuikeDb } from '../../../db/index.js';
import { MODEL_VERSION, type MergeParams } from '../../domain/merge/index.js';
import type { MergeSettings } from '../../domain/merge/results.js';
import { applyPlan, writeKeys, type AppliedMerge } from './apply.js';
import { currentMergeParams, lastRun, planChanges, planMerge, type MergeMode } from './plan.js';
import { mergeReadInWorker, workerIdle } from '../import/worker-jobs.js';
import { keyRowsOf, type KeyRows, type SideReads } from './side-reads.js';
import { recordRowsOf, type RecordRows } from './load.js';
import type BetterSqlite3 from 'better-sqlite3';

export interface MergeRunResult extends Omit<AppliedMerge, 'opId'> {
  opId: number | null;
  mode: MergeMode;
  durationMs: number;
}

export interface MergeRunOptions {
  /**
   * 'auto': incremental once a full run has been made, else full. After an update that changed the
   * model (params.ts MODEL_VERSION: its keys, its rules) every run is full until one has been made:
   * an incremental run compares new accounts with the keys and links earlier runs left, and those
   * are the other model's.
   */
  mode: MergeMode | 'auto';
  params?: Partial<MergeParams>;
  now: () => Date;
}

/**
 * The worker thread's half of an incremental run's reads, for a database file. A read finding the
 * worker busy with another job (a file being parsed for a preview) is made here instead of waiting.
 */
export function sideReadsOf(sqlite: BetterSqlite3.Database, splitFrom = 2000): SideReads | null {
  if (sqlite.memory) return null;
  const dbPath = sqlite.name;
  return {
    splitFrom,
    keyRows: (keys, cap) =>
      workerIdle()
        ? (mergeReadInWorker({ dbPath, read: { what: 'key-rows', keys, cap } }) as Promise<KeyRows>)
        : Promise.resolve(keyRowsOf(sqlite, keys, cap)),
    recordRows: (ids) =>
      workerIdle()
        ? (mergeReadInWorker({ dbPath, read: { what: 'records', ids } }) as Promise<RecordRows>)
        : Promise.resolve(recordRowsOf(sqlite, ids)),
  };
}

function mergeInTransaction(
  huikeDb: HuikeDb,
  options: MergeRunOptions,
  countQueue: boolean,
): Promise<MergeRunResult> {
  return huikeDb.writer.transaction(async (tx) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const last = lastRun(tx.sqlite);
    const otherModel = last.opId > 0 && last.model !== MODEL_VERSION;
    const incremental = options.mode === 'incremental' || (options.mode === 'auto' && last.full);
    const mode: MergeMode = incremental && !otherModel ? 'incremental' : 'full';
    const side = mode === 'incremental' ? sideReadsOf(tx.sqlite) : null;
    // An incremental run writes its new accounts' keys while the worker looks up who shares them.
    let keysWritten: { checksum: number | null } | null = null;
    const plan = await planMerge(tx.sqlite, {
      mode,
      params: options.params,
      side,
      duringKeyLookup: (keys, newKeyEntries, keysChecksum) => {
        keysWritten = { checksum: writeKeys(tx, { mode, keys, newKeyEntries, keysChecksum }) };
      },
    });
    const applied = await applyPlan(tx, plan, options.now().toISOString(), elapsed, {
      countQueue,
      keysWritten,
    });
    return { ...applied, mode, durationMs: elapsed() };
  });
}

/** A run the owner asked for (merge.run, `huike merge`): its result says how long the queue is. */
export async function runMerge(
  huikeDb: HuikeDb,
  options: MergeRunOptions,
): Promise<MergeRunResult & { reviewQueue: number }> {
  const result = await mergeInTransaction(huikeDb, options, true);
  const { reviewQueue } = result;
  if (reviewQueue === null) throw new Error('merge run: the review queue was not counted');
  return { ...result, reviewQueue };
}

/**
 * The incremental run after an import: the new accounts join their customers. Nobody reads its
 * result (the review screen counts its queue itself), so it does not count the queue.
 */
export async function mergeAfterImport(huikeDb: HuikeDb, now: () => Date): Promise<void> {
  await mergeInTransaction(huikeDb, { mode: 'incremental', now }, false);
}

export interface MergePreview {
  merges: number;
  splits: number;
  accountsMoved: number;
  autoLinks: number;
  reviewLinks: number;
  durationMs: number;
}

/** What a full run with these parameters would change, without writing anything. */
export function previewMerge(huikeDb: HuikeDb, params: Partial<MergeParams>): Promise<MergePreview> {
  return huikeDb.writer.transaction(async (tx) => {
    const started = performance.now();
    const plan = await planMerge(tx.sqlite, { mode: 'full', params });
    const autoLinks = plan.links.filter((l) => l.zone === 'auto').length;
    return {
      ...planChanges(plan),
      autoLinks,
      reviewLinks: plan.links.length - autoLinks,
      durationMs: Math.round(performance.now() - started),
    };
  });
}

/** The settings the next run uses (the owner's choices kept with the runs) and the defaults. */
export function mergeSettings(huikeDb: HuikeDb): MergeSettings {
  const { params, defaults } = currentMergeParams(huikeDb.readSqlite);
  const pick = (p: MergeParams) => ({
    autoThreshold: p.autoThreshold,
    reviewThreshold: p.reviewThreshold,
    confirmNames: p.confirmNames,
  });
  return { ...pick(params), defaults: pick(defaults) };
}
