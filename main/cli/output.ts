/** How the CLI talks: one JSON document on stdout with --json, human text otherwise, progress on stderr. */
import type { ProgressEvent } from '../api/contract.js';
import type { MessageLanguage } from '../shared/messages/index.js';
import { CLI_TEXTS } from './texts.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export { formatMoney as fen } from '../shared/money.js';

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
export function progressPrinter(
  lang: MessageLanguage = 'zh-CN',
  stream: NodeJS.WriteStream = process.stderr,
) {
  const phases = CLI_TEXTS[lang].phases;
  let last = '';
  return {
    update(event: ProgressEvent) {
      if (!stream.isTTY) return;
      const pct = event.total > 0 ? Math.min(100, Math.floor((event.done / event.total) * 100)) : 0;
      const width = 30;
      const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
      const line = `${phases[event.phase] ?? event.phase} ${bar} ${pct}%`;
      if (line !== last) stream.write(`\r${line}`);
      last = line;
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
      last = '';
    },
  };
}
