/**
 * Remembers where the window was. The saved bounds are checked against the displays attached now:
 * a window last seen on a monitor that is gone (laptop undocked) would otherwise open off-screen.
 * Free of Electron so the clamping is unit-tested in Node.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface SizeLimits {
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

/** What must stay on a display for the window to count as visible: enough to grab the title bar. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (!isRect(bounds)) return null;
  return {
    bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height },
    maximized: maximized === true,
  };
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Bounds to open the window with: the saved ones when enough of them is on a display (shrunk to fit
 * that display), otherwise the default size centred on the primary display.
 * `workAreas[0]` is the primary display.
 */
export function clampWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  limits: SizeLimits,
): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: limits.defaultWidth, height: limits.defaultHeight };
  if (saved) {
    const best = bestDisplay(saved.bounds, workAreas);
    if (best) return { bounds: fitInto(saved.bounds, best, limits), maximized: saved.maximized };
  }
  const width = Math.min(limits.defaultWidth, primary.width);
  const height = Math.min(limits.defaultHeight, primary.height);
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
  };
}

function bestDisplay(bounds: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    // The top strip must be on screen too, or the title bar cannot be grabbed.
    const titleBar = overlap(
      { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE_HEIGHT },
      area,
    );
    if (
      o.width < MIN_VISIBLE_WIDTH ||
      o.height < MIN_VISIBLE_HEIGHT ||
      titleBar.height < MIN_VISIBLE_HEIGHT / 2
    )
      continue;
    if (o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  return best;
}

function fitInto(bounds: Rect, area: Rect, limits: SizeLimits): Rect {
  const width = Math.round(Math.min(Math.max(bounds.width, limits.minWidth), area.width));
  const height = Math.round(Math.min(Math.max(bounds.height, limits.minHeight), area.height));
  const x = Math.round(Math.min(Math.max(bounds.x, area.x), area.x + area.width - width));
  const y = Math.round(Math.min(Math.max(bounds.y, area.y), area.y + area.height - height));
  return { x, y, width, height };
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written through a temporary file so a crash mid-write never leaves half a JSON document. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

/** Calls `fn` once, `ms` after the last call; `flush` runs a pending call now. */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    fn();
  };
  const debounced = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return debounced;
}
