/**
 * The files being imported live above the pages, because they arrive from anywhere: a drop on
 * any screen, the Electron File menu, the first-run button, or the Import page itself.
 */
import { App } from 'antd';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommittedBatch, FileOptions, FilePreview, StagedFile } from '../../../../main/api/contract';
import { call, isCancelled } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useErrorText } from '../../app/useErrorText';
import { useJob, type JobState } from '../../app/useJob';

export type Overrides = Omit<FileOptions, 'fileId'>;

export interface StagedEntry {
  file: StagedFile;
  overrides: Overrides;
  preview: FilePreview | null;
  previewing: boolean;
}

interface ImportSessionValue {
  entries: StagedEntry[];
  report: CommittedBatch[] | null;
  job: JobState | null;
  jobKind: 'preview' | 'commit' | null;
  addFiles(files: StagedFile[]): void;
  /** Changes what the user overrides; `repreview` re-reads the file with the new overrides. */
  setOverrides(fileId: string, patch: Partial<Overrides>, repreview: boolean): void;
  remove(fileId: string): void;
  commit(skipInvalidRows: boolean): Promise<boolean>;
  cancelJob(): Promise<void>;
  clearReport(): void;
}

const ImportSessionContext = createContext<ImportSessionValue | null>(null);

function toFileOptions(entry: StagedEntry): FileOptions {
  const { format, encoding, mapping, currency } = entry.overrides;
  const shopName = entry.overrides.shopName?.trim();
  return {
    fileId: entry.file.fileId,
    ...(format ? { format } : {}),
    ...(encoding ? { encoding } : {}),
    ...(shopName ? { shopName } : {}),
    ...(currency ? { currency } : {}),
    // A mapping only means something to the generic reader; keep it out of other formats' calls.
    ...(mapping && (format ?? entry.preview?.format) === 'generic' ? { mapping } : {}),
  };
}

export function ImportSessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { dataChanged } = useAppState();
  const { job, run, cancel } = useJob();
  const [jobKind, setJobKind] = useState<'preview' | 'commit' | null>(null);
  const [entries, setEntriesState] = useState<StagedEntry[]>([]);
  const [report, setReport] = useState<CommittedBatch[] | null>(null);
  // Mirrors `entries` so async callbacks read what is current, not what their closure saw.
  const entriesRef = useRef<StagedEntry[]>([]);

  const setEntries = useCallback((update: (prev: StagedEntry[]) => StagedEntry[]) => {
    entriesRef.current = update(entriesRef.current);
    setEntriesState(entriesRef.current);
  }, []);

  const showError = useCallback(
    (error: unknown) => {
      if (isCancelled(error)) void message.info(t('job.cancelled'));
      else void message.error(errorText(error));
    },
    [errorText, message, t],
  );

  const preview = useCallback(
    async (fileIds: string[]) => {
      const targets = entriesRef.current.filter((e) => fileIds.includes(e.file.fileId));
      if (targets.length === 0) return;
      const mark = (previewing: boolean) =>
        setEntries((prev) => prev.map((e) => (fileIds.includes(e.file.fileId) ? { ...e, previewing } : e)));
      mark(true);
      setJobKind('preview');
      try {
        const result = await run((jobId) =>
          call('import.preview', { files: targets.map(toFileOptions), jobId }),
        );
        const byId = new Map(result.files.map((p) => [p.fileId, p]));
        setEntries((prev) =>
          prev.map((e) =>
            byId.has(e.file.fileId)
              ? { ...e, preview: byId.get(e.file.fileId) ?? null, previewing: false }
              : e,
          ),
        );
      } catch (error) {
        mark(false);
        showError(error);
      } finally {
        setJobKind(null);
      }
    },
    [run, setEntries, showError],
  );

  const addFiles = useCallback(
    (files: StagedFile[]) => {
      if (files.length === 0) return;
      setReport(null);
      const known = new Set(entriesRef.current.map((e) => e.file.fileId));
      const fresh = files.filter((f) => !known.has(f.fileId));
      setEntries((prev) => [
        ...prev,
        ...fresh.map((file) => ({ file, overrides: {}, preview: null, previewing: false })),
      ]);
      void preview(fresh.map((f) => f.fileId));
    },
    [preview, setEntries],
  );

  const setOverrides = useCallback(
    (fileId: string, patch: Partial<Overrides>, repreview: boolean) => {
      setEntries((prev) =>
        prev.map((e) => (e.file.fileId === fileId ? { ...e, overrides: { ...e.overrides, ...patch } } : e)),
      );
      if (repreview) void preview([fileId]);
    },
    [preview, setEntries],
  );

  const remove = useCallback(
    (fileId: string) => setEntries((prev) => prev.filter((e) => e.file.fileId !== fileId)),
    [setEntries],
  );

  const commit = useCallback(
    async (skipInvalidRows: boolean) => {
      const files = entriesRef.current.map(toFileOptions);
      if (files.length === 0) return false;
      setJobKind('commit');
      try {
        const result = await run((jobId) => call('import.commit', { files, skipInvalidRows, jobId }));
        setReport(result.batches);
        setEntries(() => []);
        dataChanged();
        return true;
      } catch (error) {
        showError(error);
        return false;
      } finally {
        setJobKind(null);
      }
    },
    [dataChanged, run, setEntries, showError],
  );

  const value = useMemo<ImportSessionValue>(
    () => ({
      entries,
      report,
      job,
      jobKind,
      addFiles,
      setOverrides,
      remove,
      commit,
      cancelJob: cancel,
      clearReport: () => setReport(null),
    }),
    [entries, report, job, jobKind, addFiles, setOverrides, remove, commit, cancel],
  );
  return <ImportSessionContext.Provider value={value}>{children}</ImportSessionContext.Provider>;
}

export function useImportSession(): ImportSessionValue {
  const value = useContext(ImportSessionContext);
  if (!value) throw new Error('useImportSession outside ImportSessionProvider');
  return value;
}
