/**
 * What an SQLite or file-system error means at each step of opening the database. Most are
 * produced for real in tests/unit/cli/cli-errors.test.ts; permissions cannot be (tests may run as
 * root, whom no permission bit stops), so their codes are classified here as SQLite reports them.
 */
import { describe, expect, it } from 'vitest';
import { databaseProblemOf } from '../../../db/index.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('databaseProblemOf', () => {
  it('reads an access error by the step it happened at', () => {
    for (const code of ['EACCES', 'EROFS', 'ENOTDIR', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY']) {
      expect(databaseProblemOf(withCode(code), 'create'), code).toBe('cannot-create');
      expect(databaseProblemOf(withCode(code), 'open'), code).toBe('unreadable');
      expect(databaseProblemOf(withCode(code), 'use'), code).toBe('read-only');
    }
  });

  it('knows what is wrong with the file whatever the step', () => {
    expect(databaseProblemOf(withCode('SQLITE_NOTADB'), 'use')).toBe('not-sqlite');
    expect(databaseProblemOf(withCode('SQLITE_CORRUPT_VTAB'), 'use')).toBe('damaged');
    expect(databaseProblemOf(withCode('SQLITE_FULL'), 'use')).toBe('disk-full');
    expect(databaseProblemOf(withCode('ENOSPC'), 'create')).toBe('disk-full');
    expect(databaseProblemOf(withCode('SQLITE_BUSY'), 'use')).toBe('busy');
  });

  it('leaves everything else to be an internal error', () => {
    expect(databaseProblemOf(withCode('SQLITE_CONSTRAINT_CHECK'), 'use')).toBeNull();
    expect(databaseProblemOf(new Error('no code'), 'use')).toBeNull();
    expect(databaseProblemOf('text', 'use')).toBeNull();
  });
});
