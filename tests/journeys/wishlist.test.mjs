// Wishlist journeys on every backend: a shopper saves a product from its page, finds it under
// the header's heart with its price, moves it to the cart, and removes it; the same with
// JavaScript off (plain forms all the way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, cents, vendureOperator } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => {

for (const script of [true, false]) {
  test(`save, find, buy and remove a wishlist item (${script ? 'hydrated' : 'no JavaScript'})`, async () => {
    const context = await shared.browser.newContext({ javaScriptEnabled: script, viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    const product = shared.server.url + c.products[0];
    await page.goto(product);
    if (script) await hydrated(page);
    const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const price = (await page.getByTestId('product-price').locator('.price__now').innerText()).trim();

    await page.getByRole('button', { name: 'Save to wishlist' }).click();
    await page.getByText('Saved to your wishlist').waitFor();
    assert.equal(await page.getByTestId('wishlist-count').innerText(), '1', 'the header counts it');

    await page.getByTestId('wishlist-link').click();
    await page.waitForURL('**/wishlist');
    const item = page.getByTestId('wishlist').getByRole('listitem');
    assert.equal(await item.count(), 1);
    assert.equal((await item.locator('.wishlist__name').innerText()).trim(), name);
    assert.equal((await item.getByTestId('wishlist-price').innerText()).trim(), price, 'the price now');
    if (script) await shared.shot(page, 'wishlist-390');

    // Shared as a link: someone else sees the list, read-only.
    await page.getByRole('button', { name: 'Share this list' }).click();
    await page.waitForURL(/\/wishlist\/shared\/[0-9a-f]{32}\?new=1$/);
    const link = await page.getByTestId('share-link').inputValue();
    const friend = await shared.browser.newContext({ javaScriptEnabled: script });
    const theirs = await friend.newPage();
    await theirs.goto(link);
    assert.equal((await theirs.getByTestId('wishlist').locator('.wishlist__name').innerText()).trim(), name);
    assert.equal(await theirs.getByTestId('wishlist').getByRole('button', { name: /Remove/ }).count(), 0, 'read-only');
    await friend.close();
    await page.goto(shared.server.url + '/wishlist');
    const item2 = page.getByTestId('wishlist').getByRole('listitem');

    await item2.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL('**/cart');
    assert.match(await page.locator('main').innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await page.goto(shared.server.url + '/wishlist');
    await page.getByTestId('wishlist').getByRole('button', { name: /Remove/ }).click();
    await page.getByText('Nothing saved yet').waitFor();
    assert.equal(await page.getByTestId('wishlist-count').count(), 0, 'nothing to count');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('what a guest saved joins the account on registering, without JavaScript', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[1]);
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.getByRole('button', { name: 'Save to wishlist' }).click();
  await page.getByText('Saved to your wishlist').waitFor();

  await page.goto(shared.server.url + '/account');
  const register = page.getByRole('region', { name: 'Create an account' });
  await register.getByLabel('Full name').fill('Mary Jackson');
  await register.getByLabel('Email').fill(`mary.${c.name}@example.com`);
  await register.getByLabel('Password').fill('wind tunnel 1958');
  await page.getByTestId('register').click();
  await page.getByTestId('account-email').waitFor();

  await page.getByTestId('wishlist-link').click();
  await page.waitForURL('**/wishlist');
  const item = page.getByTestId('wishlist').getByRole('listitem');
  assert.equal(await item.count(), 1);
  assert.equal((await item.locator('.wishlist__name').innerText()).trim(), name, 'kept in the account');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after the owner lowers a price, the wishlist says it dropped from what it cost when saved', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const path = c.products[2];
  await page.goto(shared.server.url + path);
  const was = cents(await page.getByTestId('product-price').locator('.price__now').innerText());
  await page.getByRole('button', { name: 'Save to wishlist' }).click();
  await page.getByText('Saved to your wishlist').waitFor();

  // A sale: five off, the backend's own way (Vendure's price before its 20% tax).
  if (c.name === 'embedded') {
    await shared.server.adminPost(`/admin/products/${path.replace('/p/', '')}/price?amount=${((was - 500) / 100).toFixed(2)}`);
  } else {
    const variant = await page.locator('form.add-to-cart input[name=variant_id]').inputValue();
    await vendureOperator(shared.vendure).lowerPrice(variant, 500);
  }
  // The embedded store shows it at once; a Vendure price reaches the store's pages within
  // the 5 s its product copies are kept (VENDURE_PRODUCT_TTL).
  const item = page.getByTestId('wishlist').getByRole('listitem');
  const wanted = c.name === 'embedded' ? was - 500 : was - 600;
  const until = Date.now() + (c.name === 'embedded' ? 0 : 10_000);
  let now;
  for (;;) {
    await page.goto(shared.server.url + '/wishlist');
    now = cents(await item.getByTestId('wishlist-price').innerText());
    if (now === wanted || Date.now() > until) break;
    await page.waitForTimeout(500);
  }
  assert.equal(now, wanted);
  const dropped = await item.getByTestId('price-dropped').innerText();
  assert.equal(cents(dropped), was, `says what it was: ${dropped}`);
  await shared.shot(page, 'wishlist-price-drop-390');
  assert.deepEqual(problems, []);
  await context.close();
});

test("a card's heart saves from the listing and comes back to the same card, without JavaScript", async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + c.category.path + '?sort=price-desc');
  const card = page.locator('.card').nth(2);
  const name = (await card.locator('.card__title').innerText()).trim();
  await card.getByRole('button', { name: `Save ${name} to your wishlist` }).click();
  await page.waitForURL(/\?sort=price-desc#card-/);
  const heart = page.locator('.card').nth(2).getByTestId('card-heart');
  assert.equal(await heart.getAttribute('aria-pressed'), 'true', 'the same card, now saved');
  assert.equal(await heart.getAttribute('aria-label'), `Remove ${name} from your wishlist`);
  assert.equal(await page.getByTestId('wishlist-count').innerText(), '1');
  await shared.shot(page, 'card-heart-390');
  await heart.click();
  await page.waitForURL(/#card-/);
  assert.equal(await page.locator('.card').nth(2).getByTestId('card-heart').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

});
