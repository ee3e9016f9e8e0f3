/**
 * `huike merge [--full] [--threshold BITS] [--preview] [--json]`: the buyer merge. Without --full it
 * runs incrementally (the accounts added since the last run) once a full run has been made, else
 * in full. `--json` prints `{"accounts","customers","autoMerged","reviewQueue","durationMs", …}`;
 * `--preview` says what a full run with the threshold would change, writing nothing.
 */
import { Option, type Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import { UserError } from '../../domain/errors.js';
import type { MessageLanguage } from '../../shared/messages/index.js';
import { printJson } from '../output.js';

export interface MergeCommandContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: { reads?: boolean }) => Promise<T>;
  lang: () => MessageLanguage;
}

interface Options {
  full?: boolean;
  incremental?: boolean;
  threshold?: string;
  preview?: boolean;
  json?: boolean;
}

const TEXTS = {
  'zh-CN': {
    run: (r: {
      accounts: number;
      customers: number;
      autoMerged: number;
      reviewQueue: number;
      durationMs: number;
    }) =>
      `${r.accounts} 个买家账号 → ${r.customers} 位客户；自动合并 ${r.autoMerged} 对，待审核 ${r.reviewQueue} 对（${r.durationMs} 毫秒）`,
    preview: (p: { merges: number; splits: number }) =>
      `按新参数将合并 ${p.merges} 处、拆分 ${p.splits} 处（未写入）`,
  },
  en: {
    run: (r: {
      accounts: number;
      customers: number;
      autoMerged: number;
      reviewQueue: number;
      durationMs: number;
    }) =>
      `${r.accounts} buyer accounts → ${r.customers} customers; ${r.autoMerged} pairs merged automatically, ${r.reviewQueue} to review (${r.durationMs} ms)`,
    preview: (p: { merges: number; splits: number }) =>
      `With these parameters: ${p.merges} merges, ${p.splits} splits (nothing written)`,
  },
};

function threshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UserError({ code: 'merge.badThreshold', params: { value: text } });
  return n;
}

export function registerMergeCommand(program: Command, ctx: MergeCommandContext): void {
  program
    .command('merge')
    .description('合并买家为客户 (merge buyers into customers)')
    .addOption(
      new Option('--full', 'look at every account again (may split as well as join)').conflicts(
        'incremental',
      ),
    )
    .option('--incremental', 'only the accounts added since the last run')
    .option('--threshold <bits>', 'auto-merge threshold in bits (default 10)')
    .option('--preview', 'say what a full run with --threshold would change, writing nothing')
    .option('--json', 'print one JSON document')
    .action(async (opts: Options) => {
      const autoThreshold = threshold(opts.threshold);
      const params = autoThreshold === undefined ? {} : { autoThreshold };
      await ctx.open(async (app, jobId) => {
        const texts = TEXTS[ctx.lang()];
        if (opts.preview) {
          const preview = await app.invoke('merge.preview', { params });
          if (opts.json) printJson(preview);
          else process.stdout.write(`${texts.preview(preview)}\n`);
          return;
        }
        const mode = opts.full ? 'full' : opts.incremental ? 'incremental' : 'auto';
        const result = await app.invoke('merge.run', { mode, params, jobId });
        if (opts.json) printJson(result);
        else process.stdout.write(`${texts.run(result)}\n`);
      });
    });
}
