// Experiments without flicker, on every backend: the owner starts "together-position"; each
// consenting shopper's product page is drawn by the server in their cell (the set above or
// below the description), hydration leaves it where it was (the very same element, never
// moved), every visit shows the same cell, and the owner's dashboard counts each shopper in
// their cell. A shopper who did not agree sees control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { watchedPage, hydrated, adminToken, vendureOperator } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';

/** A page that offers a set, and the bundle that makes it offer one. */
const sets = {
  embedded: { page: '/p/heavyweight-pocket-tee' },
  vendure: { page: '/p/laptop', products: ['laptop', 'cordless-mouse'] },
};

/** Whether this HTML draws the set above the description. */
function setAbove(html) {
  const set = html.indexOf('data-testid="buy-together"');
  const description = html.indexOf('class="product__description"');
  assert.ok(set > 0 && description > 0, 'the page offers a set and has a description');
  return set < description;
}

onEveryBackend((shared, c) => {
  const set = sets[c.name];
  const serverHtml = async (visitor, consent = 'yes') => {
    const res = await fetch(shared.server.url + set.page, {
      headers: { cookie: `vitrine_consent=${consent}; vitrine_visitor=${visitor}` },
    });
    assert.equal(res.status, 200);
    return res.text();
  };

  test('each shopper sees their cell drawn by the server, the same on every visit, never swapped', async () => {
    if (set.products) {
      await vendureOperator(shared.vendure).bundlePromotion(set.products, 10, 'Laptop and mouse: 10% off');
      const declared = await shared.server.adminTry(`/admin/bundles?percent=10&products=${set.products.join(',')}`);
      assert.equal(declared.status, 201, declared.body);
    }
    assert.match(await shared.server.admin('experiments', 'start', 'together-position'), /Running since/);
    // The running server reads the file again within a second.
    await new Promise((ok) => setTimeout(ok, 1200));

    const cells = { above: [], below: [] };
    for (let i = 0; i < 40 && (cells.above.length < 2 || cells.below.length < 2); i++) {
      const id = randomBytes(16).toString('hex');
      cells[setAbove(await serverHtml(id)) ? 'above' : 'below'].push(id);
    }
    assert.ok(cells.above.length >= 2 && cells.below.length >= 2, 'both cells are drawn');
    for (const [cell, ids] of Object.entries(cells)) {
      for (const id of ids) assert.equal(setAbove(await serverHtml(id)), cell === 'above', 'the same cell again');
    }
    // Without consent, the same id sees control.
    assert.equal(setAbove(await serverHtml(cells.above[0], 'no')), false);

    for (const [cell, width] of [['above', 390], ['below', 1280], ['above', 1280]]) {
      const context = await shared.browser.newContext({ viewport: { width, height: 900 } });
      await context.addCookies([{ name: 'vitrine_visitor', value: cells[cell][0], domain: '127.0.0.1', path: '/' }]);
      const { page, problems } = await watchedPage(context, { consent: 'yes' });
      // The set as the server drew it, remembered before any script runs.
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          window.drawn = document.querySelector('[data-testid="buy-together"]');
        });
      });
      await page.goto(shared.server.url + set.page);
      await hydrated(page);
      const after = await page.evaluate(() => {
        const now = document.querySelector('[data-testid="buy-together"]');
        const description = document.querySelector('.product__description');
        return {
          same: window.drawn === now && now.isConnected,
          above: Boolean(now.compareDocumentPosition(description) & Node.DOCUMENT_POSITION_FOLLOWING),
          count: document.querySelectorAll('[data-testid="buy-together"]').length,
        };
      });
      assert.deepEqual(after, { same: true, above: cell === 'above', count: 1 }, `${cell} at ${width}`);
      await page.getByTestId('buy-together').scrollIntoViewIfNeeded();
      await shared.shot(page, `experiment-${cell}-${width}`);
      assert.deepEqual(problems, []);
      await context.close();
    }

    // The owner sees each of these shoppers in their cell.
    const visitors = (html, cell) => Number((new RegExp(`<th scope="row">${cell}</th><td>\\d+%</td><td>([\\d,]+)</td>`).exec(html)?.[1] ?? '0').replace(/,/g, ''));
    let dashboard = '';
    // Steps are written off the request's path: give the writer a moment.
    for (let i = 0; i < 20; i++) {
      const res = await fetch(shared.server.url + '/insights', { headers: { authorization: `Bearer ${adminToken}` } });
      dashboard = await res.text();
      if (visitors(dashboard, 'above') >= cells.above.length && visitors(dashboard, 'below') >= cells.below.length) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.match(dashboard, /data-testid="experiment-together-position"/);
    assert.ok(visitors(dashboard, 'above') >= cells.above.length && visitors(dashboard, 'below') >= cells.below.length, dashboard.slice(dashboard.indexOf('Experiments')));
    assert.match(dashboard, /Collecting: the smallest cell has/);

    assert.match(await shared.server.admin('experiments', 'stop', 'together-position'), /Ran /);
  });
});
