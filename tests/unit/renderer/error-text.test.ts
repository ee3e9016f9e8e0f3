/**
 * The renderer words every server error itself, in the UI's language: the server sends a code and
 * parameters, never the words (an English UI used to show the server's Chinese).
 */
import { describe, expect, it } from 'vitest';
import { toErrorPayload } from '../../../main/api/errors';
import { UserError } from '../../../main/domain/errors';
import { ApiError, errorText } from '../../../renderer/src/api/api-error';

describe('errorText in the renderer', () => {
  it('words an ApiError from its code and parameters in the UI language', () => {
    // The payload as it crosses the wire (JSON), not the server's UserError.
    const payload = JSON.parse(
      JSON.stringify(
        toErrorPayload(new UserError({ code: 'undo.blocked', params: { batchId: '3', later: '#5, #6' } })),
      ),
    );
    const error = new ApiError(payload);
    expect(error.message).toMatch(/^不能撤销批次 #3/);
    expect(errorText(error, 'en')).toBe(
      'Batch #3 cannot be undone while the later batches #5, #6, which changed the same orders, are in place: undo #5, #6 first, then #3.',
    );
    expect(errorText(error, 'zh-CN')).toBe(error.message);
  });

  it('names the file of a placed message, and words a cancel and an internal error too', () => {
    const placed = new ApiError(toErrorPayload(new UserError({ code: 'import.mapOrderId', file: 'a.csv' })));
    expect(errorText(placed, 'en')).toBe('a.csv: Choose which column holds the order number first.');
    const internal = new ApiError(toErrorPayload(new Error('disk on fire')));
    expect(errorText(internal, 'en')).toMatch(/^Something unexpected went wrong: disk on fire\./);
    expect(errorText(new TypeError('plain'), 'en')).toBe('plain');
  });
});
