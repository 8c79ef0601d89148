// Discovery journeys in a real browser: a misspelt search through the suggestions, facets,
// sort and pages that survive reload and Back, and personalisation only with consent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, watchedPage, hydrated, screenshot, listingSettled } from './lib/harness.mjs';

const shared = serverAndBrowser();

test('a misspelt query → suggestions → Enter → corrected results with facets', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  await hydrated(page);

  const box = page.getByRole('combobox', { name: 'Search' });
  await box.pressSequentially('snekers', { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Search' });
  await list.waitFor();
  await assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const options = list.getByRole('option');
  assert.match(await options.first().innerText(), /Sneakers/, 'the category comes first');
  await screenshot(page, 'search-suggestions-1280');

  // Arrow keys move the active option; Escape closes; Enter with nothing chosen searches.
  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-suggestion-0');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=snekers/);
  await page.getByTestId('corrected').waitFor();
  assert.match(await page.getByTestId('corrected').innerText(), /Showing results for “sneakers”/);
  assert.match(await page.getByTestId('search-count').innerText(), /16 products/);
  await page.getByRole('group', { name: 'Colour' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('tick two facets, sort, paginate: reload and Back keep every choice', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  // Every product is "made from" something: enough results for several pages.
  await page.goto(shared.server.url + '/search?q=made');
  await hydrated(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  const count = async () => Number((await page.getByTestId('search-count').innerText()).match(/[\d,]+/)[0].replace(',', ''));
  const all = await count();

  const prices = page.getByRole('group', { name: 'Price' });
  await prices.getByLabel(/^\$25 to \$50/).check();
  await listingSettled(page, /price=25-50/);
  const oneBand = await count();
  assert.ok(oneBand < all, `one band narrows ${all} to ${oneBand}`);
  // Focus stays on the box just ticked, for keyboard shoppers.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), '25-50');
  await prices.getByLabel(/^\$50 to \$100/).check();
  await listingSettled(page, /price=25-50&price=50-100/);
  const twoBands = await count();
  assert.ok(twoBands > oneBand, 'a second band in the same facet widens');

  await page.getByLabel('Sort by').selectOption('price-asc');
  await listingSettled(page, /sort=price-asc/);
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: '2', exact: true }).click();
  await listingSettled(page, /page=2/);
  const firstOnPage2 = await page.locator('.card__title').first().innerText();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'all of that without a reload');

  await page.reload();
  await hydrated(page);
  assert.equal(await prices.getByLabel(/^\$25 to \$50/).isChecked(), true);
  assert.equal(await prices.getByLabel(/^\$50 to \$100/).isChecked(), true);
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'price-asc');
  assert.equal(await page.locator('.card__title').first().innerText(), firstOnPage2);
  await screenshot(page, 'search-facets-1280');

  await page.goBack();
  await listingSettled(page, (u) => !u.search.includes('page=2'));
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'price-asc');
  await page.goBack();
  await listingSettled(page, (u) => !u.search.includes('sort=price-asc'));
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'relevance');
  assert.equal(await count(), twoBands);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the filters fold away, and work without JavaScript', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const { page } = await watchedPage(context);
  await page.goto(shared.server.url + '/c/t-shirts');
  await page.getByText('Filters').click();
  await page.getByRole('group', { name: 'Colour' }).getByLabel(/^Ink/).check();
  await screenshot(page, 'category-filters-390');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.waitForURL(/colour=Ink/);
  assert.equal(await page.getByRole('group', { name: 'Colour' }).getByLabel(/^Ink/).isChecked(), true);
  await context.close();
});

const profileCookie = async (context) => (await context.cookies()).find((c) => c.name === 'vitrine_profile' && c.value);
const storedProfile = (page) => page.evaluate(() => localStorage.getItem('vitrine.profile'));

/** The handles of a category's products, from its page. */
async function handlesOf(page, category) {
  await page.goto(shared.server.url + `/c/${category}`);
  return page.locator('a.card__link').evaluateAll((links) => links.map((a) => a.getAttribute('href').replace('/p/', '')));
}

test('with consent, three knitwear views make home lead with knitwear, rendered by the server', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context, { consent: 'unasked' });
  await page.goto(shared.server.url + '/');
  await hydrated(page);
  const banner = page.getByTestId('consent-banner');
  await banner.waitFor();
  await screenshot(page, 'consent-banner-390');
  await banner.getByRole('button', { name: 'Yes, personalise' }).click();
  await banner.waitFor({ state: 'detached' });

  const knitwear = await handlesOf(page, 'knitwear');
  for (const handle of knitwear.slice(0, 3)) {
    await page.goto(shared.server.url + `/p/${handle}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  assert.ok(await profileCookie(context), 'a signed profile cookie is kept');

  // The server's own HTML, before any script runs, already leads with knitwear.
  const html = await (await page.request.get(shared.server.url + '/')).text();
  const section = html.slice(html.indexOf('data-testid="for-you"'));
  assert.ok(html.includes('data-testid="for-you"'), 'a "For you" row is rendered by the server');
  const first = /href="\/p\/([^"]+)"/.exec(section)[1];
  assert.ok(knitwear.includes(first), `For you leads with knitwear, not ${first}`);
  assert.ok(!knitwear.slice(0, 3).includes(first), 'and not with what was already seen');
  assert.match(section, /Because you viewed/);

  await page.goto(shared.server.url + '/');
  await hydrated(page);
  await page.getByTestId('for-you').waitFor();
  await page.getByTestId('recently-viewed').waitFor();
  await screenshot(page, 'home-for-you-390');
  await page.waitForFunction(() => localStorage.getItem('vitrine.profile')?.includes('knit'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('without consent nothing is recorded: no profile cookie, no storage, no personal rows', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context, { consent: 'unasked' });
  await page.goto(shared.server.url + '/');
  await hydrated(page);
  await page.getByTestId('consent-banner').getByRole('button', { name: 'No thanks' }).click();
  await page.getByTestId('consent-banner').waitFor({ state: 'detached' });

  const bags = await handlesOf(page, 'bags');
  for (const handle of bags.slice(0, 3)) {
    await page.goto(shared.server.url + `/p/${handle}`);
    await hydrated(page);
  }
  await page.goto(shared.server.url + '/search?q=tote');
  await hydrated(page);
  await page.goto(shared.server.url + '/');
  await hydrated(page);
  assert.equal(await page.getByTestId('consent-banner').count(), 0, '"no" is remembered');
  assert.equal(await profileCookie(context), undefined);
  assert.equal(await storedProfile(page), null);
  assert.equal(await page.getByTestId('for-you').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the privacy centre shows what is recorded, exports it, and deletes it for good', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context, { consent: 'yes' });
  await page.goto(shared.server.url + '/p/everyday-crew-tee');
  await hydrated(page);
  await page.goto(shared.server.url + '/search?q=lamp');
  await hydrated(page);
  await page.goto(shared.server.url + '/privacy');
  await hydrated(page);
  const events = page.getByTestId('privacy-events');
  await events.waitFor();
  assert.match(await events.innerText(), /You viewed Everyday Crew Tee/);
  assert.match(await events.innerText(), /You searched for “lamp”/);
  await page.waitForFunction(() => localStorage.getItem('vitrine.profile') !== null);

  const exported = await (await page.request.get(shared.server.url + '/api/profile/export')).json();
  assert.ok(exported.e.some((e) => e.s === 'everyday-crew-tee'), 'the export holds the view');

  await page.getByTestId('privacy-delete').click();
  await page.getByTestId('privacy-deleted').waitFor();
  await screenshot(page, 'privacy-deleted-1280');
  assert.equal(await profileCookie(context), undefined, 'the cookie is gone');
  assert.equal(await storedProfile(page), null, 'the browser copy is gone');
  await page.reload();
  await page.getByTestId('privacy-empty').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
