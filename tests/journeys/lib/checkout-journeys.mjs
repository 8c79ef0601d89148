// Checkout journeys for any backend: without JavaScript, a declined card and its retry, a
// remembered shopper in two clicks, inline field checks, and a refused plain form. Run on
// every backend by checkout.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickCounter, buyNow, fillCheckout, toCheckout, watchedPage, hydrated } from './harness.mjs';

/** Any backend's order page: /orders/CODE?t=SIGNATURE. */
export const orderPage = /\/orders\/[0-9A-Z-]+\?t=/;

/** The journeys on the server in `shared`, with three product pages from its catalogue. */
export function checkoutJourneys(shared, products) {
test(`with JavaScript disabled the guest checkout still completes`, async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + products[1]);
  await page.getByTestId('add-to-cart').click();
  await page.waitForURL('**/cart');
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.waitForURL('**/checkout');
  await fillCheckout(page);
  await shared.shot(page, 'checkout-1280-nojs');
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  await context.close();
});

test(`a declined card says so, keeps what was typed, and a retry succeeds`, async () => {
  const context = await shared.browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + products[2]);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('drawer-checkout').click();
  await page.waitForURL('**/checkout');
  await hydrated(page);
  await fillCheckout(page);
  await page.getByLabel('Card number').fill('4000 0000 0000 0002');
  await page.getByTestId('place-order').click();
  await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor();
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'ada@example.com', 'the form is kept');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  await context.close();
});

test(`a remembered shopper goes Buy now → Place order: two clicks`, async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  // First visit: a normal checkout, opting in to be remembered (never pre-ticked).
  await toCheckout(page, shared.server.url + products[0]);
  assert.equal(await page.getByTestId('remember').isChecked(), false, 'not pre-ticked');
  await fillCheckout(page, { email: 'grace@example.com' });
  await page.getByLabel('Pay on delivery').check();
  await page.getByTestId('remember').check();
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);

  // Next visit: count every click from the product page to the confirmation.
  const clicks = clickCounter();
  const started = Date.now();
  await buyNow(page, shared.server.url + products[1], clicks);
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'grace@example.com', 'filled in');
  assert.equal(await page.getByLabel('Pay on delivery').isChecked(), true);
  await shared.shot(page, 'checkout-remembered-390');
  await clicks.click(page.getByTestId('place-order'));
  await page.waitForURL(orderPage);
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  const elapsed = Date.now() - started;
  assert.ok(clicks.count <= 2, `${clicks.count} clicks`);
  console.log(`# remembered shopper: ${clicks.count} clicks, ${elapsed} ms from product page to confirmation`);

  // Forgetting works and leaves an empty form.
  await toCheckout(page, shared.server.url + products[2]);
  await page.getByRole('button', { name: 'Forget them' }).click();
  await page.getByTestId('remember').waitFor();
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test(`fields say what is wrong as the shopper types, before any submit`, async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  await toCheckout(page, shared.server.url + products[2]);
  const email = page.getByLabel('Email', { exact: true });
  await email.fill('ada@example');
  await email.blur();
  const emailError = page.locator('#f-email-error');
  await emailError.waitFor();
  assert.match(await emailError.innerText(), /name@example\.com/);
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  await email.fill('ada@example.com');
  await emailError.waitFor({ state: 'detached' });

  const card = page.getByLabel('Card number');
  await card.fill('4242 4242 4242 4241');
  await card.blur();
  await page.getByText("That card number doesn't look right").waitFor();
  const expiry = page.getByLabel('Expiry (MM/YY)');
  await expiry.fill('01/20');
  await expiry.blur();
  await page.getByText('That card has expired').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'nothing was submitted');
  assert.deepEqual(problems, []);
  await context.close();
});

test(`without JavaScript a refused form says why and keeps what was typed (except the card)`, async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + products[2]);
  await page.getByTestId('add-to-cart').click();
  await page.waitForURL('**/cart');
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.waitForURL('**/checkout');
  await fillCheckout(page);
  const own = page.getByRole('group', { name: 'Shipping address' });
  await own.getByLabel('Postcode / ZIP').fill('<b>');
  await page.getByTestId('place-order').click();
  await page.waitForURL(/\/checkout/);
  await page.getByText('Please enter a valid postcode.').waitFor();
  assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'ada@example.com');
  assert.equal(await own.getByLabel('Full name').inputValue(), 'Ada Lovelace');
  assert.equal(await own.getByLabel('Postcode / ZIP').inputValue(), '<b>', 'shown back, escaped');
  assert.equal(await page.getByLabel('Card number').inputValue(), '', 'card numbers are never kept');
  await context.close();
});
}
