/**
 * `huike shops`, `huike demo`, `huike backup FILE`, `huike restore FILE`: the shops, the sample
 * shop kept apart, and the database as one file. The same channels as the app's settings page.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import type { ChannelInput } from '../../api/contract.js';
import { UserError } from '../../domain/errors.js';
import { PLATFORMS } from '../../domain/orders/types.js';
import type { MessageLanguage } from '../../shared/messages/index.js';
import { createPrinter } from '../human.js';
import { printJson } from '../output.js';
import { createShopPrinter } from './print-shops.js';

/** What index.ts lends the commands: opening the app the global options name, and the language. */
export interface CommandContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>) => Promise<T>;
  /** Known once the app is open (--lang, HUIKE_LANG or the saved setting). */
  lang: () => MessageLanguage;
}

function shopIdArg(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new UserError({ code: 'cli.badShopId', params: { name, value } });
  return Number(value);
}

function registerShops(program: Command, { open, lang }: CommandContext): void {
  const shops = program.command('shops').description('店铺：列表、改名、平台/币种/时区、合并 (shops)');
  shops
    .command('list', { isDefault: true })
    .description('列出店铺 (list shops; sample shops are marked)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { json?: boolean }) => {
      await open(async (app) => {
        const list = await app.invoke('shops.list', {});
        if (opts.json) printJson({ shops: list });
        else createShopPrinter(lang()).shops(list);
      });
    });
  shops
    .command('set')
    .description('修改店铺的名称、平台、币种或时区 (rename a shop, set its platform, currency, time zone)')
    .argument('<shopId>', 'shop id from `huike shops`')
    .option('--name <name>', 'new name (unique per platform)')
    .addOption(new Option('--platform <platform>', 'platform').choices([...PLATFORMS]))
    .option('--currency <code>', 'currency, e.g. USD (relabels the orders; Chinese marketplaces are CNY)')
    .option('--timezone <zone>', 'IANA time zone, e.g. Asia/Shanghai (its orders are dated again)')
    .option('--json', 'print one JSON document')
    .action(
      async (
        id: string,
        opts: { name?: string; platform?: string; currency?: string; timezone?: string; json?: boolean },
      ) => {
        const input: ChannelInput<'shops.update'> = {
          shopId: shopIdArg(id, 'shopId'),
          name: opts.name,
          platform: opts.platform as ChannelInput<'shops.update'>['platform'],
          currency: opts.currency,
          timezone: opts.timezone,
        };
        await open(async (app) => {
          const result = await app.invoke('shops.update', input);
          if (opts.json) printJson(result);
          else createShopPrinter(lang()).shopEdit(result);
        });
      },
    );
  shops
    .command('merge')
    .description(
      '把一个店铺并入另一个（同平台、同币种）(merge a shop into another of the same platform and currency)',
    )
    .argument('<fromShopId>', 'the shop that goes away')
    .argument('<intoShopId>', 'the shop that stays and gets its orders and import batches')
    .option('--json', 'print one JSON document')
    .action(async (from: string, into: string, opts: { json?: boolean }) => {
      const input = { fromShopId: shopIdArg(from, 'fromShopId'), intoShopId: shopIdArg(into, 'intoShopId') };
      await open(async (app) => {
        const result = await app.invoke('shops.merge', input);
        if (opts.json) printJson(result);
        else createShopPrinter(lang()).merge(result);
      });
    });
}

function registerDemo(program: Command, { open, lang }: CommandContext): void {
  program
    .command('demo')
    .description('载入示例店铺，或用 --remove 删除示例数据 (load the sample shop, or remove the sample data)')
    .option('--seed <n>', 'random seed', '1')
    .option(
      '--yes',
      'load it even though the database already holds your own orders (the sample is kept apart and removable)',
    )
    .option('--remove', 'delete the sample shops and everything only they use; your own data stays')
    .option('--json', 'print one JSON document')
    .action(async (opts: { seed: string; yes?: boolean; remove?: boolean; json?: boolean }) => {
      if (opts.remove) {
        await open(async (app, jobId) => {
          const result = await app.invoke('demo.remove', { jobId });
          if (opts.json) printJson(result);
          else createShopPrinter(lang()).demoRemoval(result);
        });
        return;
      }
      if (!/^\d+$/.test(opts.seed))
        throw new UserError({ code: 'cli.badSeed', params: { value: opts.seed } });
      await open(async (app, jobId) => {
        const result = await app.invoke('demo.load', {
          seed: Number(opts.seed),
          confirmMixed: opts.yes === true,
          jobId,
        });
        if (opts.json) printJson(result);
        else createPrinter(lang()).demo(result);
      });
    });
}

function registerBackup(program: Command, { open, lang }: CommandContext): void {
  program
    .command('backup')
    .description('把数据备份到一个文件（运行中也可以）(write a consistent copy of the database to FILE)')
    .argument('<file>', 'the backup file to create (an existing file is not overwritten)')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      await open(async (app) => {
        const result = await app.backupTo(path.resolve(file));
        if (opts.json) printJson(result);
        else createShopPrinter(lang()).backup(result);
      });
    });
  program
    .command('restore')
    .description(
      '用备份文件替换当前数据，先在数据文件旁保存一份当前数据 (replace the data with a backup; the current data is saved beside the database first)',
    )
    .argument('<file>', 'a backup made by `huike backup` or the app')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      await open(async (app, jobId) => {
        const staged = await app.stagePath(path.resolve(file));
        const result = await app.invoke('backup.restore', { fileId: staged.fileId, jobId });
        if (opts.json) printJson(result);
        else createShopPrinter(lang()).restore(result);
      });
    });
}

export function registerShopAndBackupCommands(program: Command, context: CommandContext): void {
  registerShops(program, context);
  registerDemo(program, context);
  registerBackup(program, context);
}
