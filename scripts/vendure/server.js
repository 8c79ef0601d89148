// A local Vendure 3.7 for vitrine: sql.js (wasm SQLite, no native build) in a file, the
// sample catalogue from @vendure/create on first start, the job queue and search index in
// this one process (sql.js cannot be shared), bearer tokens so the storefront keeps the
// session in its own cookie, and the dummy payment handler (metadata shouldDecline /
// shouldError simulate failures).
//   node server.js DATA_DIR PORT [--populate-only]
'use strict';
process.env.VENDURE_DISABLE_TELEMETRY = 'true';
const path = require('path');
const fs = require('fs');
const {
  bootstrap, DefaultJobQueuePlugin, DefaultSearchPlugin, dummyPaymentHandler, JobQueueService,
} = require('@vendure/core');
const { populate } = require('@vendure/core/cli/populate');
const { AssetServerPlugin } = require('@vendure/asset-server-plugin');

const dataDir = path.resolve(process.argv[2] || 'data/vendure');
const port = Number(process.argv[3] || 3100);
const populateOnly = process.argv.includes('--populate-only');
const dbFile = path.join(dataDir, 'vendure.sqlite');
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
  dbConnectionOptions: { type: 'sqljs', location: dbFile, autoSave: true, synchronize: true, logging: false },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  catalogOptions: {
    // Exact units rather than IN_STOCK/LOW_STOCK words, so the storefront can say "only 3
    // left" and cap quantities (the adapter also understands the words).
    stockDisplayStrategy: { getStockLevel: (ctx, variant, saleable) => String(Math.max(0, saleable)) },
  },
  orderOptions: {
    // The storefront checks the signed tracking link or number + email before it asks, and
    // this API listens on loopback only; Vendure's default would hide orders after 2 hours.
    orderByCodeAccessStrategy: { canAccessOrder: () => true },
  },
  importExportOptions: { importAssetsDir: path.join(sample, 'images') },
  plugins: [
    DefaultJobQueuePlugin.init({ pollInterval: 200 }),
    DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true }),
    AssetServerPlugin.init({ route: 'assets', assetUploadDir: path.join(dataDir, 'assets') }),
  ],
};

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

(async () => {
  if (!fs.existsSync(dbFile)) {
    const started = Date.now();
    const app = await populate(
      () => bootstrap(config),
      initialData(),
      path.join(sample, 'products.csv'),
    );
    // Let the search index catch up with the import before this process closes.
    await app.get(JobQueueService).start();
    await new Promise((ok) => setTimeout(ok, 3000));
    await app.close();
    console.log(`vendure: sample catalogue imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (populateOnly) return;
  const app = await bootstrap(config);
  await app.get(JobQueueService).start();
  console.log(`vendure: Shop API on http://127.0.0.1:${port}/shop-api`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
