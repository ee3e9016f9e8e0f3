import {
  formatMessage,
  type Message,
  type MessageCode,
  type MessageParams,
} from '../shared/messages/index.js';

/** Where in the user's input the trouble is, when it is about input. */
export interface ErrorPlace {
  file?: string;
  row?: number;
  column?: string;
}

/**
 * An error the user can fix: bad input, a wrong file, a refused undo. Exit code 1 in the CLI.
 * It carries a message code and its parameters (translated where it is shown) and, for input,
 * the file, row and column. `message` is the zh-CN text, for logs.
 *
 * A plain string is the older form, still used by code not yet moved to codes.
 */
export class UserError extends Error {
  readonly code: MessageCode | null;
  readonly params: MessageParams;
  readonly place: ErrorPlace;
  constructor(
    message: string | (Message & ErrorPlace),
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : formatMessage(message.code, message.params));
    this.name = 'UserError';
    if (typeof message === 'string') {
      this.code = null;
      this.params = {};
      this.place = {};
    } else {
      this.code = message.code;
      this.params = message.params ?? {};
      this.place = { file: message.file, row: message.row, column: message.column };
    }
  }
}

/** Long work stopped because the user cancelled it; nothing was written. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled; nothing was changed.') {
    super(message);
    this.name = 'CancelledError';
  }
}
