// Checkout journeys on every backend: a guest goes from a product page to a confirmed order
// in three clicks, a discount code, a gift, and lib/checkout-journeys.mjs. Every click the
// test makes is counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickCounter, fillCheckout, toCheckout, watchedPage, hydrated, cents } from './lib/harness.mjs';
import { checkoutJourneys, orderPage } from './lib/checkout-journeys.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => {
checkoutJourneys(shared, c.products);

test('a guest checks out in three clicks from the product page', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const clicks = clickCounter();

  const started = Date.now();
  await page.goto(shared.server.url + c.products[0]);
  await hydrated(page);
  const unit = cents(await page.getByTestId('product-price').locator('.price__now').innerText());

  await clicks.click(page.getByTestId('add-to-cart'));
  await clicks.click(page.getByTestId('drawer-checkout'));
  await page.waitForURL('**/checkout');
  await hydrated(page);
  await fillCheckout(page);
  // Every cost is on the page before the last click: the store's tax and standard delivery.
  const expected = c.total(unit);
  assert.equal(cents(await page.getByTestId('checkout-total').innerText()), expected);
  await shared.shot(page, 'checkout-390');

  await clicks.click(page.getByTestId('place-order'));
  await page.waitForURL(orderPage);
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  const elapsed = Date.now() - started;
  assert.equal(cents(await page.getByTestId('order-total').innerText()), expected);
  assert.equal(await page.getByTestId('cart-count').innerText(), '0', 'the cart is empty after ordering');
  assert.ok(clicks.count <= 3, `${clicks.count} clicks`);
  console.log(`# guest checkout (${c.name}): ${clicks.count} clicks, ${elapsed} ms from product page to confirmation`);
  await shared.shot(page, 'order-390');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a discount code: an expired one says so inline, a good one lowers the total before the last click', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await toCheckout(page, shared.server.url + c.products[1]);
  await fillCheckout(page);
  const before = cents(await page.getByTestId('checkout-total').innerText());

  await page.getByLabel('Discount code').fill(c.coupons.expired);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText(c.coupons.expiredSays).waitFor();
  assert.equal(cents(await page.getByTestId('checkout-total').innerText()), before, 'nothing taken off');

  await page.getByLabel('Discount code').fill(c.coupons.good);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('coupon-applied').waitFor();
  const discount = cents(await page.getByTestId('checkout-discount').innerText());
  const subtotal = cents(await page.locator('.totals div:first-child dd').innerText());
  assert.equal(discount, Math.round(subtotal / 10));
  const after = cents(await page.getByTestId('checkout-total').innerText());
  assert.ok(after < before, `${after} < ${before}`);
  assert.equal(await page.getByRole('group', { name: 'Shipping address' }).getByLabel('Full name').inputValue(), 'Ada Lovelace', 'the checkout form is untouched');
  await shared.shot(page, 'checkout-coupon-1280');

  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  assert.equal(cents(await page.getByTestId('order-total').innerText()), after, 'charged what was shown');
  assert.equal(cents(await page.getByTestId('order-discount').innerText()), discount);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another delivery option is priced before the last click, and the order charges what was shown', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  await toCheckout(page, shared.server.url + c.products[2]);
  await fillCheckout(page);
  const before = cents(await page.getByTestId('checkout-total').innerText());
  const second = page.getByRole('group', { name: 'Delivery' }).locator('label.choice').nth(1);
  const price = await second.locator('.choice__price').innerText();
  await second.click();
  // The summary is the server's drawing for that option, put in place.
  await page.waitForFunction((p) => [...document.querySelectorAll('[data-testid=checkout-totals] div')]
    .some((row) => row.querySelector('dt')?.textContent === 'Shipping' && row.querySelector('dd')?.textContent === p), price);
  const total = cents(await page.getByTestId('checkout-total').innerText());
  assert.notEqual(total, before, `${price} delivery changes the total`);
  assert.equal(cents(await page.getByTestId('place-order').innerText()), total, 'the button says the same total');

  // Paying on delivery needs no card; choosing the card again brings its fields back as typed.
  await page.getByLabel('Pay on delivery').check();
  assert.equal(await page.getByLabel('Card number').isVisible(), false);
  await page.getByLabel('Card', { exact: true }).check();
  assert.equal(await page.getByLabel('Card number').isVisible(), true);
  await shared.shot(page, 'checkout-express-390');

  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  assert.equal(cents(await page.getByTestId('order-total').innerText()), total, 'charged what was shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a gift ships to someone else with a message, even before the wasm has loaded', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[2]);
  await page.getByTestId('add-to-cart').click();
  await page.waitForURL('**/cart');
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.waitForURL('**/checkout');
  await fillCheckout(page);
  await page.getByTestId('gift').check();
  const recipient = page.locator('.gift__details');
  await recipient.getByLabel('Full name').fill('Grace Hopper');
  await recipient.getByLabel('Address', { exact: true }).fill('1 Navy Yard');
  await recipient.getByLabel('City').fill('Arlington');
  await recipient.getByLabel('Postcode / ZIP').fill('22202');
  await recipient.getByLabel('Country').selectOption('US');
  await page.getByLabel('Gift message (optional)').fill('Happy birthday!');
  await page.getByLabel('Leave prices off the packing slip').check();
  await shared.shot(page, 'checkout-gift-1280-nojs');
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  const summary = await page.getByTestId('gift-summary').innerText();
  assert.match(summary, /Happy birthday!/);
  assert.match(summary, /Prices are left off the packing slip/);
  assert.match(await page.locator('.order__address').first().innerText(), /Grace Hopper/);
  await context.close();
});
});
