// A local Vendure 3.7 for vitrine: sql.js (wasm SQLite, no native build) in a file, the
// sample catalogue from @vendure/create on first start, the job queue and search index in
// this one process (sql.js cannot be shared), bearer tokens so the storefront keeps the
// session in its own cookie, and the dummy payment handler (metadata shouldDecline /
// shouldError simulate failures).
//   node server.js DATA_DIR PORT
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
    superadminCredentials: { identifier: 'superadmin', password: process.env.VENDURE_SUPERADMIN_PASSWORD || 'superadmin' },
  },
  dbConnectionOptions: { type: 'sqljs', location: dbFile, autoSave: true, synchronize: true, logging: false },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  importExportOptions: { importAssetsDir: path.join(sample, 'images') },
  plugins: [
    DefaultJobQueuePlugin.init({ pollInterval: 200 }),
    DefaultSearchPlugin.init({ bufferUpdates: false, indexStockStatus: true }),
    AssetServerPlugin.init({ route: 'assets', assetUploadDir: path.join(dataDir, 'assets') }),
  ],
};

(async () => {
  if (!fs.existsSync(dbFile)) {
    const started = Date.now();
    const app = await populate(
      () => bootstrap(config),
      require(path.join(sample, 'initial-data.json')),
      path.join(sample, 'products.csv'),
    );
    // Let the search index catch up with the import before this process closes.
    await app.get(JobQueueService).start();
    await new Promise((ok) => setTimeout(ok, 3000));
    await app.close();
    console.log(`vendure: sample catalogue imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const app = await bootstrap(config);
  await app.get(JobQueueService).start();
  console.log(`vendure: Shop API on http://127.0.0.1:${port}/shop-api`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
