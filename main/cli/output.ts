/** How the CLI talks: one JSON document on stdout with --json, human text otherwise, progress on stderr. */
import type { ProgressEvent } from '../api/contract.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export { formatMoney as fen } from '../shared/money.js';

const PHASES: Record<string, string> = { reading: '读取', writing: '写入', generating: '生成' };

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return {
    update(event: ProgressEvent) {
      if (!stream.isTTY) return;
      const pct = event.total > 0 ? Math.min(100, Math.floor((event.done / event.total) * 100)) : 0;
      const width = 30;
      const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
      const line = `${PHASES[event.phase] ?? event.phase} ${bar} ${pct}%`;
      if (line !== last) stream.write(`\r${line}`);
      last = line;
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
      last = '';
    },
  };
}
