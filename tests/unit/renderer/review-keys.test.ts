/** The review queue's keys: what each does, and the modifiers that leave a key to the browser. */
import { describe, expect, it } from 'vitest';
import { actionOfKey } from '../../../renderer/src/features/review/useReviewKeys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  actionOfKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('review keys', () => {
  it('maps M / Enter, N, S, U, the arrows and J K', () => {
    expect([key('m'), key('M'), key('Enter'), key('n'), key('s'), key('u')]).toEqual([
      'merge',
      'merge',
      'merge',
      'notSame',
      'skip',
      'undo',
    ]);
    expect([key('ArrowLeft'), key('k'), key('ArrowRight'), key('j')]).toEqual([
      'previous',
      'previous',
      'next',
      'next',
    ]);
  });

  it('undoes on Ctrl+Z and ⌘Z, and leaves other shortcuts (Ctrl+S, Alt+M) alone', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { metaKey: true })).toBe('undo');
    expect(key('s', { ctrlKey: true })).toBeNull();
    expect(key('m', { altKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });
});
