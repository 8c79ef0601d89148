// Checkout journeys: a guest goes from a product page to a confirmed order in three clicks,
// with and without JavaScript. Every click the test makes is counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, clickCounter, buyNow, fillCheckout, toCheckout, watchedPage, hydrated, cents, screenshot } from './lib/harness.mjs';
import { checkoutJourneys } from './lib/checkout-journeys.mjs';

const shared = serverAndBrowser();
checkoutJourneys(shared, ['/p/everyday-crew-tee', '/p/heavyweight-pocket-tee', '/p/organic-boxy-tee']);

test('a guest checks out in three clicks from the product page', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const clicks = clickCounter();

  const started = Date.now();
  await page.goto(shared.server.url + '/p/everyday-crew-tee');
  await hydrated(page);
  const unit = cents(await page.getByTestId('product-price').locator('.price__now').innerText());

  await clicks.click(page.getByTestId('add-to-cart'));
  await clicks.click(page.getByTestId('drawer-checkout'));
  await page.waitForURL('**/checkout');
  await hydrated(page);
  await fillCheckout(page);
  // Every cost is on the page before the last click: 8% tax on goods + standard shipping.
  const shipping = unit >= 7500 ? 0 : 495;
  const expected = unit + shipping + Math.round((unit + shipping) * 0.08);
  assert.equal(cents(await page.getByTestId('checkout-total').innerText()), expected);
  await screenshot(page, 'checkout-390');

  await clicks.click(page.getByTestId('place-order'));
  await page.waitForURL(/\/orders\/VT-[0-9A-Z]{8}\?t=/);
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  const elapsed = Date.now() - started;
  assert.equal(cents(await page.getByTestId('order-total').innerText()), expected);
  assert.equal(await page.getByTestId('cart-count').innerText(), '0', 'the cart is empty after ordering');
  assert.ok(clicks.count <= 3, `${clicks.count} clicks`);
  console.log(`# guest checkout: ${clicks.count} clicks, ${elapsed} ms from product page to confirmation`);
  await screenshot(page, 'order-390');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a discount code: an expired one says so inline, a good one lowers the total before the last click', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await toCheckout(page, shared.server.url + '/p/washed-ringer-tee');
  await fillCheckout(page);
  const before = cents(await page.getByTestId('checkout-total').innerText());

  await page.getByLabel('Discount code').fill('summer25');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('That code expired on Wed 30 Sep.').waitFor();
  assert.equal(cents(await page.getByTestId('checkout-total').innerText()), before, 'nothing taken off');

  await page.getByLabel('Discount code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('coupon-applied').waitFor();
  const discount = cents(await page.getByTestId('checkout-discount').innerText());
  const subtotal = cents(await page.locator('.totals div:first-child dd').innerText());
  assert.equal(discount, Math.round(subtotal / 10));
  const after = cents(await page.getByTestId('checkout-total').innerText());
  assert.ok(after < before, `${after} < ${before}`);
  assert.equal(await page.getByRole('group', { name: 'Shipping address' }).getByLabel('Full name').inputValue(), 'Ada Lovelace', 'the checkout form is untouched');
  await screenshot(page, 'checkout-coupon-1280');

  await page.getByTestId('place-order').click();
  await page.waitForURL(/\/orders\/VT-/);
  assert.equal(cents(await page.getByTestId('order-total').innerText()), after, 'charged what was shown');
  assert.equal(cents(await page.getByTestId('order-discount').innerText()), discount);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a gift ships to someone else with a message, even before the wasm has loaded', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + '/p/washed-ringer-tee');
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
  await screenshot(page, 'checkout-gift-1280-nojs');
  await page.getByTestId('place-order').click();
  await page.waitForURL(/\/orders\/VT-/);
  const summary = await page.getByTestId('gift-summary').innerText();
  assert.match(summary, /Happy birthday!/);
  assert.match(summary, /Prices are left off the packing slip/);
  assert.match(await page.locator('.order__address').first().innerText(), /Grace Hopper/);
  await context.close();
});

