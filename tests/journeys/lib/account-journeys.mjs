// The account journeys, for any backend: create an account, order, sign out and back in; a
// signed-in shopper goes Buy now → Place order in two counted clicks, and the order history
// lists both orders; a double-clicked "Place order" makes one order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickCounter, buyNow, fillCheckout, toCheckout, watchedPage, hydrated } from './harness.mjs';
import { orderPage } from './checkout-journeys.mjs';


/** The account journeys on the server in `shared`, buying the three products in `products`
 *  (paths of product pages). */
export function accountJourneys(shared, products) {
test(`a signed-in shopper buys in two clicks and sees their order history`, async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.waitForURL('**/account');
  await hydrated(page);
  const register = page.getByRole('region', { name: 'Create an account' });
  await register.getByLabel('Full name').fill('Katherine Johnson');
  await register.getByLabel('Email').fill('katherine@example.com');
  await register.getByLabel('Password').fill('hidden figures 1962');
  await page.getByTestId('register').click();
  await page.getByTestId('account-email').waitFor();

  await toCheckout(page, shared.server.url + products[0]);
  await fillCheckout(page, { email: 'katherine@example.com' });
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);

  // Sign out, then back in.
  await page.goto(shared.server.url + '/account');
  await hydrated(page);
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in').waitFor();
  const signIn = page.getByRole('region', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill('katherine@example.com');
  await signIn.getByLabel('Password').fill('wrong password here');
  await page.getByTestId('sign-in').click();
  await page.getByRole('alert').filter({ hasText: "don't match an account" }).waitFor();
  await signIn.getByLabel('Password').fill('hidden figures 1962');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('account-email').waitFor();

  const clicks = clickCounter();
  const started = Date.now();
  await buyNow(page, shared.server.url + products[1], clicks);
  const own = page.getByRole('group', { name: 'Shipping address' });
  assert.equal(await own.getByLabel('City').inputValue(), 'London', 'the saved address is filled in');
  // The card is typed again: card numbers are never stored. Typing is not clicking.
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry (MM/YY)').fill('12/30');
  await page.getByLabel('Security code').fill('123');
  await clicks.click(page.getByTestId('place-order'));
  await page.waitForURL(orderPage);
  const elapsed = Date.now() - started;
  assert.ok(clicks.count <= 2, `${clicks.count} clicks`);
  console.log(`# signed-in shopper: ${clicks.count} clicks, ${elapsed} ms from product page to confirmation`);

  await page.goto(shared.server.url + '/account');
  assert.equal(await page.locator('.order-history__row').count(), 2);
  await shared.shot(page, 'account-1280');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`double-clicking "Place order" makes one order (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const context = await shared.browser.newContext({ javaScriptEnabled });
    const { page } = await watchedPage(context);
    // An account, so the order history can count the orders.
    const registered = await context.request.post(shared.server.url + '/api/account/register', {
      form: { name: 'Dorothy Vaughan', email: `dorothy-${javaScriptEnabled}@example.com`, password: 'fortran for everyone' },
      // As the store's own page sends it: the server refuses posts from elsewhere.
      headers: { accept: 'application/json', origin: shared.server.url },
      maxRedirects: 0,
    });
    assert.ok(registered.status() < 400, await registered.text());
    await page.goto(shared.server.url + products[2]);
    // The wasm starts once the page has loaded: a tap before that posts the plain form (and
    // lands on /cart), so the journey that wants the drawer waits for it.
    if (javaScriptEnabled) await hydrated(page);
    await page.getByTestId('add-to-cart').click();
    if (javaScriptEnabled) {
      await page.getByTestId('drawer-checkout').click();
    } else {
      await page.waitForURL('**/cart');
      await page.getByRole('link', { name: 'Checkout' }).click();
    }
    await page.waitForURL('**/checkout');
    if (javaScriptEnabled) await hydrated(page);
    await fillCheckout(page, { email: `dorothy-${javaScriptEnabled}@example.com` });
    await page.getByTestId('place-order').dblclick();
    // Without JavaScript the second click's post replaces the first one's navigation, which the
    // browser aborts; waiting can catch that abort. The shopper still lands on the order.
    await page.waitForURL(orderPage).catch(async (e) => {
      if (!/ERR_ABORTED/.test(e.message)) throw e;
      await page.waitForURL(orderPage);
    });
    await page.goto(shared.server.url + '/account');
    await page.getByTestId('order-history').waitFor();
    assert.equal(await page.locator('.order-history__row').count(), 1, 'one order, not two');
    await context.close();
  });
}
}
