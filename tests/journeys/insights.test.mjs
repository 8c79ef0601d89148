// The store's own statistics on every backend: a consenting shopper browses, searches for
// something the store does not have, adds, buys; each step shows in the owner's /insights
// funnel and searches. A shopper without consent moves only the anonymous counts, and the
// privacy centre deletes a shopper's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, fillCheckout, adminToken } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';

onEveryBackend((shared, c) => {
  /** The owner's dashboard, signed in with the admin token through its form. */
  async function dashboard(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(shared.server.url + '/insights?days=1');
    await page.getByLabel('Admin token').fill(adminToken);
    await page.getByRole('button', { name: 'Open insights' }).click();
    await page.getByTestId('funnel').waitFor();
    await page.goto(shared.server.url + '/insights?days=1');
    return { context, page };
  }
  // The dashboard groups digits ("14,882").
  const figure = (text) => Number(text.replace(/,/g, ''));
  const counts = async (page) => {
    const rows = await page.getByTestId('funnel').locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => figure(await r.locator('td').first().innerText())));
  };
  const followed = async (page) => figure(await page.getByTestId('visitors').innerText());

  test('each step of a consenting shopper\'s visit shows in the funnel; the privacy centre deletes them', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context, { consent: 'yes' });
    await page.goto(shared.server.url + '/');
    await page.goto(shared.server.url + c.products[0]);
    await hydrated(page);
    await page.goto(shared.server.url + '/search?q=qqzzxxnothing');
    await page.getByText(/Nothing matches/).first().waitFor();
    await page.goto(shared.server.url + c.products[0]);
    await hydrated(page);
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('drawer-checkout').click();
    await page.waitForURL('**/checkout');
    await hydrated(page);
    await fillCheckout(page, { email: 'insights@example.com' });
    await page.getByTestId('place-order').click();
    await page.waitForURL(orderPage);

    const owner = await dashboard(shared.browser);
    let funnel = await counts(owner.page);
    for (let i = 0; i < 20 && funnel[4] < 1; i++) {
      await owner.page.waitForTimeout(100);
      await owner.page.reload();
      funnel = await counts(owner.page);
    }
    const [pages, products, added, checkout, orders] = funnel;
    assert.ok(pages >= 5 && products >= 2 && added >= 1 && checkout >= 1 && orders >= 1, `funnel ${funnel}`);
    assert.match(await owner.page.getByTestId('empty-searches').innerText(), /qqzzxxnothing/);
    assert.equal(await followed(owner.page), 1, 'one shopper followed, with consent');
    await shared.shot(owner.page, 'insights-1280');

    // Another shopper, who said no: counted, never followed.
    const anonymous = await shared.browser.newContext();
    const { page: other } = await watchedPage(anonymous, { consent: 'no' });
    await other.goto(shared.server.url + c.products[1]);
    assert.equal((await anonymous.cookies()).some((k) => k.name === 'vitrine_visitor'), false);
    await anonymous.close();
    let after = await counts(owner.page);
    for (let i = 0; i < 20 && after[1] <= products; i++) {
      await owner.page.waitForTimeout(100);
      await owner.page.reload();
      after = await counts(owner.page);
    }
    assert.ok(after[1] > products, 'the anonymous product view is counted');
    assert.equal(await followed(owner.page), 1, 'and nobody new is followed');

    // The shopper deletes their data: their steps go too.
    await page.goto(shared.server.url + '/privacy');
    await hydrated(page);
    assert.match(await page.getByTestId('activity-count').innerText(), /^\d+ steps/);
    await page.getByTestId('privacy-delete').click();
    await page.getByTestId('privacy-deleted').waitFor();
    assert.match(await page.getByTestId('activity-count').innerText(), /^No steps/, 'drawn again with the rest, in place');
    await page.reload();
    assert.match(await page.getByTestId('activity-count').innerText(), /^No steps/);
    await owner.page.reload();
    assert.equal(await followed(owner.page), 0, 'their steps are gone');
    assert.deepEqual(problems, []);
    await owner.context.close();
    await context.close();
  });
});
