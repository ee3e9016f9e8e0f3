/** The machine and code a run measured: without them, numbers from two runs cannot be compared. */
import os from 'node:os';
import { sqliteVersion } from '../baselines/sqlite.js';
import { runMeasured } from './measure.js';
import { REPO_ROOT } from './paths.js';

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  node: string;
  sqlite3: string | null;
  platform: string;
  arch: string;
  osRelease: string;
  /** The repository's commit, and whether the working tree had changes on top of it. */
  commit: string | null;
  dirty: boolean | null;
}

export async function machineInfo(): Promise<MachineInfo> {
  const cpus = os.cpus();
  const head = await runMeasured(['git', '-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'], { timeoutS: 30 });
  const status = await runMeasured(['git', '-C', REPO_ROOT, 'status', '--porcelain'], { timeoutS: 30 });
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    sqlite3: await sqliteVersion(),
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    commit: head.exitCode === 0 ? head.stdout.trim() : null,
    dirty: status.exitCode === 0 ? status.stdout.trim() !== '' : null,
  };
}
