// Discovery journeys in a real browser, on every backend: a misspelt search through the
// suggestions, facets, sort and pages that survive reload and Back, and personalisation only
// with consent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, hydrated, listingSettled } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';

const profileCookie = async (context) => (await context.cookies()).find((c) => c.name === 'vitrine_profile' && c.value);
const storedProfile = (page) => page.evaluate(() => localStorage.getItem('vitrine.profile'));

onEveryBackend((shared, c) => {

test('a misspelt query → suggestions → Enter → corrected results with facets', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  await hydrated(page);

  const box = page.getByRole('combobox', { name: 'Search' });
  await box.pressSequentially(c.misspelt.typed, { delay: 40 });
  const list = page.getByRole('listbox', { name: 'Search' });
  await list.waitFor();
  await assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const options = list.getByRole('option');
  assert.match(await options.first().innerText(), c.misspelt.category, 'the category comes first');
  await shared.shot(page, 'search-suggestions-1280');

  // Arrow keys move the active option; Escape closes; Enter with nothing chosen searches.
  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-suggestion-0');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await box.press('Enter');
  await page.waitForURL(`**/search?q=${c.misspelt.typed}`);
  await page.getByTestId('corrected').waitFor();
  assert.match(await page.getByTestId('corrected').innerText(), new RegExp(`Showing results for “${c.misspelt.corrected}”`));
  assert.match(await page.getByTestId('search-count').innerText(), c.misspelt.count);
  await page.getByRole('group', { name: c.misspelt.facet }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('tick two facets, sort, paginate: reload and Back keep every choice', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  // Enough results for several pages.
  await page.goto(shared.server.url + `/search?q=${c.many.query}`);
  await hydrated(page);
  const count = async () => Number((await page.getByTestId('search-count').innerText()).match(/[\d,]+/)[0].replace(',', ''));
  const all = await count();

  const prices = page.getByRole('group', { name: 'Price' });
  const [one, two] = c.many.bands;
  await prices.getByLabel(one.label).check();
  await listingSettled(page, new RegExp(`price=${one.value}`));
  const oneBand = await count();
  assert.ok(oneBand < all, `one band narrows ${all} to ${oneBand}`);
  // Focus stays on the box just ticked, for keyboard shoppers.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), one.value);
  await prices.getByLabel(two.label).check();
  await listingSettled(page, new RegExp(`price=${one.value}&price=${two.value}`));
  const twoBands = await count();
  assert.ok(twoBands > oneBand, 'a second band in the same facet widens');

  await page.getByLabel('Sort by').selectOption('price-asc');
  await listingSettled(page, /sort=price-asc/);
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: '2', exact: true }).click();
  await listingSettled(page, /page=2/);
  const firstOnPage2 = await page.locator('.card__title').first().innerText();

  await page.reload();
  await hydrated(page);
  assert.equal(await prices.getByLabel(one.label).isChecked(), true);
  assert.equal(await prices.getByLabel(two.label).isChecked(), true);
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'price-asc');
  assert.equal(await page.locator('.card__title').first().innerText(), firstOnPage2);
  await shared.shot(page, 'search-facets-1280');

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
  const { group, param, value } = c.category.facet;
  await page.goto(shared.server.url + c.category.path);
  await page.getByText('Filters').click();
  const box = page.getByRole('group', { name: group }).getByLabel(new RegExp(`^${value}`));
  await box.check();
  await shared.shot(page, 'category-filters-390');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.waitForURL((u) => u.searchParams.getAll(param).includes(value));
  assert.equal(await box.isChecked(), true);
  await context.close();
});

/** The handles of a category's products, from its page. */
async function handlesOf(page, category) {
  await page.goto(shared.server.url + `/c/${category}`);
  return page.locator('a.card__link').evaluateAll((links) => links.map((a) => a.getAttribute('href').replace('/p/', '')));
}

test(`with consent, three ${c.liked} views make home lead with ${c.liked}, rendered by the server`, async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context, { consent: 'unasked' });
  await page.goto(shared.server.url + '/');
  await hydrated(page);
  const banner = page.getByTestId('consent-banner');
  await banner.waitFor();
  await shared.shot(page, 'consent-banner-390');
  await banner.getByRole('button', { name: 'Yes, personalise' }).click();
  await banner.waitFor({ state: 'hidden' }); // gone from view and from the accessibility tree

  const liked = await handlesOf(page, c.liked);
  for (const handle of liked.slice(0, 3)) {
    await page.goto(shared.server.url + `/p/${handle}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  assert.ok(await profileCookie(context), 'a signed profile cookie is kept');

  // The server's own HTML, before any script runs, already leads with that category.
  const html = await (await page.request.get(shared.server.url + '/')).text();
  const section = html.slice(html.indexOf('data-testid="for-you"'));
  assert.ok(html.includes('data-testid="for-you"'), 'a "For you" row is rendered by the server');
  const first = /href="\/p\/([^"]+)"/.exec(section)[1];
  assert.ok(liked.includes(first), `For you leads with ${c.liked}, not ${first}`);
  assert.ok(!liked.slice(0, 3).includes(first), 'and not with what was already seen');
  assert.match(section, /Because you viewed/);

  await page.goto(shared.server.url + '/');
  await hydrated(page);
  await page.getByTestId('for-you').waitFor();
  await page.getByTestId('recently-viewed').waitFor();
  await shared.shot(page, 'home-for-you-390');
  await page.waitForFunction((handle) => localStorage.getItem('vitrine.profile')?.includes(handle), liked[0]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without consent nothing is recorded: no profile cookie, no storage, no personal rows', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context, { consent: 'unasked' });
  await page.goto(shared.server.url + '/');
  await hydrated(page);
  await page.getByTestId('consent-banner').getByRole('button', { name: 'No thanks' }).click();
  await page.getByTestId('consent-banner').waitFor({ state: 'hidden' });

  const browsed = await handlesOf(page, c.browsed.category);
  for (const handle of browsed.slice(0, 3)) {
    await page.goto(shared.server.url + `/p/${handle}`);
    await hydrated(page);
  }
  await page.goto(shared.server.url + `/search?q=${c.browsed.search}`);
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
  await page.goto(shared.server.url + c.viewed.path);
  await hydrated(page);
  await page.goto(shared.server.url + `/search?q=${c.viewed.search}`);
  await hydrated(page);
  await page.goto(shared.server.url + '/privacy');
  await hydrated(page);
  const events = page.getByTestId('privacy-events');
  await events.waitFor();
  assert.match(await events.innerText(), new RegExp(`You viewed ${c.viewed.name}`));
  assert.match(await events.innerText(), new RegExp(`You searched for “${c.viewed.search}”`));
  await page.waitForFunction(() => localStorage.getItem('vitrine.profile') !== null);

  const exported = await (await page.request.get(shared.server.url + '/api/profile/export')).json();
  assert.ok(exported.e.some((e) => e.s === c.viewed.handle), 'the export holds the view');

  await page.getByTestId('privacy-delete').click();
  await page.getByTestId('privacy-deleted').waitFor();
  await shared.shot(page, 'privacy-deleted-1280');
  assert.equal(await profileCookie(context), undefined, 'the cookie is gone');
  assert.equal(await storedProfile(page), null, 'the browser copy is gone');
  await page.reload();
  await page.getByTestId('privacy-empty').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a search engine finds every category and product from robots.txt, described in JSON-LD', async () => {
  const base = shared.server.url;
  const robots = await (await fetch(`${base}/robots.txt`)).text();
  const index = robots.match(/^Sitemap: (\S+)$/m)?.[1];
  assert.equal(index, `${base}/sitemap.xml`, robots);
  const files = [...(await (await fetch(index)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(files, ['en', 'zh', 'fa', 'ru'].map((l) => `${base}/sitemaps/${l}.xml`), 'one file per language');
  const listed = async (file) => [...(await (await fetch(file)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const locs = await listed(files[0]);
  assert.ok(locs.every((l) => l.startsWith(`${base}/`)), 'on the store\'s own address');
  // Every language lists the same pages at its own addresses.
  const persian = await listed(files[2]);
  assert.deepEqual(persian, locs.map((l) => l.replace(base, `${base}/fa`).replace(/\/fa\/$/, '/fa')));

  // Every category the header lists, and every product its first category page shows.
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${c.category.path}`);
  const links = await page.locator('a[href^="/c/"], a[href^="/p/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href').split('?')[0]));
  assert.ok(links.some((l) => l.startsWith('/p/')) && links.some((l) => l.startsWith('/c/')));
  for (const link of new Set(links)) assert.ok(locs.includes(`${base}${link}`), `${link} is in the sitemap`);

  // A product from the sitemap says what the page says.
  const product = locs.find((l) => l.includes('/p/'));
  await page.goto(product);
  const blocks = await page.locator('script[type="application/ld+json"]').evaluateAll((ss) => ss.map((s) => JSON.parse(s.textContent)));
  const described = blocks.find((b) => b['@type'] === 'Product');
  assert.equal(described.name, (await page.locator('h1').innerText()).trim());
  assert.equal(described.url, product);
  assert.ok(described.offers.length > 0 && described.offers.every((o) => /^\d+(\.\d+)?$/.test(o.price) && o.priceCurrency.length === 3));
  await context.close();
});
});
