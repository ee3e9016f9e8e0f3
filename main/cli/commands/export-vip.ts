/**
 * `huike export vip --out FILE [--segment NAME] [--format csv|xlsx] [--encoding utf8|gbk]
 * [--unmasked] [--json]`: a VIP list for SMS and e-mail tools, masked unless --unmasked (which is
 * recorded in the operation log), customers who refused marketing left out. Says where it wrote,
 * how many rows, and how many it left out; --json prints `{"file","rows","matched","optedOut",
 * "format","encoding","masked","segment"}`.
 *
 * `huike optout import FILE [--json]`: phones and e-mails that refused marketing (any text or CSV
 * file), applied to every customer now and to later imports.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import { UserError } from '../../domain/errors.js';
import { formatCount, type MessageLanguage } from '../../shared/messages/index.js';
import {
  CSV_ENCODINGS,
  VIP_EXPORT_FORMATS,
  type CsvEncoding,
  type VipExportFormat,
} from '../../shared/vip.js';
import { printJson } from '../output.js';

export interface VipCommandContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: { reads?: boolean }) => Promise<T>;
  lang: () => MessageLanguage;
}

const TEXTS = {
  'zh-CN': {
    wrote: (file: string, rows: string) => `已写入 ${file}：${rows} 位客户`,
    optedOut: (n: string) => `已排除 ${n} 位不接受营销的客户`,
    unmasked: '姓名、手机和地址为完整信息（未脱敏），此次导出已记入操作日志。',
    optOuts: (read: string, added: string, skipped: string, customers: string) =>
      `退订名单：读到 ${read} 个手机号或邮箱（新增 ${added} 个，跳过 ${skipped} 个无法识别的内容）；现有 ${customers} 位客户不接受营销。`,
  },
  en: {
    wrote: (file: string, rows: string) => `Wrote ${file}: ${rows} customers`,
    optedOut: (n: string) => `Left out ${n} customers who refused marketing`,
    unmasked:
      'Names, phones and addresses are in full (not masked); this export is recorded in the operation log.',
    optOuts: (read: string, added: string, skipped: string, customers: string) =>
      `Opt-out list: ${read} phones or e-mails read (${added} new, ${skipped} entries not recognised); ${customers} customers now refuse marketing.`,
  },
} as const;

interface ExportOptions {
  out: string;
  segment?: string;
  format?: VipExportFormat;
  encoding: CsvEncoding;
  unmasked?: boolean;
  json?: boolean;
}

/** The format: --format, else the file's extension, else CSV. */
function formatOf(opts: ExportOptions): VipExportFormat {
  if (opts.format) return opts.format;
  return path.extname(opts.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
}

async function exportVip(app: HuikeApp, jobId: string, opts: ExportOptions, lang: MessageLanguage) {
  const segments = (await app.invoke('segments.list', {})).segments;
  let segmentId: number | undefined;
  if (opts.segment !== undefined) {
    const wanted = opts.segment.trim();
    const segment = segments.find((s) => s.name === wanted);
    if (!segment)
      throw new UserError({
        code: 'vip.segmentNotFound',
        params: { segment: opts.segment, known: segments.map((s) => s.name).join('、') || '—' },
      });
    segmentId = segment.id;
  }
  const format = formatOf(opts);
  const file = await app.invoke('vip.export', {
    segmentId,
    format,
    encoding: opts.encoding,
    masked: opts.unmasked !== true,
    lang,
    front: 'cli',
    jobId,
  });
  const parts: Buffer[] = [];
  for (let offset = 0, done = false; !done;) {
    const chunk = await app.invoke('vip.exportChunk', { exportId: file.exportId, offset });
    const bytes = Buffer.from(chunk.base64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    done = chunk.done;
  }
  const out = path.resolve(opts.out);
  try {
    await writeFile(out, Buffer.concat(parts));
  } catch (error) {
    throw new UserError({
      code: 'vip.cannotWrite',
      params: { file: out, detail: (error as Error).message },
      file: out,
    });
  }
  if (opts.json) {
    printJson({
      file: out,
      rows: file.rows,
      matched: file.matched,
      optedOut: file.optedOut,
      format,
      encoding: format === 'csv' ? opts.encoding : null,
      masked: file.masked,
      segment: opts.segment ?? null,
    });
    return;
  }
  const t = TEXTS[lang];
  console.log(t.wrote(out, formatCount(file.rows, lang)));
  console.log(t.optedOut(formatCount(file.optedOut, lang)));
  if (!file.masked) console.log(t.unmasked);
}

/** Replaces the `export vip` stub of cli/index.ts. */
export function registerExportVipCommand(exportCommand: Command, { open, lang }: VipCommandContext): void {
  exportCommand
    .command('vip')
    .description('导出 VIP 名单 (export a VIP list for SMS and e-mail campaigns)')
    .requiredOption('--out <file>', 'the file to write (.csv or .xlsx)')
    .option('--segment <name>', 'a saved segment (default: every customer)')
    .addOption(new Option('--format <f>', 'default: from --out, else csv').choices([...VIP_EXPORT_FORMATS]))
    .addOption(
      new Option('--encoding <e>', 'CSV text encoding: UTF-8 with BOM, or GBK')
        .choices([...CSV_ENCODINGS])
        .default('utf8'),
    )
    .option('--unmasked', 'names, phones and addresses in full (recorded in the operation log)')
    .option('--json', 'print one JSON document')
    .action(async (opts: ExportOptions) => {
      await open(async (app, jobId) => exportVip(app, jobId, opts, lang()), { reads: true });
    });
}

export function registerOptOutCommand(program: Command, { open, lang }: VipCommandContext): void {
  program
    .command('optout')
    .description('营销退订名单 (marketing opt-outs)')
    .command('import')
    .description('导入不接受营销的手机号或邮箱名单 (import phones or e-mails that refused marketing)')
    .argument('<file>', 'a text or CSV file of phones and e-mails')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      await open(async (app) => {
        const staged = await app.stagePath(file);
        const result = await app.invoke('privacy.importOptOuts', { fileId: staged.fileId });
        if (opts.json) {
          printJson(result);
          return;
        }
        const l = lang();
        const n = (v: number) => formatCount(v, l);
        console.log(
          TEXTS[l].optOuts(n(result.read), n(result.added), n(result.skipped), n(result.customersOptedOut)),
        );
      });
    });
}
