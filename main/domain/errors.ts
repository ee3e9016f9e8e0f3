/** An error the user can fix: bad input, a wrong file, a refused undo. Exit code 1 in the CLI. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Long work stopped because the user cancelled it; nothing was written. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled; nothing was changed.') {
    super(message);
    this.name = 'CancelledError';
  }
}
