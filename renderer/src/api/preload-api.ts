import type { PreloadApi } from '../../../main/api/contract';

export type { PreloadApi };

/** Present in the Electron window only; the browser build talks to the loopback server instead. */
declare global {
  interface Window {
    huike?: PreloadApi;
  }
}
