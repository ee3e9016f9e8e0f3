/**
 * `huike [--db PATH] <command>`: the terminal front door. The command names and flags are a fixed
 * contract that scripts rely on. Exit codes: 0 success, 1 the user's error, 2 an internal error.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { createApp } from '../api/create-app.js';
import type { HuikeApp } from '../api/app-types.js';
import { IMPORT_FORMATS, type ImportFormat } from '../domain/orders/types.js';
import { CancelledError, UserError } from '../domain/errors.js';
import { appVersion, defaultDbPath, stageDirFor } from '../services/app-paths.js';
import { startBenchStats } from './bench-stats.js';
import { registerShopAndBackupCommands } from './commands/shops-and-backup.js';
import { printImportResult, printBatches, printPreview, printUndo } from './human.js';
import { printJson, progressPrinter } from './output.js';

interface Globals {
  db?: string;
}

async function withApp<T>(program: Command, work: (app: HuikeApp, jobId: string) => Promise<T>): Promise<T> {
  const dbPath = (program.opts() as Globals).db ?? (process.env.HUIKE_DB || defaultDbPath());
  const app = await createApp({
    dbPath,
    stageDir: stageDirFor(dbPath, os.tmpdir()),
    appVersion: appVersion(),
  });
  const jobId = `cli-${process.pid}`;
  const progress = progressPrinter();
  const off = app.onProgress((e) => progress.update(e));
  // Ctrl+C cancels the running job: its transaction rolls back and nothing is half-written.
  const onSigint = () => void app.invoke('jobs.cancel', { jobId });
  process.on('SIGINT', onSigint);
  try {
    return await work(app, jobId);
  } finally {
    process.off('SIGINT', onSigint);
    progress.done();
    off();
    await app.close();
  }
}

function notYet(command: string): never {
  throw new UserError(
    `「${command}」将在后续版本提供 (the ${command} command is not available in this version yet)`,
  );
}

export function buildProgram(): Command {
  const program = new Command('huike')
    .description(
      '汇客 Huike: 本地的多平台订单分析与客户管理 (local order analytics and CRM for Tmall, JD and your own shop)',
    )
    .version(appVersion())
    .option('--db <path>', 'database file (default: $HUIKE_DB, else the app data folder)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('import')
    .description('导入订单导出文件 (import order export files)')
    .argument('<files...>', 'CSV or Excel files')
    .addOption(
      new Option('--platform <name>', 'file layout').choices(['auto', ...IMPORT_FORMATS]).default('auto'),
    )
    .option(
      '--shop <name>',
      "shop to import into, existing or new (default: the shop the file names; else your one shop of the file's platform; else a new shop with the platform's name, e.g. 天猫/淘宝店铺; never the sample shop)",
    )
    .option(
      '--currency <code>',
      "currency of files that do not name one, e.g. CNY, USD (default: the shop's; Chinese marketplaces are CNY)",
    )
    .option(
      '--mapping <file>',
      'JSON column mapping for generic files, e.g. {"orderId":"单号","paidAmount":"金额"}',
    )
    .option('--dry-run', 'only preview: read the files and say what an import would do, writing nothing')
    .option('--json', 'print one JSON document')
    .action(
      async (
        files: string[],
        opts: {
          platform: string;
          shop?: string;
          currency?: string;
          mapping?: string;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
        await withApp(program, async (app, jobId) => {
          const staged = [];
          for (const file of files) staged.push(await app.stagePath(file));
          const format = opts.platform === 'auto' ? undefined : (opts.platform as ImportFormat);
          const options = staged.map((s) => ({
            fileId: s.fileId,
            format,
            shopName: opts.shop,
            currency: opts.currency,
            mapping,
          }));
          if (opts.dryRun) {
            // The preview leaves each file's staging behind: an import of it afterwards reads no more.
            const result = await app.invoke('import.preview', { files: options, jobId });
            if (opts.json) printJson(result);
            else printPreview(result.files);
            return;
          }
          const result = await app.invoke('import.commit', {
            files: options,
            // The terminal imports the valid rows and lists the refused ones (the UI asks first).
            skipInvalidRows: true,
            jobId,
          });
          if (opts.json) printJson(result);
          else printImportResult(result.batches);
        });
      },
    );

  program
    .command('imports')
    .description('导入记录 (import history)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }) => {
      await withApp(program, async (app) => {
        const result = await app.invoke('imports.list', {});
        if (opts.json) printJson(result);
        else printBatches(result.batches);
      });
    });

  program
    .command('undo')
    .description('撤销一次导入 (undo an import batch)')
    .argument('<batchId>', 'batch id from `huike imports`')
    .option('--json', 'print one JSON document')
    .action(async (batchId: string, opts: { json?: boolean }) => {
      if (!/^\d+$/.test(batchId))
        throw new UserError(`批次号「${batchId}」应为数字 (BATCH_ID must be a number)`);
      await withApp(program, async (app) => {
        const result = await app.invoke('imports.undo', { batchId: Number(batchId) });
        if (opts.json) printJson(result);
        else printUndo(result);
      });
    });

  // The rest of the contract: fixed names and flags, filled in by the coming issues.
  program
    .command('merge')
    .description('合并买家为客户 (merge buyers into customers)')
    .option('--json')
    .action(() => notYet('merge'));
  program
    .command('customers')
    .description('客户列表 (customers)')
    .option('--segment <name>')
    .option('--limit <n>')
    .option('--json')
    .option('--csv')
    .action(() => notYet('customers'));
  const report = program.command('report').description('报表 (reports)');
  report
    .command('profit')
    .addOption(new Option('--by <dim>').choices(['platform', 'shop']))
    .addOption(new Option('--period <p>').choices(['month', 'week', 'day']))
    .option('--from <date>')
    .option('--to <date>')
    .option('--json')
    .action(() => notYet('report profit'));
  report
    .command('value')
    .option('--as-of <date>')
    .option('--json')
    .action(() => notYet('report value'));
  program
    .command('clv')
    .description('客户终身价值模型 (customer lifetime value)')
    .command('fit')
    .argument('<file>')
    .option('--calibration-end <date>')
    .addOption(new Option('--time-unit <unit>').choices(['day', 'week']))
    .option('--json')
    .action(() => notYet('clv fit'));
  program
    .command('export')
    .description('导出 (export)')
    .command('vip')
    .requiredOption('--out <file>')
    .option('--segment <name>')
    .addOption(new Option('--format <f>').choices(['csv', 'xlsx']))
    .option('--unmasked')
    .action(() => notYet('export vip'));

  registerShopAndBackupCommands(program, (work) => withApp(program, work));

  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride();
  }
  return program;
}

async function readMapping(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: 无法读取映射文件 (cannot read the mapping file)`);
  }
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch (error) {
    throw new UserError(`${file}: 映射文件不是有效的 JSON (not valid JSON): ${(error as Error).message}`);
  }
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const benchStats = startBenchStats();
  try {
    await buildProgram().parseAsync(argv);
    benchStats?.();
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof UserError || error instanceof CancelledError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `内部错误 (internal error): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}
