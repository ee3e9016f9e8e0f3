/**
 * Why a database file could not be opened or written, as a kind the layers above put into words
 * (main/services/database-errors.ts). SQLite reports most of these lazily — a file that is not a
 * database opens fine and fails at the first statement — so createDb classifies each step's error.
 */

export type DatabaseProblem =
  /** The caller only reads, and there is no file: a mistyped path must not create one. */
  | 'not-found'
  | 'is-folder'
  /** Not an SQLite file at all (a CSV, a picture, a damaged header). */
  | 'not-sqlite'
  /** An SQLite database of another program. */
  | 'not-huike'
  /** Written by a newer Huike: migrations this build does not have. */
  | 'newer-schema'
  | 'unreadable'
  /** The folder cannot take a new file: read-only, no permission, or a file where a folder should be. */
  | 'cannot-create'
  /** The file or its folder is read-only (WAL needs to create files beside it). */
  | 'read-only'
  | 'disk-full'
  | 'busy'
  | 'damaged';

export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    /** The database file, absolute. */
    readonly path: string,
    /** What the problem is about, e.g. the unknown migration's name. */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${problem}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'DatabaseOpenError';
  }
}

const SQLITE_PROBLEMS: Record<string, DatabaseProblem> = {
  SQLITE_NOTADB: 'not-sqlite',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_FULL: 'disk-full',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_PERM: 'unreadable',
  SQLITE_AUTH: 'unreadable',
};

/** Errors that mean "cannot get at the file here", whose meaning depends on the step. */
const ACCESS = /^(EACCES|EPERM|EROFS|ENOTDIR|EEXIST|EISDIR|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_IOERR)/;

/**
 * The problem an SQLite or file-system error means, or null for anything else (a bug: it stays an
 * internal error). The step decides what an access error means: creating a new file (the folder
 * will not take it), opening an existing one (it cannot be read), or using an open one (SQLite
 * cannot write it, or the -wal and -shm files beside it: a read-only file or folder).
 */
export function databaseProblemOf(error: unknown, step: 'create' | 'open' | 'use'): DatabaseProblem | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC') return 'disk-full';
  if (ACCESS.test(code))
    return step === 'create' ? 'cannot-create' : step === 'open' ? 'unreadable' : 'read-only';
  for (const [prefix, problem] of Object.entries(SQLITE_PROBLEMS)) {
    if (code.startsWith(prefix)) return problem;
  }
  return null;
}
