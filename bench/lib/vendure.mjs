// Starts a live Vendure for journeys and benches: a copy of the pristine sample store made by
// `scripts/vendure.sh install`, served by the project's server.js on a free port.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Runs one statement on PostgreSQL at `url` (Debian's psql). */
export function psql(url, sql) {
  return execFileSync('psql', [url, '-qtAX', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' }).trim();
}

/** A live Vendure on a copy of the pristine sample store (`scripts/vendure.sh install`), or
 *  null when VITRINE_VENDURE is not set (`make test` sets it). `stop()` and `start()` again
 *  keep the same data and port, for outage journeys. With `postgres` (a server URL, as
 *  VITRINE_POSTGRES names it) its store is a database copied from `vendure_pristine`
 *  (`VENDURE_DB=postgres scripts/vendure.sh install`), dropped by `remove()`. */
export async function startVendure({ postgres = null } = {}) {
  const home = process.env.VITRINE_VENDURE;
  if (!home) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-vendure-'));
  cpSync(join(home, postgres ? 'pristine-pg' : 'pristine'), dataDir, { recursive: true });
  const port = await new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
  const database = postgres && `vendure_journey_${port}`;
  const store = {};
  if (database) {
    psql(postgres, `DROP DATABASE IF EXISTS ${database}`);
    psql(postgres, `CREATE DATABASE ${database} TEMPLATE vendure_pristine`);
    store.VITRINE_VENDURE_POSTGRES = `${postgres.replace(/\/[^/]*$/, '')}/${database}`;
  }
  let child;
  const vendure = {
    shopApi: `http://127.0.0.1:${port}/shop-api`,
    // The storefront proves with it that it checked who may read an order (server.js).
    proofKey: randomBytes(16).toString('hex'),
    async start() {
      child = spawn('node', [join(home, 'server.js'), dataDir, String(port)], {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, ...store, VITRINE_ORDER_PROOF_KEY: vendure.proofKey },
      });
      await new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('Vendure did not start in 90 s')), 90_000);
        child.stdout.on('data', (d) => { if (String(d).includes('Shop API on')) { clearTimeout(timer); ok(); } });
        child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`Vendure exited ${code}`)); });
      });
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
    async remove() {
      await vendure.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (database) psql(postgres, `DROP DATABASE IF EXISTS ${database}`);
    },
    /** Vendure's own count of placed orders by `email` (on PostgreSQL): what a double
     *  placement would show, whatever the storefront says. */
    placedOrders(email) {
      if (!database) throw new Error('orders are counted on PostgreSQL');
      return Number(psql(store.VITRINE_VENDURE_POSTGRES, `SELECT count(*) FROM "order" o JOIN customer c ON c.id = o."customerId" WHERE c."emailAddress" = '${email.replace(/'/g, "''")}' AND o."orderPlacedAt" IS NOT NULL`));
    },
  };
  await vendure.start();
  return vendure;
}

/** An operator at Vendure's Admin API (the sample's superadmin): what a warehouse does to an
 *  order after it is paid, for journeys that follow an order to the door. */
export function vendureOperator(vendure) {
  const adminApi = vendure.shopApi.replace(/shop-api$/, 'admin-api');
  let token = null;
  async function call(query, variables = {}) {
    const res = await fetch(adminApi, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    token = res.headers.get('vendure-auth-token') || token;
    const { data, errors } = await res.json();
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  }
  async function result(value) {
    if (value.errorCode) throw new Error(`${value.errorCode}: ${value.message}`);
    return value;
  }
  const fulfilment = '... on Fulfillment { id state } ... on ErrorResult { errorCode message }';
  return {
    /** Sends every line of order `code` with `carrier` under `trackingCode`; resolves to the
     *  parcel's id. */
    async ship(code, carrier, trackingCode) {
      if (!token) await call('mutation { login(username: "superadmin", password: "superadmin") { __typename } }');
      const { orders } = await call('query ($code: String!) { orders(options: { filter: { code: { eq: $code } } }) { items { lines { id quantity } } } }', { code });
      const lines = orders.items[0].lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
      const handler = { code: 'manual-fulfillment', arguments: [{ name: 'method', value: carrier }, { name: 'trackingCode', value: trackingCode }] };
      const added = await result((await call(`mutation ($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) { ${fulfilment} } }`, { input: { lines, handler } })).addFulfillmentToOrder);
      await this.move(added.id, 'Shipped');
      return added.id;
    },
    /** Lowers variant `id`'s price (before tax) by `by` minor units: a sale. */
    async lowerPrice(id, by) {
      if (!token) await call('mutation { login(username: "superadmin", password: "superadmin") { __typename } }');
      const { productVariant } = await call('query ($id: ID!) { productVariant(id: $id) { price } }', { id });
      await call('mutation ($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }',
        { input: [{ id, price: productVariant.price - by }] });
    },
    /** A promotion taking `percent` off the products `slugs` (every variant) whenever the
     *  order holds one of each: what a store owner sets up in Vendure for a bundle. */
    async bundlePromotion(slugs, percent, name) {
      if (!token) await call('mutation { login(username: "superadmin", password: "superadmin") { __typename } }');
      const each = [];
      for (const slug of slugs) {
        const { product } = await call('query ($slug: String!) { product(slug: $slug) { variants { id } } }', { slug });
        each.push(product.variants.map((v) => v.id));
      }
      const arg = (name, value) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
      const input = {
        enabled: true,
        conditions: each.map((ids) => ({ code: 'contains_products', arguments: [arg('minimum', '1'), arg('productVariantIds', ids)] })),
        actions: [{ code: 'products_percentage_discount', arguments: [arg('discount', String(percent)), arg('productVariantIds', each.flat())] }],
        translations: [{ languageCode: 'en', name }],
      };
      return result((await call('mutation ($input: CreatePromotionInput!) { createPromotion(input: $input) { ... on Promotion { id } ... on ErrorResult { errorCode message } } }', { input })).createPromotion);
    },
    /** Moves a parcel on: 'Shipped', 'Delivered'. */
    async move(id, state) {
      return result((await call(`mutation ($id: ID!, $state: String!) { transitionFulfillmentToState(id: $id, state: $state) { ${fulfilment} } }`, { id, state })).transitionFulfillmentToState);
    },
  };
}

