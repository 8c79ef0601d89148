// Two storefront instances behind a round-robin balancer with no sticky sessions, on one
// PostgreSQL (their shared state) and one Vendure on PostgreSQL: a shopper's requests
// alternate between them while they add to the cart, create an account, check out with a
// double click on "Place order" whose two posts land one on each (one order), and guessing
// at an order's email is refused after ten guesses counted across both.
// Needs VITRINE_VENDURE and VITRINE_POSTGRES (`make test` sets both).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, startVendure, launchBrowser, watchedPage, hydrated, fillCheckout, screenshot } from './lib/harness.mjs';
import { psql } from '../../bench/lib/vendure.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';

const postgres = process.env.VITRINE_POSTGRES;
const ready = Boolean(postgres && process.env.VITRINE_VENDURE);

/** A load balancer as simple as they come: each request to the next instance in turn.
 *  `served` lists which instance answered what. */
async function roundRobin() {
  const upstreams = [];
  const served = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const n = next++ % upstreams.length;
    served.push({ instance: n, method: req.method, path: req.url.split('?')[0] });
    const to = new URL(upstreams[n]);
    const forward = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(forward);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    upstreams,
    served,
    /** The instances that answered `method path`. */
    answered: (method, path) => new Set(served.filter((s) => s.method === method && s.path === path).map((s) => s.instance)),
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

describe('two instances behind a balancer, on PostgreSQL and Vendure on PostgreSQL', { skip: !ready && 'needs VITRINE_VENDURE and VITRINE_POSTGRES (`make test` sets both)' }, () => {
  const shared = {};
  const schema = `journey_instances_${process.pid}`;
  before(async () => {
    shared.vendure = await startVendure({ postgres });
    psql(postgres, `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    shared.balancer = await roundRobin();
    const env = {
      VITRINE_BACKEND: 'vendure',
      VENDURE_SHOP_API: shared.vendure.shopApi,
      VENDURE_ORDER_PROOF_KEY: shared.vendure.proofKey,
      VITRINE_DATABASE_URL: `${postgres}?options=-csearch_path%3D${schema}`,
      VITRINE_SECRET: 'journey-instances-secret-journey-instances-secret',
      VITRINE_PUBLIC_URL: shared.balancer.url,
    };
    shared.instances = [await startServer(env), await startServer(env)];
    shared.balancer.upstreams.push(...shared.instances.map((i) => i.url));
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    for (const i of shared.instances ?? []) await i.stop();
    await shared.balancer?.close();
    await shared.vendure?.remove();
    psql(postgres, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  test('a shopper moving between instances keeps their cart and account, and a double click makes one order', async () => {
    const store = shared.balancer.url;
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(store + '/p/laptop');
    await hydrated(page);
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('drawer-checkout').waitFor();
    for (let i = 0; i < 2; i++) {
      await page.goto(store + '/cart');
      await page.locator('main').getByText('Laptop').first().waitFor();
    }

    await page.goto(store + '/account');
    await hydrated(page);
    const register = page.getByRole('region', { name: 'Create an account' });
    await register.getByLabel('Full name').fill('Mary Jackson');
    await register.getByLabel('Email').fill('mary@example.com');
    await register.getByLabel('Password').fill('wind tunnel 1958');
    await page.getByTestId('register').click();
    await page.getByTestId('account-email').waitFor();
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.getByTestId('account-email').waitFor();
    }

    // A double click on "Place order" is two posts of the same form (same attempt); sent at
    // once through the balancer, one lands on each instance.
    await page.goto(store + '/checkout');
    await hydrated(page);
    await fillCheckout(page, { email: 'mary@example.com' });
    const fields = await page.locator('form.checkout__form').evaluate((f) => Object.fromEntries(new FormData(f)));
    const post = () => context.request.post(store + '/api/checkout/place', {
      form: fields, headers: { origin: store, accept: 'application/json' }, maxRedirects: 0,
    });
    const before = shared.balancer.served.length;
    const answers = await Promise.all([post(), post()]);
    const places = shared.balancer.served.slice(before).filter((s) => s.path === '/api/checkout/place');
    assert.deepEqual(places.map((s) => s.instance).sort(), [0, 1], 'one post on each instance');
    const [first, second] = answers.map((a) => a.headers().location ?? '');
    assert.match(first, orderPage, `${answers[0].status()} ${await answers[0].text()}`);
    assert.equal(first.split('?')[0], second.split('?')[0], 'both clicks show the same order');
    assert.equal(shared.vendure.placedOrders('mary@example.com'), 1, 'Vendure holds one order');
    await page.goto(store + first);
    await page.getByTestId('order-code').waitFor();
    await screenshot(page, 'instances-order-390');

    await page.goto(store + '/account');
    await page.getByTestId('order-history').waitFor();
    assert.equal(await page.locator('.order-history__row').count(), 1, 'one order, not two');
    await screenshot(page, 'instances-account-390');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('ten wrong guesses at an order, spread over both instances, and the next is refused', async () => {
    const store = shared.balancer.url;
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(store + '/orders');
    await hydrated(page);
    const statuses = [];
    for (let i = 0; i <= 10; i++) {
      await page.getByLabel('Order number').fill('AAAAAAAAAAAAAAAA');
      await page.getByLabel('Email', { exact: true }).fill(`guess${i}@example.com`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/orders/lookup') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Find order' }).click();
      statuses.push((await answer).status());
      await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.disabled);
    }
    assert.deepEqual(statuses, [...Array(10).fill(422), 429]);
    await page.getByTestId('lookup-error').filter({ hasText: 'Too many tries' }).waitFor();
    await screenshot(page, 'instances-lookup-1280');
    assert.deepEqual([...shared.balancer.answered('POST', '/api/orders/lookup')].sort(), [0, 1], 'both instances took guesses');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
