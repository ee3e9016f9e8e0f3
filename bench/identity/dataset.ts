/**
 * A labelled dataset for the buyer merge: real-format export files, one per platform (and per
 * phase: the base span, then optionally the month after it), with the truth beside them — the
 * buyer and receiver person of every order, the person of every account, households and gifts.
 *
 * Cached like bench/.data: one folder per preset + size + seed + month + generator version,
 * written under a .tmp name and renamed when complete, with dataset.meta (JSON: files, sizes, counts)
 * written last. A folder is reused when its dataset.meta names this version and every file still has
 * its size.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvCell } from '../generate/cells.js';
import { writeCsv } from '../generate/csv-writer.js';
import type { FileEncoding } from '../generate/format-spec.js';
import { createDouyinLayout } from '../generate/formats/douyin.js';
import { createJdLayout } from '../generate/formats/jd.js';
import { createPddLayout } from '../generate/formats/pdd.js';
import { createShopifyLayout } from '../generate/formats/shopify.js';
import { createTmallLayout } from '../generate/formats/tmall.js';
import { createYouzanLayout } from '../generate/formats/youzan.js';
import { OrderFactory } from '../generate/orders.js';
import { BUYER_NOTES } from '../generate/vocabulary.js';
import { Rng, hashSeed } from '../lib/prng.js';
import { sizeLabel } from '../lib/units.js';
import { DOUYIN_EXTENDED, JD_30, PDD_2024, SHOPIFY, YOUZAN_ORDERS } from '../../tests/fixtures/headers.js';
import { decideDelivery, orderRng, typeEntry, type DeliveryKind } from './delivery.js';
import {
  douyinParty,
  jdParty,
  pddParty,
  shopifyParty,
  tmallParty,
  youzanParty,
  type PhoneShown,
} from './display.js';
import {
  IDENTITY_GENERATOR_VERSION,
  IDENTITY_PLATFORMS,
  PRESETS,
  type DatasetSpec,
  type IdentityParams,
  type IdentityPlatform,
} from './params.js';
import { VirtualNumbers } from './phones.js';
import { planPhase, type PlannedOrder } from './plan.js';
import { buildWorld, type Phase, type World } from './world.js';

/** How each platform's file is stored: as the real exports are. */
const FILE_FORMAT: Record<
  IdentityPlatform,
  { encoding: FileEncoding; eol: '\r\n' | '\n'; header: readonly string[] }
> = {
  tmall: { encoding: 'gbk', eol: '\r\n', header: createTmallLayout('3').header },
  jd: { encoding: 'gbk', eol: '\r\n', header: JD_30 },
  pdd: { encoding: 'utf-8-bom', eol: '\r\n', header: PDD_2024 },
  douyin: { encoding: 'utf-8-bom', eol: '\n', header: DOUYIN_EXTENDED },
  youzan: { encoding: 'utf-8-bom', eol: '\r\n', header: YOUZAN_ORDERS },
  shopify: { encoding: 'utf-8', eol: '\n', header: SHOPIFY },
};

export interface DatasetFile {
  phase: Phase;
  platform: IdentityPlatform;
  /** The importer's --platform name for the file. */
  format: IdentityPlatform;
  /** Relative to the dataset folder. */
  path: string;
  encoding: FileEncoding;
  rows: number;
  orders: number;
  bytes: number;
}

export interface DatasetCounts {
  persons: number;
  households: number;
  accounts: Record<Phase, number>;
  orders: Record<Phase, number>;
  /** Orders by where they went. */
  deliveries: Record<DeliveryKind, number>;
  /** Orders by what the file shows of the phone. */
  phones: Record<PhoneShown, number>;
  /** Orders that show an e-mail. */
  emails: number;
}

export interface DatasetMeta {
  version: number;
  spec: DatasetSpec;
  params: IdentityParams;
  files: DatasetFile[];
  counts: DatasetCounts;
}

export interface Dataset {
  dir: string;
  meta: DatasetMeta;
  /** Seconds spent generating it in this run; null when it came from the cache. */
  generatedS: number | null;
}

export const TRUTH_FILES = {
  orders: 'truth/orders.csv',
  accounts: 'truth/accounts.csv',
  persons: 'truth/persons.csv',
} as const;

export function datasetName(spec: DatasetSpec): string {
  const unit = { persons: 'p', accounts: 'a', orders: 'o' }[spec.size.unit];
  const month = spec.monthNewAccounts > 0 ? `-m${sizeLabel(spec.monthNewAccounts)}` : '';
  return `identity-${spec.preset}-${unit}${sizeLabel(spec.size.count)}-seed${spec.seed}${month}-v${IDENTITY_GENERATOR_VERSION}`;
}

/** The dataset for `spec` under `dataDir`, generated unless a complete copy is there. */
export async function ensureDataset(
  dataDir: string,
  spec: DatasetSpec,
  log: (line: string) => void = () => {},
): Promise<Dataset> {
  const dir = path.join(dataDir, datasetName(spec));
  const cached = await readMeta(dir);
  if (cached) return { dir, meta: cached, generatedS: null };

  log(`generating ${datasetName(spec)} → ${path.relative(process.cwd(), dir)}`);
  const started = performance.now();
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(path.join(tmp, 'truth'), { recursive: true });
  const meta = await generate(tmp, spec);
  await writeFile(path.join(tmp, 'dataset.meta'), JSON.stringify(meta, null, 2));
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return { dir, meta, generatedS: (performance.now() - started) / 1000 };
}

async function readMeta(dir: string): Promise<DatasetMeta | null> {
  try {
    const meta = JSON.parse(await readFile(path.join(dir, 'dataset.meta'), 'utf8')) as DatasetMeta;
    if (meta.version !== IDENTITY_GENERATOR_VERSION) return null;
    for (const f of meta.files) {
      if ((await stat(path.join(dir, f.path))).size !== f.bytes) return null;
    }
    return meta;
  } catch {
    return null;
  }
}

/** Writes lines through a 1 MB buffer with plain synchronous writes: the truth beside the rows. */
class LineSink {
  private buffer = '';
  private readonly fd: number;

  constructor(file: string, header: readonly string[]) {
    this.fd = openSync(file, 'w');
    this.line(header);
  }

  line(cells: readonly (string | number)[]): void {
    this.buffer += cells.map((c) => csvCell(String(c))).join(',') + '\n';
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The order id as the importer stores it: Tmall's `="…"` and 拼多多/抖店's leading tab removed. */
function storedId(written: string): string {
  return written.replace(/^="(.*)"$/, '$1').replace(/^\t/, '');
}

async function generate(dir: string, spec: DatasetSpec): Promise<DatasetMeta> {
  const params = PRESETS[spec.preset];
  const world = buildWorld(params, spec.size, spec.seed, spec.monthNewAccounts);
  const counts: DatasetCounts = {
    persons: world.persons.length,
    households: world.households.length,
    accounts: {
      base: world.accounts.filter((a) => a.phase === 'base').length,
      month: world.accounts.filter((a) => a.phase === 'month').length,
    },
    orders: { base: 0, month: 0 },
    deliveries: { home: 0, office: 0, pickup: 0, gift: 0 },
    phones: { full: 0, masked: 0, virtual: 0, cipher: 0 },
    emails: 0,
  };
  const truth = new LineSink(path.join(dir, TRUTH_FILES.orders), [
    'phase',
    'platform',
    'order_id',
    'account',
    'buyer_person',
    'receiver_person',
    'delivery',
    'phone_shown',
    'email_shown',
  ]);
  const files: DatasetFile[] = [];
  const phases: Phase[] = spec.monthNewAccounts > 0 ? ['base', 'month'] : ['base'];
  const baseOrders = new Map<IdentityPlatform, number>();
  let virtual: VirtualNumbers | null = null;
  try {
    for (const phase of phases) {
      const plan = planPhase(world, spec.seed, phase);
      if (!virtual) {
        // Privacy numbers are reused by many orders: about ten each.
        const tmallOrders = plan.get('tmall')?.length ?? 0;
        virtual = new VirtualNumbers(
          new Rng(hashSeed(`identity:virtual:${spec.seed}`)),
          Math.max(20, tmallOrders / 200),
        );
      }
      await mkdir(path.join(dir, phase), { recursive: true });
      for (const platform of IDENTITY_PLATFORMS) {
        const orders = plan.get(platform);
        if (!orders || orders.length === 0) continue;
        const file = `${phase}/${platform}.csv`;
        const format = FILE_FORMAT[platform];
        let rows = 0;
        const stream = function* () {
          for (const row of platformRows(world, params, spec.seed, phase, platform, orders, {
            firstSeq: phase === 'month' ? (baseOrders.get(platform) ?? 0) : 0,
            virtual: virtual!,
            onOrder: (o, id, shown) => {
              counts.orders[phase]++;
              counts.deliveries[shown.delivery]++;
              counts.phones[shown.phone]++;
              if (shown.email) counts.emails++;
              truth.line([
                phase,
                platform,
                id,
                o.account.id,
                o.account.personId,
                shown.receiver,
                shown.delivery,
                shown.phone,
                shown.email ? 1 : 0,
              ]);
            },
          })) {
            rows++;
            yield row;
          }
        };
        const bytes = await writeCsv(path.join(dir, file), {
          header: format.header,
          rows: stream(),
          encoding: format.encoding,
          eol: format.eol,
        });
        if (phase === 'base') baseOrders.set(platform, orders.length);
        files.push({
          phase,
          platform,
          format: platform,
          path: file,
          encoding: format.encoding,
          rows,
          orders: orders.length,
          bytes,
        });
      }
    }
  } finally {
    truth.close();
  }
  writeWorldTruth(dir, world);
  return { version: IDENTITY_GENERATOR_VERSION, spec, params, files, counts };
}

interface OrderShown {
  receiver: number;
  delivery: DeliveryKind;
  phone: PhoneShown;
  email: boolean;
}

/** One platform's rows of one phase, order by order, reporting each order's truth. */
function* platformRows(
  world: World,
  params: IdentityParams,
  seed: number,
  phase: Phase,
  platform: IdentityPlatform,
  orders: readonly PlannedOrder[],
  options: {
    firstSeq: number;
    virtual: VirtualNumbers;
    onOrder: (o: PlannedOrder, storedId: string, shown: OrderShown) => void;
  },
): Generator<string[]> {
  const factory = new OrderFactory({
    seed: hashSeed(`identity:${platform}:${phase}:${seed}`),
    loginPrefix: '',
    expectedOrders: orders.length,
    notes: platform === 'tmall' || platform === 'youzan' ? BUYER_NOTES : undefined,
    firstSeq: options.firstSeq,
  });
  const rng = factory.rng;
  const tmall = platform === 'tmall' ? createTmallLayout('3') : null;
  const jd = platform === 'jd' ? createJdLayout() : null;
  const pdd = platform === 'pdd' ? createPddLayout(PDD_2024) : null;
  const douyin = platform === 'douyin' ? createDouyinLayout() : null;
  const youzan = platform === 'youzan' ? createYouzanLayout() : null;
  const shopify = platform === 'shopify' ? createShopifyLayout('cny') : null;

  for (const o of orders) {
    const body = factory.bodyAt(o.at);
    const day = Math.floor(o.at / 86_400);
    const r = orderRng(seed, phase, o.account.id, o.k);
    const d = decideDelivery(world, params, r, o.account, day);
    const e = typeEntry(seed, params, o.account, d);
    const buyerPhone = world.phoneAt(d.buyer, day);
    const base = { receiver: d.receiver.id, delivery: d.kind };
    let id: string;
    let rows: string[][];
    let phone: PhoneShown;
    let email = false;
    if (tmall) {
      const shown = tmallParty(r, params, o.account, d, e, buyerPhone, options.virtual);
      const out = tmall.row(body, rng, () => shown.party);
      ({ id } = out);
      rows = [out.cells];
      phone = shown.phone;
    } else if (jd) {
      const shown = jdParty(params, o.account, d, e);
      ({ id, rows } = jd.rows(body, rng, shown.party));
      phone = shown.phone;
    } else if (pdd) {
      const shown = pddParty(r, params, o.account, d, e, buyerPhone);
      ({ id, rows } = pdd.rows(body, rng, shown.party));
      phone = shown.phone;
    } else if (douyin) {
      const shown = douyinParty(params, o.account, d, e, r.chance(params.douyinCipherRate));
      ({ id, rows } = douyin.rows(body, rng, shown.partyOf, true));
      phone = shown.phone;
    } else if (youzan) {
      const shown = youzanParty(o.account, d, e);
      const out = youzan.row(body, rng, shown.party, () => shown.buyerPhone);
      ({ id } = out);
      rows = [out.cells];
      phone = shown.phone;
    } else {
      const shown = shopifyParty(o.account, d, e);
      ({ id, rows } = shopify!.rows(body, rng, shown.party));
      phone = shown.phone;
      email = shown.email;
    }
    options.onOrder(o, storedId(id), { ...base, phone, email });
    yield* rows;
  }
}

/** accounts.csv and persons.csv: who holds each account, and each person's household and phones. */
function writeWorldTruth(dir: string, world: World): void {
  const accounts = new LineSink(path.join(dir, TRUTH_FILES.accounts), [
    'account',
    'platform',
    'phase',
    'person',
    'household',
    'second',
    'key_kind',
    'key',
  ]);
  for (const a of world.accounts) {
    const p = world.personById(a.personId);
    accounts.line([a.id, a.platform, a.phase, a.personId, p.householdId, a.second ? 1 : 0, a.keyKind, a.key]);
  }
  accounts.close();
  const persons = new LineSink(path.join(dir, TRUTH_FILES.persons), [
    'person',
    'household',
    'phase',
    'name',
    'sex',
    'accounts',
    'phones',
    'shares_phone_of',
    'contacts',
  ]);
  for (const p of world.persons) {
    const owner = p.sharesPhoneOf === null ? p : world.personById(p.sharesPhoneOf);
    persons.line([
      p.id,
      p.householdId,
      p.phase,
      p.name,
      p.sex,
      p.accounts.length,
      owner.phones.map((x) => x.value).join('|'),
      p.sharesPhoneOf ?? '',
      p.contacts.join(' '),
    ]);
  }
  persons.close();
}
