import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clampWindowState,
  debounce,
  parseWindowState,
  readWindowState,
  writeWindowState,
  type Rect,
} from '../../../main/electron/window-state.js';

const limits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 1024, minHeight: 640 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it.each([
    ['not JSON', '{'],
    ['null', 'null'],
    ['no bounds', '{"maximized":true}'],
    ['a string width', '{"bounds":{"x":0,"y":0,"width":"800","height":600}}'],
    ['a zero height', '{"bounds":{"x":0,"y":0,"width":800,"height":0}}'],
    ['NaN smuggled as null', '{"bounds":{"x":null,"y":0,"width":800,"height":600}}'],
  ])('rejects %s', (_name, text) => expect(parseWindowState(text)).toBeNull());

  it('reads bounds and maximized, dropping anything else', () => {
    expect(
      parseWindowState(
        '{"bounds":{"x":10,"y":20,"width":1100,"height":700,"z":1},"maximized":true,"extra":1}',
      ),
    ).toEqual({
      bounds: { x: 10, y: 20, width: 1100, height: 700 },
      maximized: true,
    });
    expect(
      parseWindowState('{"bounds":{"x":10,"y":20,"width":1100,"height":700},"maximized":"yes"}')?.maximized,
    ).toBe(false);
  });
});

describe('clampWindowState', () => {
  it('centres the default size on the primary display without a saved state', () => {
    expect(clampWindowState(null, [laptop], limits)).toEqual({
      bounds: { x: 80, y: 28, width: 1280, height: 820 },
      maximized: false,
    });
  });

  it('keeps a window that is fully visible', () => {
    const saved = { bounds: { x: 100, y: 40, width: 1200, height: 800 }, maximized: false };
    expect(clampWindowState(saved, [laptop], limits)).toEqual(saved);
  });

  it('keeps a window on a second display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(clampWindowState(saved, [laptop, monitorRight], limits)).toEqual(saved);
  });

  it('recentres a window whose display is gone (laptop undocked)', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(clampWindowState(saved, [laptop], limits)).toEqual({
      bounds: { x: 80, y: 28, width: 1280, height: 820 },
      maximized: true,
    });
  });

  it('pulls a half-visible window fully onto its display', () => {
    const saved = { bounds: { x: 1000, y: -10, width: 1100, height: 700 }, maximized: false };
    expect(clampWindowState(saved, [laptop], limits).bounds).toEqual({
      x: 340,
      y: 0,
      width: 1100,
      height: 700,
    });
  });

  it('treats a window whose title bar is above the screen as lost', () => {
    const saved = { bounds: { x: 100, y: -600, width: 1100, height: 700 }, maximized: false };
    expect(clampWindowState(saved, [laptop], limits).bounds).toEqual({
      x: 80,
      y: 28,
      width: 1280,
      height: 820,
    });
  });

  it('shrinks a window larger than its display and grows one below the minimum', () => {
    expect(
      clampWindowState(
        { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false },
        [laptop],
        limits,
      ).bounds,
    ).toEqual(laptop);
    expect(
      clampWindowState(
        { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false },
        [laptop],
        limits,
      ).bounds,
    ).toEqual({
      x: 10,
      y: 10,
      width: 1024,
      height: 640,
    });
  });

  it('fits the default size into a small primary display', () => {
    const small: Rect = { x: 0, y: 25, width: 1024, height: 743 };
    expect(clampWindowState(null, [small], limits).bounds).toEqual({ x: 0, y: 25, width: 1024, height: 743 });
  });
});

describe('readWindowState / writeWindowState', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through a file and survives a corrupt one', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'huike-window-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    const state = { bounds: { x: 1, y: 2, width: 1100, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    writeFileSync(file, '{"bounds":');
    expect(readWindowState(file)).toBeNull();
  });
});

describe('debounce', () => {
  it('runs once after the last call, and flush runs a pending call now', () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const save = debounce(fn, 500);
      save();
      vi.advanceTimersByTime(300);
      save();
      vi.advanceTimersByTime(300);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(200);
      expect(fn).toHaveBeenCalledTimes(1);
      save();
      save.flush();
      expect(fn).toHaveBeenCalledTimes(2);
      save.flush();
      save();
      save.cancel();
      vi.advanceTimersByTime(1000);
      expect(fn).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
