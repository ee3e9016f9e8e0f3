/**
 * The database's troubles in the user's words: opening (db/open-errors.ts) and, once open, a full
 * disk or a file gone read-only under a running import. Each message names the file.
 */
import path from 'node:path';
import { DatabaseOpenError, databaseProblemOf, type DatabaseProblem } from '../../db/index.js';
import { UserError } from '../domain/errors.js';
import type { MessageCode } from '../shared/messages/index.js';

const CODES: Record<DatabaseProblem, MessageCode> = {
  'not-found': 'db.notFound',
  'is-folder': 'db.isFolder',
  'not-sqlite': 'db.notSqlite',
  'not-huike': 'db.notHuike',
  'newer-schema': 'db.newerSchema',
  unreadable: 'db.unreadable',
  'cannot-create': 'db.cannotCreate',
  'read-only': 'db.readOnly',
  'disk-full': 'db.diskFull',
  busy: 'db.busy',
  damaged: 'db.damaged',
};

function databaseError(problem: DatabaseProblem, file: string, detail?: string): UserError {
  return new UserError({
    code: CODES[problem],
    params: { path: file, folder: path.dirname(file), migration: detail ?? '' },
  });
}

/** A DatabaseOpenError as the UserError a front door shows; anything else unchanged. */
export function openFailure(error: unknown): unknown {
  if (error instanceof DatabaseOpenError) return databaseError(error.problem, error.path, error.detail);
  return error;
}

/** An SQLite error of a running app that the user can do something about (a full disk). */
export function runtimeFailure(error: unknown, dbPath: string): unknown {
  if (dbPath === ':memory:' || error instanceof UserError) return error;
  const problem = databaseProblemOf(error, 'use');
  // Only what is about the file; a constraint failure or a busy reader is a bug, not the user's.
  if (problem === 'disk-full' || problem === 'read-only') {
    return databaseError(problem, path.resolve(dbPath));
  }
  return error;
}
