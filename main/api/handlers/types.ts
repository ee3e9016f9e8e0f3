/** What every domain's handlers get, and the shape of a handler map. */
import type { z } from 'zod';
import type { AppServices } from '../../services/app-services.js';
import type { Channel, ChannelResult, inputSchemas } from '../contract.js';
import type { createJobs } from '../jobs.js';

export interface HandlerDeps {
  services: AppServices;
  jobs: ReturnType<typeof createJobs>;
  appVersion: string;
  /** Electron only: shows the native open dialog, returns the chosen paths (main process). */
  pickFiles?: () => Promise<string[]>;
  /** Electron only: the save dialog for a backup; null when cancelled (main process). */
  chooseBackupPath?: () => Promise<string | null>;
}

export type Input<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type Handler<C extends Channel> = (input: Input<C>) => Promise<ChannelResult<C>>;
/** The handlers of some channels: each domain module returns one. */
export type HandlerMap<C extends Channel> = { [K in C]: Handler<K> };
