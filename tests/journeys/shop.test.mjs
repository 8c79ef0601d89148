// Shopper journeys in a real browser against a real server, on every backend: browse, pick a
// variant, add to cart, and keep the cart — with and without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, cents } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => {

test('browse → variant → add to cart opens the drawer without a reload, and the cart survives one', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);

  await page.goto(shared.server.url + '/');
  await hydrated(page);
  await shared.shot(page, 'home-390');

  // Home → category, through the header navigation.
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: c.category.name }).click();
  await page.waitForURL('**' + c.category.path);
  await page.getByRole('heading', { level: 1, name: c.category.name }).waitFor();

  // Category → the first product that can be bought.
  const card = page.locator('article.card:not(.card--sold-out)').first();
  const productName = (await card.locator('.card__title').innerText()).trim();
  await card.locator('a.card__link').click();
  await page.getByRole('heading', { level: 1, name: productName }).waitFor();
  // What follows is the islands' behaviour: before hydration a chip is a plain link.
  await hydrated(page);
  // The backend's picture is allowed by the page's CSP, and shown.
  const picture = page.getByTestId('product-image');
  await picture.evaluate((img) => img.decode());
  assert.ok(await picture.evaluate((img) => img.naturalWidth) > 0, 'the product picture is shown');

  // The page must not reload from here on: a full load would drop this marker.
  await page.evaluate(() => { window.__sameDocument = true; });

  // Pick another colour that is well stocked: URL, chip and the form's variant all follow.
  const colourChips = page.locator('fieldset.option-picker').last().locator('a.chip:not(.chip--unavailable)');
  const before = await page.locator('.add-to-cart input[name=variant_id]').inputValue();
  const chipCount = await colourChips.count();
  let picked = before;
  for (let i = 0; i < chipCount; i++) {
    const chip = colourChips.nth(i);
    if ((await chip.getAttribute('aria-current')) === 'true') continue;
    await chip.click();
    await page.waitForFunction((old) => document.querySelector('.add-to-cart input[name=variant_id]')?.value !== old, picked);
    picked = await page.locator('.add-to-cart input[name=variant_id]').inputValue();
    break;
  }
  assert.notEqual(picked, before, 'choosing another option selects another variant');
  assert.ok(page.url().endsWith(`variant=${picked}`), `URL names the variant: ${page.url()}`);
  // Buy two, or the one left.
  const stock = await page.getByTestId('stock').innerText();
  const qty = stock === 'Only 1 left' ? 1 : 2;

  const unit = cents(await page.getByTestId('product-price').locator('.price__now').innerText());
  await page.getByLabel('Quantity').fill(String(qty));
  await page.getByTestId('add-to-cart').click();

  const drawer = page.getByRole('dialog');
  await Promise.race([
    drawer.waitFor(),
    page.getByRole('alert').waitFor().then(async () => assert.fail(await page.getByRole('alert').innerText())),
  ]);
  await drawer.getByText(productName).first().waitFor();
  assert.equal(cents(await drawer.getByTestId('cart-subtotal').innerText()), unit * qty, 'subtotal = quantity × unit price');
  assert.equal(await page.getByTestId('cart-count').innerText(), String(qty));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page reload');
  await shared.shot(page, 'drawer-390');

  // Escape closes the drawer; focus was inside it.
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // Reload: the cart lives in the backend behind the cookie.
  await page.reload();
  assert.equal(await page.getByTestId('cart-count').innerText(), String(qty));
  await page.goto(shared.server.url + '/cart');
  await hydrated(page);
  await page.locator('.cart-line').getByText(productName).waitFor();
  assert.equal(cents(await page.getByTestId('cart-subtotal').innerText()), unit * qty);

  // The stepper changes the quantity in place (down, so stock never gets in the way).
  await page.getByRole('button', { name: '−1' }).click();
  if (qty === 1) {
    await page.getByText('Your cart is empty.').waitFor();
  } else {
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();
    assert.equal(cents(await page.getByTestId('cart-subtotal').innerText()), unit);
    // The line is drawn again, and the focus is back on the button pressed.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '−1');
  }
  await shared.shot(page, 'cart-390');

  assert.deepEqual(problems, [], 'no console errors or failed requests');
  await context.close();
});

test('emptied in place, the cart page says so and drops its "goes well with your cart" row', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[0]);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await page.getByRole('dialog').waitFor();
  await page.goto(shared.server.url + '/cart');
  await hydrated(page);
  const row = page.getByTestId('cart-together');
  // The embedded store's seeded orders always give this product companions.
  if (c.name === 'embedded') await row.waitFor();
  await page.locator('.cart-page').getByRole('button', { name: /^Remove / }).click();
  await page.locator('.cart-page').getByText('Your cart is empty').waitFor();
  assert.equal(await row.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with JavaScript disabled, adding to cart still works as a plain form', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[0]);
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const unit = cents(await page.getByTestId('product-price').locator('.price__now').innerText());
  await shared.shot(page, 'product-1280-nojs');

  await page.getByLabel('Quantity').fill('3');
  await page.getByTestId('add-to-cart').click();
  await page.waitForURL('**/cart');
  await page.locator('.cart-line').getByText(name).waitFor();
  assert.equal(cents(await page.getByTestId('cart-subtotal').innerText()), unit * 3);
  assert.equal(await page.getByTestId('cart-count').innerText(), '3');

  // Removing works the same way.
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.waitForURL('**/cart');
  await page.getByText('Your cart is empty.').waitFor();
  await context.close();
});

test('a lost connection or a refused add is said under the button, and changes nothing', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[0]);
  await hydrated(page);
  const problem = page.locator('#add-problem');
  const drawer = page.getByRole('dialog');

  // The connection drops as the shopper adds: the button's form says so, and no drawer opens.
  await page.route('**/api/cart/shown/add', (route) => route.abort('internetdisconnected'));
  await page.getByTestId('add-to-cart').click();
  await problem.filter({ hasText: "We couldn't reach the store" }).waitFor();
  assert.equal(await drawer.count(), 0, 'no drawer for an add that never arrived');
  await page.unroute('**/api/cart/shown/add');

  // Back online, all there is goes in, and the earlier problem is gone.
  const max = await page.getByLabel('Quantity').getAttribute('max');
  await page.getByLabel('Quantity').fill(max);
  await page.getByTestId('add-to-cart').click();
  await drawer.waitFor();
  assert.equal(await problem.isHidden(), true, 'the lost connection is no longer said');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // One more is refused by the store, in its own words, and the cart keeps what it had.
  await page.getByLabel('Quantity').fill('1');
  await page.getByTestId('add-to-cart').click();
  await problem.waitFor();
  const said = await problem.innerText();
  assert.ok(said.length > 10 && !said.includes("couldn't reach"), `the store's refusal: ${said}`);
  assert.equal(await drawer.count(), 0);
  assert.equal(await page.getByTestId('cart-count').innerText(), max, 'the refused add changed nothing');
  await shared.shot(page, 'add-refused-1280');
  await context.close();
});

test('an unknown page is a 404 that keeps the header and the cart', async () => {
  const context = await shared.browser.newContext();
  const { page } = await watchedPage(context);
  const res = await page.goto(shared.server.url + '/p/not-a-real-product');
  assert.equal(res.status(), 404);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: /Cart/ }).first().waitFor();
  await context.close();
});

test('searching from the header finds a product by a half-typed word, with or without JavaScript', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await shared.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(shared.server.url + '/');
    if (javaScriptEnabled) await hydrated(page);
    await page.getByRole('combobox', { name: 'Search' }).fill(c.halfTyped.typed);
    await page.getByRole('combobox', { name: 'Search' }).press('Enter');
    await page.waitForURL(`**/search?q=${c.halfTyped.typed}`);
    await page.getByRole('heading', { name: `Results for “${c.halfTyped.typed}”` }).waitFor();
    await page.getByRole('link', { name: c.halfTyped.finds }).first().waitFor();
    if (javaScriptEnabled) {
      await shared.shot(page, 'search-390');
      // (Without JavaScript Chromium reports the refused script fetch itself as a failure.)
      assert.deepEqual(problems, []);
    }
    await context.close();
  }
});
});
