// Bundle journeys on every backend: the owner declares a bundle (on Vendure only once a Vendure
// promotion gives it), the product page offers the set with its total before the click, one
// click adds it all, and the cart, the checkout and the order all take the same saving off;
// with JavaScript and without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, cents, fillCheckout, vendureOperator } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';

/** The set each catalogue offers at 10 % off: the page it is offered on, and its products. */
const sets = {
  // Declared by the seeded store.
  embedded: { page: '/p/heavyweight-pocket-tee', products: ['heavyweight-pocket-tee', 'oversized-tote'] },
  vendure: { page: '/p/laptop', products: ['laptop', 'cordless-mouse'] },
};

onEveryBackend((shared, c) => {
  const set = sets[c.name];
  const declare = (percent, products) => shared.server.adminTry(`/admin/bundles?percent=${percent}&products=${products.join(',')}`);

  test('a bundle is declared only where the backend will charge it', async () => {
    const tooMuch = await declare(80, set.products);
    assert.equal(tooMuch.status, 422);
    assert.match(tooMuch.body, /1 to 50%/);
    const unknown = await declare(10, [set.products[0], 'no-such-thing']);
    assert.match(unknown.body, /no product no-such-thing/);
    if (c.name === 'vendure') {
      // Vendure has no such promotion yet: declaring it would show a discount it never takes.
      const refused = await declare(10, set.products);
      assert.equal(refused.status, 422, refused.body);
      assert.match(refused.body, /takes nothing off this set/);
      await vendureOperator(shared.vendure).bundlePromotion(set.products, 10, 'Laptop and mouse: 10% off');
    }
    const declared = await declare(10, set.products);
    assert.equal(declared.status, 201, declared.body);
    assert.deepEqual(JSON.parse(declared.body).products, [...set.products].sort());
  });

  for (const script of [true, false]) {
    test(`add the set in one click, saving shown in cart and checkout and charged (${script ? 'hydrated' : 'no JavaScript'})`, async () => {
      const width = script ? 390 : 1280;
      const context = await shared.browser.newContext({ javaScriptEnabled: script, viewport: { width, height: 900 } });
      const { page, problems } = await watchedPage(context);
      await page.goto(shared.server.url + set.page);
      if (script) await hydrated(page);
      const offer = page.getByTestId('buy-together');
      await offer.scrollIntoViewIfNeeded();
      assert.match(await offer.getByRole('heading').innerText(), /save 10%/);
      assert.equal(await offer.getByRole('listitem').count(), 2, 'both products, each with its picture');
      const before = cents(await offer.locator('.buy-together__before').innerText());
      const together = cents(await offer.locator('.buy-together__total strong').innerText());
      const saving = cents(await offer.getByTestId('set-saving').innerText());
      assert.equal(saving, Math.round(before * 0.1), '10% of the set');
      assert.equal(together, before - saving);
      await shared.shot(page, `bundle-offer-${width}`);

      await offer.getByRole('button', { name: 'Add both to cart' }).click();
      await page.waitForURL('**/cart');
      if (script) await hydrated(page);
      const main = page.locator('main');
      assert.match(await main.locator('dt.cart-summary__saving').innerText(), c.name === 'embedded' ? /^Bundle: .+ \+ .+ \(10% off\)$/ : /10% off/);
      const inCart = Math.abs(cents(await main.getByTestId('saving').innerText()));
      // Vendure rounds per line, with its tax; the page shows what Vendure takes off.
      assert.ok(Math.abs(inCart - saving) <= 2, `the cart takes off ${inCart}, the page said ${saving}`);
      const subtotal = cents(await main.getByTestId('cart-subtotal').innerText());
      assert.equal(subtotal, before);
      assert.equal(cents(await main.getByTestId('cart-after-savings').innerText()), subtotal - inCart);
      await shared.shot(page, `bundle-cart-${width}`);

      await page.goto(shared.server.url + '/checkout');
      if (script) await hydrated(page);
      const totals = page.getByTestId('checkout-totals');
      assert.equal(Math.abs(cents(await totals.getByTestId('saving').locator('dd').innerText())), inCart);
      const total = cents(await totals.getByTestId('checkout-total').innerText());
      assert.equal(total, c.total(subtotal - inCart), 'the total has the saving off');
      await fillCheckout(page, { email: `bundle-${script}@example.com` });
      await page.getByTestId('place-order').click();
      await page.waitForURL(orderPage);
      assert.equal(cents(await page.getByTestId('order-total').innerText()), total, 'charged as shown');
      assert.equal(Math.abs(cents(await page.getByTestId('order-discount').innerText())), inCart);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
