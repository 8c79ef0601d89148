// The storefront on a real headless commerce API: the same shopper journeys against a live
// Vendure (its sample catalogue), including Vendure going away and coming back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startVendure, launchBrowser, fillCheckout, watchedPage, hydrated, cents, screenshot } from './lib/harness.mjs';
import { accountJourneys } from './lib/account-journeys.mjs';
import { checkoutJourneys } from './lib/checkout-journeys.mjs';

const shared = {};
before(async () => {
  shared.vendure = await startVendure();
  if (!shared.vendure) return;
  shared.server = await startServer({ VITRINE_BACKEND: 'vendure', VENDURE_SHOP_API: shared.vendure.shopApi });
  shared.browser = await launchBrowser();
});
after(async () => {
  await shared.browser?.close();
  await shared.server?.stop();
  await shared.vendure?.remove();
});

test('on Vendure a guest browses a collection, buys in three clicks and tracks the order', async (t) => {
  if (!shared.vendure) return t.skip('VITRINE_VENDURE is not set (make test sets it)');
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);

  await page.goto(shared.server.url + '/c/footwear');
  await page.getByRole('heading', { name: 'Footwear', level: 1 }).waitFor();
  const cards = page.locator('.card');
  assert.ok(await cards.count() >= 3, 'the collection lists its products');
  const started = Date.now();
  await cards.first().locator('a.card__link').click();
  await hydrated(page);
  const picture = page.getByTestId('product-image');
  await picture.evaluate((img) => img.decode());
  assert.ok(await picture.evaluate((img) => img.naturalWidth) > 0, "Vendure's picture is allowed and shown");
  const unit = cents(await page.getByTestId('product-price').locator('.price__now').innerText());

  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('drawer-checkout').click();
  await page.waitForURL('**/checkout');
  await hydrated(page);
  await fillCheckout(page);
  const quoted = cents(await page.getByTestId('checkout-total').innerText());
  assert.ok(quoted > unit, 'delivery is priced by Vendure and added');
  await screenshot(page, 'vendure-checkout-390');
  await page.getByTestId('place-order').click();
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  assert.equal(cents(await page.getByTestId('order-total').innerText()), quoted, 'charged what the page quoted');
  assert.equal(await page.getByTestId('cart-count').innerText(), '0');
  // The same stretch the embedded checkout journey times: product page to confirmation.
  console.log(`# guest checkout on Vendure: ${Date.now() - started} ms from product page to confirmation`);
  const code = new URL(page.url()).pathname.split('/').pop();
  await screenshot(page, 'vendure-order-390');

  // A guest finds it again by number and email.
  const lookup = await context.newPage();
  await lookup.goto(shared.server.url + '/orders');
  await lookup.getByLabel('Order number').fill(code.toLowerCase());
  await lookup.getByLabel('Email').fill('ada@example.com');
  await lookup.getByRole('button', { name: /find/i }).click();
  await lookup.waitForURL(`**/orders/${code}?t=*`);
  assert.equal(cents(await lookup.getByTestId('order-total').innerText()), quoted);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when Vendure is down the cart page says so and the cart is back when it returns', async (t) => {
  if (!shared.vendure) return t.skip('VITRINE_VENDURE is not set (make test sets it)');
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + '/c/plants');
  await page.locator('.card a.card__link').first().click();
  await hydrated(page);
  const name = await page.getByRole('heading', { level: 1 }).innerText();
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('drawer-checkout').waitFor();

  await shared.vendure.stop();
  try {
    await page.goto(shared.server.url + '/cart');
    await page.getByText('The store is having trouble right now').first().waitFor();
    await screenshot(page, 'vendure-down-1280');
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.name === 'vitrine_cart'), 'the cart cookie is kept');
    assert.equal(await page.getByTestId('cart-count').count(), 0, 'no count rather than a false 0');
  } finally {
    await shared.vendure.start();
  }
  await page.goto(shared.server.url + '/cart');
  await page.getByText(name).first().waitFor();
  assert.equal(await page.getByTestId('cart-count').innerText(), '1');
  await context.close();
});

test("on Vendure a misspelt search is corrected and sorts by Vendure's prices", async (t) => {
  if (!shared.vendure) return t.skip('VITRINE_VENDURE is not set (make test sets it)');
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/search?q=runing+shoe');
  await page.getByText('Showing results for').waitFor();
  await page.locator('.card__title').first().waitFor();
  const titles = await page.locator('.card__title').allInnerTexts();
  assert.ok(titles.length >= 2 && titles.every((n) => /running shoe/i.test(n)), titles.join(', '));
  // The cheapest first, by Vendure's prices.
  await page.goto(shared.server.url + '/search?q=running+shoe&sort=price-asc');
  await page.locator('.card .price__now').first().waitFor();
  const prices = (await page.locator('.card .price__now').allInnerTexts()).map(cents);
  assert.deepEqual(prices, [...prices].sort((a, b) => a - b));
  await screenshot(page, 'vendure-search-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

accountJourneys(shared, ['/p/laptop', '/p/tablet', '/p/cordless-mouse'], 'on Vendure ');
checkoutJourneys(shared, ['/p/laptop', '/p/tablet', '/p/cordless-mouse'], 'on Vendure ');
