/**
 * The renderer words every server error itself, in the UI's language: the server sends a code and
 * parameters, never the words (an English UI used to show the server's Chinese).
 */
import { describe, expect, it } from 'vitest';
import type { ApiErrorPayload } from '../../../main/api/contract';
import { ApiError, errorText } from '../../../renderer/src/api/api-error';

/** As the payload arrives over the wire (toErrorPayload's shape, through JSON). */
const wire = (payload: ApiErrorPayload) =>
  new ApiError(JSON.parse(JSON.stringify(payload)) as ApiErrorPayload);

describe('errorText in the renderer', () => {
  it('words an ApiError from its code and parameters in the UI language', () => {
    const error = wire({
      kind: 'user',
      code: 'undo.blocked',
      params: { batchId: '3', later: '#5, #6' },
      message: '不能撤销批次 #3（日志用的中文）',
    });
    expect(errorText(error, 'en')).toBe(
      'Batch #3 cannot be undone while the later batches #5, #6, which changed the same orders, are in place: undo #5, #6 first, then #3.',
    );
    expect(errorText(error, 'zh-CN')).toBe(
      '不能撤销批次 #3：之后的批次 #5, #6 修改了同样的订单。请先撤销 #5, #6，再撤销 #3。',
    );
  });

  it('names the file of a placed message, and words a cancel and an internal error too', () => {
    const placed = wire({ kind: 'user', code: 'import.mapOrderId', params: {}, file: 'a.csv', message: '' });
    expect(errorText(placed, 'en')).toBe('a.csv: Choose which column holds the order number first.');
    const cancelled = wire({ kind: 'cancelled', code: 'job.cancelled', params: {}, message: '' });
    expect(errorText(cancelled, 'en')).toBe('Cancelled; nothing was changed.');
    const internal = wire({
      kind: 'internal',
      code: 'internal.unexpected',
      params: { detail: 'disk on fire' },
      message: '',
    });
    expect(errorText(internal, 'en')).toMatch(/^Something unexpected went wrong: disk on fire\./);
    expect(errorText(new TypeError('plain'), 'en')).toBe('plain');
  });
});
