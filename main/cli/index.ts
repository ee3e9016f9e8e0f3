/**
 * `huike [--db PATH] <command>`: the terminal front door. The command names and flags are a fixed
 * contract that scripts rely on. Exit codes: 0 success, 1 the user's error, 2 an internal error.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createApp } from '../api/create-app.js';
import type { HuikeApp } from '../api/app-types.js';
import { toErrorPayload } from '../api/errors.js';
import { MAPPING_KEYS } from '../api/input-errors.js';
import type { ColumnMapping } from '../domain/import/reader-types.js';
import { IMPORT_FORMATS, type ImportFormat } from '../domain/orders/types.js';
import { UserError } from '../domain/errors.js';
import {
  formatMessage,
  formatPlacedMessage,
  isMessageLanguage,
  MESSAGE_LANGUAGES,
  type MessageLanguage,
} from '../shared/messages/index.js';
import { appVersion, defaultDbPath, stageDirFor } from '../services/app-paths.js';
import { startBenchStats } from './bench-stats.js';
import { registerClvCommands } from './commands/clv.js';
import { registerProfitCommands } from './commands/profit.js';
import { registerShopAndBackupCommands } from './commands/shops-and-backup.js';
import { registerCustomersCommand } from './commands/customers.js';
import { registerExportVipCommand, registerOptOutCommand } from './commands/export-vip.js';
import { registerReportValueCommand } from './commands/report-value.js';
import { registerMergeCommand } from './commands/merge.js';
import { createPrinter } from './human.js';
import { mappingHelp } from './mapping-help.js';
import { printJson, progressPrinter } from './output.js';

interface Globals {
  db?: string;
  lang?: MessageLanguage;
}

/** How this run talks: learnt from the arguments, the environment, then the database's setting. */
export interface Session {
  /** null until known: --lang, else HUIKE_LANG, else the app's saved language once it is open. */
  lang: MessageLanguage | null;
  json: boolean;
}

const DEFAULT_LANG: MessageLanguage = 'zh-CN';

function sessionLang(session: Session): MessageLanguage {
  return session.lang ?? DEFAULT_LANG;
}

/** Opening the database: a command that only reads must not create one at a mistyped path. */
interface OpenOptions {
  reads?: boolean;
}

async function withApp<T>(
  program: Command,
  session: Session,
  work: (app: HuikeApp, jobId: string) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const dbPath = (program.opts() as Globals).db ?? (process.env.HUIKE_DB || defaultDbPath());
  const app = await createApp({
    dbPath,
    stageDir: stageDirFor(dbPath, os.tmpdir()),
    appVersion: appVersion(),
    createDatabase: !options.reads,
  });
  try {
    if (session.lang === null) {
      const saved = (await app.invoke('settings.get', {})).language;
      session.lang = isMessageLanguage(saved) ? saved : DEFAULT_LANG;
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  const lang = sessionLang(session);
  // Said on stderr, so a mistyped --db is noticed and never silently becomes a new, empty database.
  if (app.dbCreated)
    process.stderr.write(`${formatMessage('db.created', { path: path.resolve(dbPath) }, lang)}\n`);
  const jobId = `cli-${process.pid}`;
  const progress = progressPrinter(lang);
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

export function buildProgram(session: Session = { lang: null, json: false }): Command {
  const program = new Command('huike')
    .description(
      '汇客 Huike: 本地的多平台订单分析与客户管理 (local order analytics and CRM for Tmall, JD and your own shop)',
    )
    .version(appVersion())
    .option('--db <path>', 'database file (default: $HUIKE_DB, else the app data folder)')
    .addOption(
      new Option(
        '--lang <lang>',
        "language of messages (default: $HUIKE_LANG, else the app's setting)",
      ).choices(MESSAGE_LANGUAGES),
    )
    .showHelpAfterError()
    .exitOverride();
  const open = <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: OpenOptions) =>
    withApp(program, session, work, options);
  const printer = () => createPrinter(sessionLang(session));

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
    .option('--mapping <file>', 'JSON column mapping for generic files (fields below)')
    .option('--dry-run', 'only preview: read the files and say what an import would do, writing nothing')
    .option('--json', 'print one JSON document')
    .addHelpText('after', mappingHelp())
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
        await open(async (app, jobId) => {
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
            else printer().preview(result.files);
            return;
          }
          const result = await app.invoke('import.commit', {
            files: options,
            // The terminal imports the valid rows and lists the refused ones (the UI asks first).
            skipInvalidRows: true,
            jobId,
          });
          if (opts.json) printJson(result);
          else printer().importResult(result.batches);
        });
      },
    );

  program
    .command('imports')
    .description('导入记录 (import history)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }) => {
      await open(
        async (app) => {
          const result = await app.invoke('imports.list', {});
          if (opts.json) printJson(result);
          else printer().batches(result.batches);
        },
        { reads: true },
      );
    });

  program
    .command('undo')
    .description('撤销一次导入 (undo an import batch)')
    .argument('<batchId>', 'batch id from `huike imports`')
    .option('--json', 'print one JSON document')
    .action(async (batchId: string, opts: { json?: boolean }) => {
      if (!/^\d+$/.test(batchId)) throw new UserError({ code: 'cli.badBatchId', params: { value: batchId } });
      await open(async (app) => {
        const result = await app.invoke('imports.undo', { batchId: Number(batchId) });
        if (opts.json) printJson(result);
        else printer().undo(result);
      });
    });

  // The rest of the contract: fixed names and flags, filled in by the coming issues.
  registerMergeCommand(program, { open, lang: () => sessionLang(session) });
  const report = program.command('report').description('报表 (reports)');
  registerProfitCommands(program, report, { open, lang: () => sessionLang(session) });
  registerReportValueCommand(report, { open, lang: () => sessionLang(session) });
  registerClvCommands(program, { lang: () => sessionLang(session) });
  const vipContext = { open, lang: () => sessionLang(session) };
  registerExportVipCommand(program.command('export').description('导出 (export)'), vipContext);
  registerOptOutCommand(program, vipContext);

  registerShopAndBackupCommands(program, { open, lang: () => sessionLang(session) });
  registerCustomersCommand(program, { open, lang: () => sessionLang(session) });

  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride();
  }
  return program;
}

/** A --mapping file: one JSON object whose keys are mapping fields (the API checks the values). */
async function readMapping(file: string): Promise<ColumnMapping> {
  const about = { params: { file }, file };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError({ code: 'mapping.unreadable', ...about });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError({
      code: 'mapping.notJson',
      params: { file, detail: (error as Error).message },
      file,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError({ code: 'mapping.notObject', ...about });
  }
  const unknown = Object.keys(value).filter((key) => !MAPPING_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new UserError({
      code: 'mapping.unknownKey',
      params: { keys: unknown.map((k) => `"${k}"`).join(', '), valid: MAPPING_KEYS.join(', ') },
      file,
    });
  }
  return value as ColumnMapping;
}

/** `--lang xx` / `--lang=xx` before commander has parsed (a usage error is said in it too). */
function langOfArgv(argv: readonly string[]): MessageLanguage | null {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isMessageLanguage(value)) return value;
  }
  return null;
}

function envLang(): MessageLanguage | null {
  const value = process.env.HUIKE_LANG;
  return isMessageLanguage(value) ? value : null;
}

/**
 * The failure said once: one JSON document on stdout with --json (scripts read it), one line on
 * stderr always (people read it). Exit 1 for the user's errors and a cancel, 2 for a bug, whose
 * stack is shown only with HUIKE_DEBUG=1.
 */
export function reportFailure(error: unknown, session: Session): number {
  const lang = sessionLang(session);
  const stderr = (line: string) => process.stderr.write(`${line}\n`);
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0; commander has said what was wrong.
    if (error.exitCode === 0) return 0;
    if (session.json) {
      const detail = error.message.replace(/^error: /, '');
      printJson({ error: { code: 'cli.usage', message: formatMessage('cli.usage', { detail }, lang) } });
    }
    return 1;
  }
  const payload = toErrorPayload(error);
  if (session.json) {
    const { code, file, row, column } = payload;
    printJson({ error: { code, message: formatPlacedMessage(payload, lang), file, row, column } });
  }
  if (payload.kind !== 'internal') {
    stderr(formatPlacedMessage(payload, lang));
    return 1;
  }
  stderr(formatMessage('cli.internal', payload.params, lang));
  if (process.env.HUIKE_DEBUG === '1' && error instanceof Error && error.stack) stderr(error.stack);
  return 2;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const session: Session = { lang: langOfArgv(argv) ?? envLang(), json: argv.includes('--json') };
  const benchStats = startBenchStats();
  try {
    await buildProgram(session).parseAsync(argv);
    benchStats?.();
    return 0;
  } catch (error) {
    return reportFailure(error, session);
  }
}
