import {
  formatMessage,
  formatPlacedMessage,
  type MessageCode,
  type MessageParams,
  type PlacedMessage,
} from '../shared/messages/index.js';

/** Where in the user's input the trouble is, when it is about input. */
export interface ErrorPlace {
  file?: string;
  row?: number;
  column?: string;
}

/**
 * An error the user can fix: bad input, a wrong file, a refused undo. Exit code 1 in the CLI.
 * It carries a message code and its parameters (put into words where it is shown, in the reader's
 * language) and, for input, the file, row and column. `message` is the zh-CN text, for logs.
 * `details` is data for the screen (an unknown layout's header and first rows), never words.
 */
export class UserError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly place: ErrorPlace;
  constructor(
    message: PlacedMessage,
    readonly details?: unknown,
  ) {
    super(formatPlacedMessage(message, 'zh-CN'));
    this.name = 'UserError';
    this.code = message.code;
    this.params = message.params ?? {};
    this.place = compactPlace(message);
  }

  /** What it says, as data: the code, its parameters and the place. */
  toMessage(): PlacedMessage {
    return { code: this.code, params: this.params, ...this.place };
  }

  /** The same error about `file`: a reader does not know which of the user's files it reads. */
  inFile(file: string): UserError {
    if (this.place.file) return this;
    return new UserError({ ...this.toMessage(), file }, this.details);
  }
}

function compactPlace(place: ErrorPlace): ErrorPlace {
  const out: ErrorPlace = {};
  if (place.file !== undefined) out.file = place.file;
  if (place.row !== undefined) out.row = place.row;
  if (place.column !== undefined) out.column = place.column;
  return out;
}

/** Long work stopped because the user cancelled it; nothing was written. */
export class CancelledError extends Error {
  readonly code = 'job.cancelled' satisfies MessageCode;
  constructor() {
    super(formatMessage('job.cancelled'));
    this.name = 'CancelledError';
  }
}
