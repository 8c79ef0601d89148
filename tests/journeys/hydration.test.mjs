// Taps while the wasm starts, on every backend. The store's HTML arrives first and the wasm only
// after the page has loaded, so a shopper can tap before any island is hydrated, while the
// wasm is starting, or after. Add to cart, Buy now and Place order must each do their job
// exactly once at every one of those moments: the plain form before, the island after. And
// the wasm waits for the largest paint, so it never competes with the first screen.
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

/** On the open page: when its largest paint was drawn, when the wasm's fetch began, and for
 *  each loaded picture with sized copies, which copy the browser took and how many device
 *  pixels it is drawn across. */
function paintAndPictures() {
  return new Promise((done) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const wasm = performance.getEntriesByType('resource').find((e) => /vitrine_bg\.wasm$/.test(e.name));
      const pictures = Array.from(document.querySelectorAll('main img[srcset]'))
        .filter((img) => img.complete && img.naturalWidth)
        .map((img) => {
          const source = img.closest('picture')?.querySelector('source[type="image/avif"]');
          const copies = (source?.srcset ?? img.srcset).split(',').map((c) => {
            const [address, width] = c.trim().split(/\s+/);
            return { address: new URL(address, location.href).href, width: parseInt(width, 10) };
          });
          return { taken: img.currentSrc, needed: img.getBoundingClientRect().width * devicePixelRatio, copies };
        });
      done({ largestPaint: entries[entries.length - 1].startTime, wasmStart: wasm?.startTime, pictures });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

onEveryBackend((shared, c) => {

test('the wasm starts after the largest paint, and a phone takes the smallest picture copy that fills each frame', async () => {
  for (const path of ['/', c.category.path, c.viewed.path]) {
    // A fresh phone each time: a copy already held would be taken whatever its size.
    const context = await shared.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    const { page, problems } = await watchedPage(context);
    await page.goto(shared.server.url + path);
    await hydrated(page);
    const seen = await page.evaluate(paintAndPictures);
    assert.ok(seen.wasmStart > seen.largestPaint,
      `${path}: the wasm's fetch (${seen.wasmStart} ms) waits for the largest paint (${seen.largestPaint} ms)`);
    for (const { taken, needed, copies } of seen.pictures) {
      const copy = copies.find((k) => k.address === taken);
      assert.ok(copy, `${path}: ${taken} is the AVIF copy Chromium decodes (of ${copies.map((k) => k.address)})`);
      const filling = copies.filter((k) => k.width >= needed).sort((a, b) => a.width - b.width);
      const best = filling[0] ?? copies.reduce((a, b) => (a.width > b.width ? a : b));
      assert.equal(copy.width, best.width, `${path}: ${Math.round(needed)} device px take the ${best.width} px copy`);
    }
    // Vendure's cards, tiles and gallery offer copies; the embedded store's drawings are one size.
    if (shared.vendure) assert.ok(seen.pictures.length >= 1, `${path}: pictures with sized copies`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

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
