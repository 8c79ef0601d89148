// Accessibility, audited in a real browser on every backend: axe-core's WCAG 2.0–2.2 A and AA
// rules on every kind of page a shopper meets (home, listing, product, search, the cart
// drawer open, checkout with an error shown, order tracking, account, privacy centre, a
// first visit with the consent banner), in
// light and in dark; and a purchase made with the keyboard alone, from the home page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { watchedPage, hydrated, fillCheckout } from './lib/harness.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';
import { onEveryBackend } from './lib/backends.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe's violations on the page as it is now, one line each (rule, impact, where). */
async function violations(page) {
  // Through DevTools, not a <script>: the store's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG);
  return found;
}

onEveryBackend((shared, c) => {

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no WCAG A/AA violation on any kind of page (${colorScheme})`, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const { page, problems } = await watchedPage(context);
    const base = shared.server.url;
    const report = [];
    const check = async (what) => {
      for (const v of await violations(page)) report.push(`${what}: ${v}`);
    };

    for (const [what, path] of [
      ['home', '/'], ['listing', c.category.path], ['search', `/search?q=${c.many.query}`],
      ['account', '/account'], ['privacy centre', '/privacy'], ['order lookup', '/orders'],
    ]) {
      await page.goto(base + path);
      await hydrated(page);
      await check(what);
    }

    await page.goto(base + c.products[0]);
    await hydrated(page);
    await check('product');
    await page.getByTestId('add-to-cart').click();
    await page.getByRole('dialog').waitFor();
    await check('cart drawer open');

    await page.getByTestId('drawer-checkout').click();
    await page.waitForURL('**/checkout');
    await hydrated(page);
    // An error shown: an address that is not one, checked as the shopper leaves the field.
    await page.getByLabel('Email', { exact: true }).fill('not an address');
    await page.getByLabel('Email', { exact: true }).blur();
    await page.getByText('Please enter an email address like name@example.com.').first().waitFor();
    await check('checkout with an error');

    await fillCheckout(page);
    await page.getByTestId('place-order').click();
    await page.waitForURL(orderPage);
    await hydrated(page);
    await check('order tracking');

    // A first visit, with the consent banner up.
    const firstVisit = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const visitor = await watchedPage(firstVisit, { consent: 'unasked' });
    await visitor.page.goto(base + c.products[0]);
    await hydrated(visitor.page);
    await visitor.page.getByTestId('consent-banner').waitFor();
    for (const v of await violations(visitor.page)) report.push(`first visit, consent banner: ${v}`);
    await firstVisit.close();

    assert.deepEqual(report, [], report.join('\n'));
    assert.deepEqual([...problems, ...visitor.problems], []);
    await context.close();
  });
}

test('a shopper who asked for less motion sees nothing move', async () => {
  const context = await shared.browser.newContext({ reducedMotion: 'reduce' });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + c.products[0]);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await page.getByRole('dialog').waitFor();
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => {
    const s = getComputedStyle(el);
    const timed = (d) => d.split(',').some((x) => parseFloat(x) > 0);
    return timed(s.animationDuration) || timed(s.transitionDuration) ? [el.className || el.tagName] : [];
  }));
  assert.deepEqual(moving, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shopper buys from the home page with the keyboard alone', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  await hydrated(page);

  const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);
  /** Presses Tab until `locator` has the focus (it must, within `limit` presses). */
  const tabTo = async (locator, limit = 40) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      if (await isFocused(locator)) return;
    }
    assert.fail(`Tab never reached ${locator}`);
  };

  // The first product on the home page, by Tab and Enter.
  const card = page.locator('main a[href^="/p/"]').first();
  const href = await card.getAttribute('href');
  await tabTo(card, 80);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${href}`);
  await hydrated(page);

  // Another option by Enter on its chip: the variant is drawn again, and the focus stays on
  // that option's chip, now the current one (not lost to the top of the page).
  const chip = page.locator('fieldset.option-picker a.chip:not(.chip--unavailable):not([aria-current])').first();
  if (await chip.count()) {
    const option = await chip.getAttribute('data-option');
    await tabTo(chip, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/variant=/);
    await page.waitForFunction((i) => {
      const el = document.activeElement;
      return el?.matches(`a.chip[data-option="${i}"][aria-current="true"]`);
    }, option);
  }

  await tabTo(page.getByTestId('buy-now'));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/checkout');
  await hydrated(page);

  // Past the header the way a keyboard user goes: the skip link first.
  await tabTo(page.getByRole('link', { name: 'Skip to content' }), 3);
  await page.keyboard.press('Enter');
  const own = page.getByRole('group', { name: 'Shipping address' });
  for (const [field, text] of [
    [page.getByLabel('Email', { exact: true }), 'ada@example.com'],
    [own.getByLabel('Full name'), 'Ada Lovelace'],
    [own.getByLabel('Address', { exact: true }), "12 St James's Square"],
    [own.getByLabel('City'), 'London'],
    [own.getByLabel('Postcode / ZIP'), 'SW1Y 4JH'],
  ]) {
    await tabTo(field, 10);
    await page.keyboard.type(text);
  }
  // A closed select takes typed letters as a choice.
  const country = own.getByLabel('Country');
  await tabTo(country, 5);
  await page.keyboard.type('United Kingdom');
  assert.equal(await country.inputValue(), 'GB');
  for (const [label, text] of [['Card number', '4242 4242 4242 4242'], ['Expiry (MM/YY)', '12/30'], ['Security code', '123']]) {
    await tabTo(page.getByLabel(label), 20);
    await page.keyboard.type(text);
  }
  await tabTo(page.getByTestId('place-order'), 30);
  await page.keyboard.press('Enter');
  await page.waitForURL(orderPage);
  await page.getByRole('heading', { name: /your order is confirmed/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
});
