/** What the merge channels return (main/api/contract.ts). */

export interface MergeRunSummary {
  /** The run's operation (undo with merge.undo). */
  opId: number;
  mode: 'full' | 'incremental';
  accounts: number;
  customers: number;
  /** Automatic links (deterministic included) the run wrote. */
  autoMerged: number;
  /** Open review suggestions: review links between two different customers. */
  reviewQueue: number;
  /** Customers joined and split by the run, and accounts that changed customer. */
  merges: number;
  splits: number;
  accountsMoved: number;
  durationMs: number;
}

export interface MergePreviewSummary {
  merges: number;
  splits: number;
  accountsMoved: number;
  autoLinks: number;
  reviewLinks: number;
  durationMs: number;
}

export interface MergeUndoResult {
  opId: number;
  accountsRestored: number;
  customersRestored: number;
}

export interface CustomerSplitResult {
  opId: number;
  /** The customer the chosen accounts now form. */
  newCustomerId: number;
  moved: number;
}

export interface CustomerLockResult {
  opId: number;
  id: number;
  locked: boolean;
}

/** The merge settings an owner can change, as they stand and by default (`merge.settings`). */
export interface MergeSettingsValues {
  /** Auto-merge at or above this weight (bits) when a strong identifier agrees. */
  autoThreshold: number;
  /** Suggest for review from this weight (bits) up. */
  reviewThreshold: number;
  /** Merge automatically only when the names agree beyond a masked surname. */
  confirmNames: boolean;
}

export interface MergeSettings extends MergeSettingsValues {
  defaults: MergeSettingsValues;
}
