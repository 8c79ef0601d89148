// After the order, on every backend: the tracking page follows the order live while an
// operator moves it along; a guest finds the order by number and email; an outage or a line
// that sold out meanwhile loses nothing and places nothing twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillCheckout, toCheckout, watchedPage, hydrated, vendureOperator } from './lib/harness.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => {
async function placeOrder(page, product, email) {
  await toCheckout(page, shared.server.url + product);
  await fillCheckout(page, { email });
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  return page.getByTestId('order-code').innerText();
}

// Each backend's operator moves orders its own way: the embedded store's admin command walks
// every step; Vendure's Admin API ships a parcel with a tracking code, then delivers it.
if (c.name === 'embedded') test('the tracking page shows each new state as the admin command moves the order, without a reload', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const code = await placeOrder(page, c.products[0], 'ada@example.com');
  await hydrated(page);
  const timeline = page.getByTestId('timeline');
  assert.equal(await timeline.getAttribute('data-status'), 'paid');
  // A reload would lose this marker.
  await page.evaluate(() => { window.stillTheSamePage = true; });

  for (const status of ['packed', 'shipped', 'out_for_delivery', 'delivered']) {
    const said = await shared.server.admin('advance', code);
    assert.equal(said, `${code} is now ${status}`);
    await page.locator(`[data-testid=timeline][data-status=${status}]`).waitFor({ timeout: 10_000 });
    if (status === 'shipped') {
      assert.match(await page.getByTestId('tracking-number').innerText(), /^PW\d{12}$/);
      await shared.shot(page, 'tracking-shipped-390');
    }
  }
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'no reload happened');
  assert.equal(await page.locator('.timeline__step--done').count(), 6);
  assert.equal(await page.locator('.timeline__time').count(), 6, 'every step has its time');
  assert.equal(await page.getByTestId('punctuality').innerText(), 'Delivered on time');
  // Nothing after delivery but a refund; the command says why.
  await assert.rejects(shared.server.admin('advance', code), /cannot move/);
  assert.deepEqual(problems, []);
  await context.close();
});

if (c.name === 'vendure') test("the tracking page follows Vendure's parcel, shipped with its tracking code then delivered, without a reload", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const code = await placeOrder(page, c.products[0], 'ada@example.com');
  await hydrated(page);
  assert.equal(await page.getByTestId('timeline').getAttribute('data-status'), 'paid');
  await page.evaluate(() => { window.stillTheSamePage = true; });

  const operator = vendureOperator(shared.vendure);
  const parcel = await operator.ship(code, 'Parcelwise', 'PW000012345678');
  await page.locator('[data-testid=timeline][data-status=shipped]').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByTestId('tracking-number').innerText(), 'PW000012345678');
  await shared.shot(page, 'tracking-shipped-390');
  await operator.move(parcel, 'Delivered');
  await page.locator('[data-testid=timeline][data-status=delivered]').waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'no reload happened');
  // Placed, paid, shipped and delivered carry Vendure's times; packed and out for delivery
  // are steps Vendure does not record.
  assert.equal(await page.locator('.timeline__step--done').count(), 6);
  assert.equal(await page.locator('.timeline__time').count(), 4);
  assert.equal(await page.getByTestId('punctuality').innerText(), 'Delivered on time');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a guest finds an order by number and email; a wrong email gets the same answer as no order', async () => {
  const buyer = await shared.browser.newContext();
  const { page: buying } = await watchedPage(buyer);
  const code = await placeOrder(buying, c.products[1], 'grace@example.com');
  await buyer.close();

  // Another device, no cookies, no link: only the number and the email.
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  await page.getByRole('link', { name: 'Track an order' }).click();
  await page.waitForURL('**/orders');
  await hydrated(page);
  await page.getByLabel('Order number').fill(code);
  await page.getByLabel('Email', { exact: true }).fill('eve@example.com');
  await page.getByRole('button', { name: 'Find order' }).click();
  const error = page.getByTestId('lookup-error');
  await error.waitFor();
  const wrongEmail = await error.innerText();
  assert.match(wrongEmail, /couldn't find an order with that number and email/);
  assert.equal(await page.getByLabel('Order number').inputValue(), code, 'the form is kept');

  await page.getByLabel('Order number').fill(c.unknownOrder);
  await page.getByLabel('Email', { exact: true }).fill('grace@example.com');
  await page.getByRole('button', { name: 'Find order' }).click();
  await page.waitForFunction((before) => document.querySelector('[data-testid=lookup-error]')?.textContent === before
    && !document.querySelector('button[type=submit]')?.disabled, wrongEmail);
  assert.equal(await error.innerText(), wrongEmail, 'an unknown number reads the same');

  await page.getByLabel('Order number').fill(c.typedCode(code));
  await page.getByRole('button', { name: 'Find order' }).click();
  await page.waitForURL(orderPage);
  assert.equal(await page.getByTestId('order-code').innerText(), code);
  await shared.shot(page, 'tracking-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an outage while placing says so, keeps the cart and the form, and the retry places one order', async () => {
  const context = await shared.browser.newContext();
  const { page } = await watchedPage(context);
  await toCheckout(page, shared.server.url + c.products[2]);
  await fillCheckout(page);
  await shared.breakPlacement();
  try {
    await page.getByTestId('place-order').click();
    await page.getByRole('alert').filter({ hasText: 'having trouble' }).waitFor();
    assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'ada@example.com', 'the form is kept');
    assert.equal(await page.getByTestId('cart-count').innerText(), '1', 'the cart is kept');
  } finally {
    await shared.mend();
  }
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  await page.goto(shared.server.url + '/cart');
  await page.getByText('Your cart is empty.').waitFor();
  await context.close();
});

test('a line that sold out while the shopper was checking out is named, and nothing else is lost', async () => {
  const context = await shared.browser.newContext();
  const { page } = await watchedPage(context);
  await toCheckout(page, shared.server.url + c.scarce);
  await fillCheckout(page);
  // Calls made as the store's own pages make them (the server refuses posts from elsewhere).
  const ours = { accept: 'application/json', origin: shared.server.url };
  const cart = await (await page.request.post(shared.server.url + '/api/cart/get', { headers: ours })).json();
  const line = cart.lines[0];

  // Meanwhile another shopper buys every one that is left.
  const rival = await shared.browser.newContext();
  const form = (o) => ({ form: o, headers: ours });
  const added = await rival.request.post(shared.server.url + '/api/cart/add', form({ variant_id: line.variant_id, quantity: String(line.available) }));
  assert.equal(added.status(), 200, await added.text());
  const placed = await rival.request.post(shared.server.url + '/api/checkout/place', form({
    email: 'rival@example.com', name: 'R Ival', line1: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US',
    // By card: pay on delivery stops at 10 units.
    shipping: 'standard', payment: 'card', card_number: '4242 4242 4242 4242', card_expiry: '12/30', card_cvc: '123',
    attempt: 'f'.repeat(32),
  }));
  assert.equal(placed.status(), 200, await placed.text());
  await rival.close();

  await page.getByTestId('place-order').click();
  await page.getByRole('alert').filter({ hasText: `${line.product_name} is sold out` }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Shipping address' }).getByLabel('Full name').inputValue(), 'Ada Lovelace', 'the form is kept');
  assert.match(page.url(), /\/checkout$/);
  await context.close();
});
});
