// A local Vendure 3.7 for vitrine: sql.js (wasm SQLite, no native build) in a file, or the
// PostgreSQL database VITRINE_VENDURE_POSTGRES names (postgres://…, made empty or copied from
// a populated one), the sample catalogue from @vendure/create on first start, the job queue
// and search index in this one process, bearer tokens so the storefront keeps the
// session in its own cookie, and the dummy payment handler (metadata shouldDecline /
// shouldError simulate failures). On top of the sample, what the storefront's journeys use
// on every backend: gift fields on the order, a welcome coupon and an expired one, and one
// item nearly sold out.
//   node server.js DATA_DIR PORT [--populate-only]
'use strict';
process.env.VENDURE_DISABLE_TELEMETRY = 'true';
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const {
  bootstrap, ChannelService, CollectionService, DefaultJobQueuePlugin, DefaultSearchPlugin,
  dummyPaymentHandler, GlobalSettingsService, JobQueueService, ProductService, PromotionService,
  RequestContextService, SearchService, TransactionalConnection,
} = require('@vendure/core');
const { populate } = require('@vendure/core/cli/populate');
const { AssetServerPlugin } = require('@vendure/asset-server-plugin');

// VITRINE_VENDURE_STOCK=1: Vendure as it comes (no custom fields, its own order access
// rule), for the adapter's test against a stock server.
const stock = process.env.VITRINE_VENDURE_STOCK === '1';
// The key the storefront signs order codes with (its VENDURE_ORDER_PROOF_KEY): an order is
// read by code only with that proof, or by its own customer's session.
const proofKey = process.env.VITRINE_ORDER_PROOF_KEY || '';
const dataDir = path.resolve(process.argv[2] || 'data/vendure');
const port = Number(process.argv[3] || 3100);
const populateOnly = process.argv.includes('--populate-only');
const postgres = process.env.VITRINE_VENDURE_POSTGRES || '';
// sql.js keeps the whole store in this file; on PostgreSQL the file only says the database
// was populated (a copy of a populated database comes with it).
const dbFile = path.join(dataDir, postgres ? 'vendure.postgres' : 'vendure.sqlite');
const sample = path.dirname(require.resolve('@vendure/create/assets/initial-data.json'));
fs.mkdirSync(dataDir, { recursive: true });

const config = {
  apiOptions: {
    hostname: '127.0.0.1',
    port,
    shopApiPath: 'shop-api',
    adminApiPath: 'admin-api',
    // Only the storefront's server calls this API; browsers never do.
    cors: { origin: false },
  },
  authOptions: {
    tokenMethod: ['bearer'],
    // No mail server here to confirm addresses; a real store keeps verification on.
    requireVerification: false,
    superadminCredentials: { identifier: 'superadmin', password: process.env.VENDURE_SUPERADMIN_PASSWORD || 'superadmin' },
  },
  dbConnectionOptions: postgres
    ? { type: 'postgres', url: postgres, synchronize: true, logging: false }
    : { type: 'sqljs', location: dbFile, autoSave: true, synchronize: true, logging: false },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  catalogOptions: {
    // Exact units rather than IN_STOCK/LOW_STOCK words, so the storefront can say "only 3
    // left" and cap quantities (the adapter also understands the words).
    stockDisplayStrategy: { getStockLevel: (ctx, variant, saleable) => String(Math.max(0, saleable)) },
  },
  // Vendure's default lets anyone read any guest order by its code for 2 hours, and hides it
  // from the storefront after that. The storefront checks the signed tracking link, or the
  // order number and email, and then proves it did with an HMAC of the code.
  orderOptions: stock ? {} : { orderByCodeAccessStrategy: { canAccessOrder: canAccessOrder } },
  importExportOptions: { importAssetsDir: path.join(sample, 'images') },
  // A gift ships to someone else with a note; the storefront sets these through the Shop API.
  customFields: stock ? {} : {
    Order: [
      { name: 'giftMessage', type: 'string', length: 300, nullable: true, public: true },
      { name: 'giftHidePrices', type: 'boolean', defaultValue: false, nullable: false, public: true },
    ],
  },
  plugins: [
    DefaultJobQueuePlugin.init({ pollInterval: 200 }),
    DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true }),
    AssetServerPlugin.init({ route: 'assets', assetUploadDir: path.join(dataDir, 'assets') }),
  ],
};

function canAccessOrder(ctx, order) {
  const owner = order && order.customer && order.customer.user && order.customer.user.id;
  if (ctx.activeUserId && owner === ctx.activeUserId) return true;
  const proof = ctx.req && ctx.req.headers && ctx.req.headers['vitrine-order-proof'];
  if (!proofKey || typeof proof !== 'string') return false;
  const want = crypto.createHmac('sha256', proofKey).update(order.code).digest('hex');
  return proof.length === want.length && crypto.timingSafeEqual(Buffer.from(proof), Buffer.from(want));
}

// The sample data, with the card payment captured at once (as the storefront's own gateway
// does) rather than only authorised.
function initialData() {
  const data = JSON.parse(fs.readFileSync(path.join(sample, 'initial-data.json'), 'utf8'));
  for (const method of data.paymentMethods) {
    for (const arg of method.handler.arguments) {
      if (arg.name === 'automaticSettle') arg.value = 'true';
    }
  }
  return data;
}

// The import queues the search index in jobs that may not all have run when a process stops;
// a short index means products search cannot find. Rebuild it until every product is in.
async function ensureSearchIndex(app) {
  const db = app.get(TransactionalConnection).rawConnection;
  const count = async (sql) => Number((await db.query(sql))[0].n);
  const products = await count('SELECT COUNT(*) AS n FROM product WHERE "deletedAt" IS NULL');
  const indexed = () => count('SELECT COUNT(DISTINCT "productId") AS n FROM search_index_item');
  if ((await indexed()) >= products) return;
  const ctx = await app.get(RequestContextService).create({ apiType: 'admin' });
  await app.get(SearchService).reindex(ctx);
  const deadline = Date.now() + 120_000;
  while ((await indexed()) < products) {
    if (Date.now() > deadline) throw new Error(`search index stuck below ${products} products`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
  console.log(`vendure: search index rebuilt (${products} products)`);
}

// Jobs still queued when the populating process stops would run when a copy starts, and a
// search-index job running then empties results for a moment: let them all finish first.
async function drainJobs(app) {
  const db = app.get(TransactionalConnection).rawConnection;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ n }] = await db.query("SELECT COUNT(*) AS n FROM job_record WHERE state IN ('PENDING', 'RUNNING', 'RETRYING')");
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} Vendure jobs still queued after 120 s`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

// The storefront's test store has coupons and scarce items; so does this one.
async function storeExtras(app) {
  const ctx = await app.get(RequestContextService).create({ apiType: 'admin' });
  const promotions = app.get(PromotionService);
  const percentOff = (percent) => ({
    code: 'order_percentage_discount',
    arguments: [{ name: 'discount', value: String(percent) }],
  });
  await promotions.createPromotion(ctx, {
    enabled: true, couponCode: 'WELCOME10', conditions: [], actions: [percentOff(10)],
    translations: [{ languageCode: 'en', name: '10% off your first order' }],
  });
  await promotions.createPromotion(ctx, {
    enabled: true, couponCode: 'SUMMER25', conditions: [], actions: [percentOff(25)],
    startsAt: new Date('2026-06-01T00:00:00Z'), endsAt: new Date('2026-09-30T23:59:59Z'),
    translations: [{ languageCode: 'en', name: 'Summer sale' }],
  });
  await languages(app, ctx);
  const db = app.get(TransactionalConnection).rawConnection;
  await db.query(`UPDATE stock_level SET "stockOnHand" = 4 WHERE "productVariantId" IN
    (SELECT v.id FROM product_variant v JOIN product_translation t ON t."baseId" = v."productId"
     WHERE t.slug = 'hand-trowel')`);
}

// The storefront asks in the shopper's language (the Shop API's languageCode). The channel
// offers the store's four; the laptop and its collection are translated and everything else
// falls back to English, as in a catalogue part-way through translation.
async function languages(app, ctx) {
  const codes = ['en', 'zh', 'fa', 'ru'];
  await app.get(GlobalSettingsService).updateSettings(ctx, { availableLanguages: codes });
  const channels = app.get(ChannelService);
  const channel = await channels.getDefaultChannel();
  await channels.update(ctx, { id: channel.id, availableLanguageCodes: codes });
  const db = app.get(TransactionalConnection).rawConnection;
  const idOf = async (table, slug) =>
    (await db.query(`SELECT "baseId" AS id FROM ${table}_translation WHERE slug = ${postgres ? '$1' : '?'} AND "languageCode" = 'en'`, [slug]))[0].id;
  await app.get(ProductService).update(ctx, {
    id: await idOf('product', 'laptop'),
    translations: [
      { languageCode: 'zh', name: '笔记本电脑', slug: 'laptop', description: '轻薄耐用的笔记本电脑，续航一整天。' },
      { languageCode: 'fa', name: 'لپ‌تاپ', slug: 'laptop', description: 'لپ‌تاپی سبک و بادوام با باتری یک‌روزه.' },
      { languageCode: 'ru', name: 'Ноутбук', slug: 'laptop', description: 'Лёгкий и прочный ноутбук, который работает весь день.' },
    ],
  });
  await app.get(CollectionService).update(ctx, {
    id: await idOf('collection', 'computers'),
    translations: [
      { languageCode: 'zh', name: '电脑', slug: 'computers', description: '' },
      { languageCode: 'fa', name: 'رایانه', slug: 'computers', description: '' },
      { languageCode: 'ru', name: 'Компьютеры', slug: 'computers', description: '' },
    ],
  });
}

(async () => {
  if (!fs.existsSync(dbFile)) {
    const started = Date.now();
    const app = await populate(
      () => bootstrap(config),
      initialData(),
      path.join(sample, 'products.csv'),
    );
    await app.get(JobQueueService).start();
    await storeExtras(app);
    await ensureSearchIndex(app);
    await drainJobs(app);
    await app.close();
    if (postgres) fs.writeFileSync(dbFile, 'populated\n');
    console.log(`vendure: sample catalogue imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (populateOnly) return;
  const app = await bootstrap(config);
  await app.get(JobQueueService).start();
  await ensureSearchIndex(app);
  console.log(`vendure: Shop API on http://127.0.0.1:${port}/shop-api`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
