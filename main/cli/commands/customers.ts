/**
 * `huike customers [--json] [--csv] [--limit N] [--segment NAME] [--search TEXT] [--unmasked]`:
 * every customer (or a saved segment's) across platforms (single-account ones included), most recent buyers first, with
 * its accounts. `--json` prints `{"customers":[{"id","displayName","accounts":[{"platform","shop",
 * "buyerKey"}],"orders","revenueFen",…}],"total","durationMs"}`: `orders` are paid orders,
 * `revenueFen` the net paid in CNY fen (`spend` has every currency), `buyerKey` the account's key as
 * the platform's export writes it, `platform` a `huike import --platform` name. `--csv` writes the
 * rows of the app's export. Both come from the customers.export channel, chunk by chunk to stdout.
 */
import type { Command } from 'commander';
import type { HuikeApp } from '../../api/app-types.js';
import type { ChannelInput, CustomerSpend } from '../../api/contract.js';
import { UserError } from '../../domain/errors.js';
import { CUSTOMER_SEGMENTS, type CustomersFilter } from '../../shared/customers-query.js';
import { formatCount, type MessageLanguage } from '../../shared/messages/index.js';
import { formatMoney } from '../../shared/money.js';

export interface CustomersCommandContext {
  open: <T>(work: (app: HuikeApp, jobId: string) => Promise<T>, options?: { reads?: boolean }) => Promise<T>;
  lang: () => MessageLanguage;
}

interface Options {
  json?: boolean;
  csv?: boolean;
  limit?: string;
  segment: string;
  search?: string;
  unmasked?: boolean;
}

const TEXTS = {
  'zh-CN': {
    none: '还没有客户。导入订单或载入示例店铺（huike demo）后，每位买家都是一位客户。',
    total: (shown: string, total: string) =>
      `共 ${total} 位客户${shown === total ? '' : `，列出 ${shown} 位`}`,
    line: (c: { id: string; name: string; accounts: string; orders: string; spend: string; last: string }) =>
      `#${c.id}  ${c.name}  ${c.accounts}  已付款订单 ${c.orders}  消费 ${c.spend}  最近下单 ${c.last}`,
    separator: '、',
    noName: '（无名）',
  },
  en: {
    none: 'No customers yet. Import orders or load the sample shop (huike demo): every buyer is a customer.',
    total: (shown: string, total: string) =>
      `${total} customers${shown === total ? '' : `, ${shown} listed`}`,
    line: (c: { id: string; name: string; accounts: string; orders: string; spend: string; last: string }) =>
      `#${c.id}  ${c.name}  ${c.accounts}  paid orders ${c.orders}  spent ${c.spend}  last order ${c.last}`,
    separator: ', ',
    noName: '(no name)',
  },
} as const;

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new UserError({ code: 'customers.badLimit', params: { value } });
  return Number(value);
}

/**
 * The filter `--segment NAME` stands for: a saved segment of that name (the VIP page's), else one
 * of the built-in ones (`all`: everyone). An unknown name is refused with every name there is.
 */
async function segmentFilter(app: HuikeApp, name: string, lang: MessageLanguage): Promise<CustomersFilter> {
  const saved = (await app.invoke('segments.list', {})).segments;
  const wanted = name.trim();
  const segment = saved.find((s) => s.name === wanted);
  if (segment) return segment.filter;
  if ((CUSTOMER_SEGMENTS as readonly string[]).includes(wanted)) return {};
  throw new UserError({
    code: 'customers.unknownSegment',
    params: {
      segment: name,
      known: [...CUSTOMER_SEGMENTS, ...saved.map((s) => s.name)].join(lang === 'zh-CN' ? '、' : ', '),
    },
  });
}

/** The export's bytes, chunk by chunk, as they come. */
async function* exportBytes(app: HuikeApp, input: ChannelInput<'customers.export'>): AsyncGenerator<Buffer> {
  const file = await app.invoke('customers.export', input);
  for (let offset = 0, done = false; !done;) {
    const chunk = await app.invoke('customers.exportChunk', { exportId: file.exportId, offset });
    const bytes = Buffer.from(chunk.base64, 'base64');
    offset += bytes.length;
    done = chunk.done;
    yield bytes;
  }
}

interface JsonCustomer {
  id: number;
  displayName: string | null;
  accounts: Array<{ platform: string; buyerKey: string; keyKind: string }>;
  orders: number;
  spend: CustomerSpend[];
  lastOrderAt: string | null;
}

function printHuman(doc: { customers: JsonCustomer[]; total: number }, lang: MessageLanguage): void {
  const t = TEXTS[lang];
  if (doc.customers.length === 0) {
    console.log(t.none);
    return;
  }
  for (const c of doc.customers) {
    console.log(
      t.line({
        id: String(c.id),
        name: c.displayName ?? t.noName,
        accounts: c.accounts.map((a) => `${a.platform}:${a.buyerKey}`).join(t.separator),
        orders: formatCount(c.orders, lang),
        spend: c.spend.map((s) => formatMoney(s.netFen, s.currency)).join(t.separator) || formatMoney(0),
        last: c.lastOrderAt?.slice(0, 10) ?? '—',
      }),
    );
  }
  console.log(t.total(formatCount(doc.customers.length, lang), formatCount(doc.total, lang)));
}

export function registerCustomersCommand(program: Command, { open, lang }: CustomersCommandContext): void {
  program
    .command('customers')
    .description(
      '客户列表：每位客户及其各平台的买家账号 (customers across platforms, with their buyer accounts)',
    )
    .option('--json', 'print one JSON document')
    .option('--csv', 'write the list as CSV (as the app exports it)')
    .option('--limit <n>', 'at most N customers, most recent buyers first')
    .option(
      '--segment <name>',
      `only the customers of a saved segment (VIP 名单), or ${CUSTOMER_SEGMENTS.join(', ')}`,
      'all',
    )
    .option('--search <text>', 'a name, phone digits, buyer key or order id')
    .option('--unmasked', 'names and phones in full (default: masked, as on screen)')
    .action(async (opts: Options) => {
      const limit = limitOf(opts.limit);
      await open(
        async (app, jobId) => {
          const filter = await segmentFilter(app, opts.segment, lang());
          const input: ChannelInput<'customers.export'> = {
            // --search narrows the segment further (it replaces a search the segment has).
            filter: opts.search ? { ...filter, q: opts.search } : filter,
            format: opts.csv ? 'csv' : 'json',
            masked: opts.unmasked !== true,
            lang: lang(),
            limit,
            jobId,
          };
          if (opts.csv || opts.json) {
            for await (const bytes of exportBytes(app, input)) process.stdout.write(bytes);
            return;
          }
          const parts: Buffer[] = [];
          for await (const bytes of exportBytes(app, input)) parts.push(bytes);
          printHuman(JSON.parse(Buffer.concat(parts).toString('utf8')) as never, lang());
        },
        { reads: true },
      );
    });
}
