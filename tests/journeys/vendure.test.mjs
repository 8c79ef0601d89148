// Vendure going away under an open cart and coming back. (Every other journey runs on Vendure
// too, through lib/backends.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated } from './lib/harness.mjs';
import { onVendure } from './lib/backends.mjs';

onVendure((shared) => {
test('when Vendure is down the cart page says so and the cart is back when it returns', async () => {
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
    await shared.shot(page, 'down-1280');
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
});
