// Taps while the wasm starts, on every backend. The store's HTML arrives first and the wasm only
// after the page has loaded, so a shopper can tap before any island is hydrated, while the
// wasm is starting, or after. Add to cart, Buy now and Place order must each do their job
// exactly once at every one of those moments: the plain form before, the island after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, fillCheckout } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';

const WASM = /\/pkg\/(forms\/)?vitrine_bg\.wasm$/;

/** Holds the page's wasm until the returned function is called: the HTML is on screen and no
 *  island is hydrated. */
async function holdWasm(page) {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(WASM, async (route) => {
    await gate;
    await route.continue().catch(() => {}); // the page may have moved on (a plain form post)
  });
  return release;
}

/** Brings the page to `moment` ('before', 'during' or 'after' hydration); call after `goto`
 *  with the wasm held. */
async function reach(page, moment, release) {
  if (moment === 'before') return;
  const arrived = page.waitForResponse(WASM);
  release();
  await arrived;
  if (moment === 'after') await hydrated(page);
}

/** How many items the cart holds, as the cart page shows it. */
async function itemsInCart(page, base) {
  await page.goto(base + '/cart');
  const values = await page.locator('.cart-line .stepper__value').allInnerTexts();
  return values.reduce((sum, v) => sum + Number(v), 0);
}

const MOMENTS = ['before', 'during', 'after'];

onEveryBackend((shared, c) => {

test('Add to cart and Buy now tapped before, during and after hydration each add exactly one', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const base = shared.server.url;
  let expected = 0;
  for (const moment of MOMENTS) {
    const release = await holdWasm(page);
    await page.goto(base + c.products[0]);
    await reach(page, moment, release);
    await page.getByTestId('add-to-cart').click();
    // Before hydration the plain form lands on the cart page; hydrated, the drawer opens.
    await Promise.race([page.waitForURL('**/cart'), page.getByRole('dialog').waitFor()]);
    expected += 1;
    assert.equal(await itemsInCart(page, base), expected, `Add to cart ${moment} hydration adds one`);
  }
  for (const moment of MOMENTS) {
    const release = await holdWasm(page);
    await page.goto(base + c.products[0]);
    await reach(page, moment, release);
    await page.getByTestId('buy-now').click();
    await page.waitForURL('**/checkout');
    expected += 1;
    assert.equal(await itemsInCart(page, base), expected, `Buy now ${moment} hydration adds one`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Place order tapped before, during and after hydration places exactly one order each time', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  const base = shared.server.url;
  // A new account, so its order history counts exactly the orders placed here.
  const email = `taps-${Date.now()}@example.com`;
  await page.goto(base + '/account');
  await hydrated(page);
  await page.locator('#register-name').fill('Tess Tapper');
  await page.locator('#register-email').fill(email);
  await page.locator('#register-password').fill('correct horse battery');
  await page.getByTestId('register').click();
  await page.getByTestId('account-email').waitFor();

  for (const moment of MOMENTS) {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.goto(base + c.products[1]);
    await hydrated(page);
    await page.getByTestId('add-to-cart').click();
    await page.getByRole('dialog').waitFor();
    const release = await holdWasm(page);
    await page.goto(base + '/checkout');
    await fillCheckout(page, { email });
    await reach(page, moment, release);
    await page.getByTestId('place-order').click();
    await page.waitForURL(orderPage);
    await page.getByTestId('order-code').waitFor();
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto(base + '/account');
  assert.equal(await page.getByTestId('order-history').locator('li').count(), MOMENTS.length,
    'one order for each tap');
  assert.deepEqual(problems, []);
  await context.close();
});

});
