// Reviews on every backend, with moderation on: a guest buys, the order is delivered, the guest
// opens the order's link, reviews the product (a first try with markup is refused and loses
// nothing typed), the owner approves it, and it shows on the product page and its card. The
// same order cannot review it twice, nor a product it did not buy; another shopper finds it
// helpful once. The review pages work without JavaScript: they are plain forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillCheckout, toCheckout, watchedPage, hydrated, vendureOperator, adminToken } from './lib/harness.mjs';
import { orderPage } from './lib/checkout-journeys.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => {

/** Moves order `code` to delivered the backend's own way. */
async function deliver(code) {
  if (c.name === 'embedded') {
    for (let i = 0; i < 4; i++) await shared.server.admin('advance', code);
  } else {
    const operator = vendureOperator(shared.vendure);
    await operator.move(await operator.ship(code, 'Parcelwise', 'PW000012345699'), 'Delivered');
  }
}

/** The reviews waiting for the owner, from the admin endpoint. */
async function queue() {
  const res = await fetch(shared.server.url + '/admin/reviews', { headers: { authorization: `Bearer ${adminToken}` } });
  assert.equal(res.status, 200);
  return res.json();
}

test('a guest reviews what was delivered; once approved it shows on the product and its card', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const product = c.products[0];
  await toCheckout(page, shared.server.url + product);
  await fillCheckout(page, { email: 'katherine@example.com' });
  await page.getByTestId('place-order').click();
  await page.waitForURL(orderPage);
  const code = await page.getByTestId('order-code').innerText();
  const orderUrl = page.url();
  assert.equal(await page.getByTestId('review-link').count(), 0, 'nothing to review before delivery');

  await deliver(code);
  await page.goto(orderUrl);
  await hydrated(page);
  await page.getByTestId('review-link').first().click();
  await page.waitForURL(/\/orders\/[^/]+\/review\//);
  const reviewUrl = page.url();
  assert.equal(await page.getByLabel('Name shown').inputValue(), 'Ada L.', 'the order\'s first name and initial');

  // A second tab opens the same blank form: it will be the "second review of the order".
  const stale = await context.newPage();
  await stale.goto(reviewUrl);

  // Markup is refused with a reason beside the text, and what was typed comes back.
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByLabel('Title').fill('Warm and well made');
  const text = 'Soft, warm, and the colour is exactly as pictured. <script>alert(1)</script>';
  await page.getByLabel('Your review').fill(text);
  await page.getByTestId('publish-review').click();
  await page.getByText('Reviews are plain text: please leave out HTML and scripts.').waitFor();
  assert.equal(await page.getByLabel('Your review').inputValue(), text, 'nothing typed was lost');
  assert.equal(await page.getByLabel('Title').inputValue(), 'Warm and well made');
  assert.equal(await page.getByRole('radio', { name: '4 stars' }).isChecked(), true);
  await shared.shot(page, 'review-refused-390');

  await page.getByLabel('Your review').fill('Soft, warm, and the colour is exactly as pictured. Washed well too.');
  await page.getByTestId('publish-review').click();
  await page.waitForURL(/\?reviewed=pending#reviews$/);
  await page.getByText('your review will appear here once the store has read it').waitFor();
  assert.equal(await page.getByText('Warm and well made').count(), 0, 'not shown before approval');

  // The other tab's blank form cannot add a second review of the same order.
  await stale.getByRole('radio', { name: '5 stars' }).check();
  await stale.getByLabel('Title').fill('Again');
  await stale.getByLabel('Your review').fill('A second opinion from the same order.');
  await stale.getByTestId('publish-review').click();
  await stale.getByText('You have already reviewed this product for this order.').waitFor();
  await stale.close();

  // The same order's link cannot review a product it did not buy.
  const other = c.products[1].replace('/p/', '');
  await page.goto(reviewUrl.replace(/\/review\/[^?]+/, `/review/${other}`));
  assert.match(await page.getByTestId('review-refused').innerText(), /Only shoppers who bought this product can review it/);

  // The owner approves it.
  const waiting = (await queue()).filter((r) => r.order === code);
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0].standing, 'pending');
  assert.equal(await shared.server.admin('reviews', 'approve', String(waiting[0].id)), `review #${waiting[0].id} is now published`);

  await page.goto(shared.server.url + product + '?review_order=newest');
  const review = page.getByTestId('review').filter({ hasText: 'Warm and well made' });
  await review.waitFor();
  assert.match(await review.innerText(), /Verified purchase/);
  assert.equal(await review.getByRole('img', { name: 'Rated 4 out of 5' }).count(), 1, 'stars read as words');
  const summary = await page.getByTestId('reviews-summary').innerText();
  const count = Number(/(\d+) reviews?/.exec(summary)[1]);
  assert.ok(count >= 1);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').first().textContent());
  assert.equal(ld.aggregateRating.reviewCount, count, 'JSON-LD counts the same');
  assert.ok(ld.review.some((r) => r.name === 'Warm and well made'));
  await page.getByTestId('reviews').scrollIntoViewIfNeeded();
  await shared.shot(page, 'reviews-390');

  // Its card, found by name, shows the average and count.
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.goto(shared.server.url + '/search?q=' + encodeURIComponent(name));
  const card = page.locator('.card').filter({ hasText: name }).first();
  assert.match(await card.getByTestId('card-rating').innerText(), new RegExp(`\\(${count}\\)`));
  assert.deepEqual(problems, []);
  await context.close();

  // Another shopper, without JavaScript, finds it helpful: once.
  const reader = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const { page: theirs, problems: theirProblems } = await watchedPage(reader);
  await theirs.goto(shared.server.url + product + '?review_order=newest');
  const mine = theirs.getByTestId('review').filter({ hasText: 'Warm and well made' });
  await mine.getByTestId('helpful').click();
  await theirs.waitForURL(/#review-\d+$/);
  const voted = theirs.getByTestId('review').filter({ hasText: 'Warm and well made' });
  assert.equal(await voted.getByTestId('helpful-count').innerText(), '1 person found this helpful');
  assert.equal(await voted.getByTestId('helpful').getAttribute('aria-pressed'), 'true');
  assert.equal(await voted.getByTestId('helpful').isDisabled(), true, 'one vote per shopper');
  await shared.shot(theirs, 'reviews-1280');
  assert.deepEqual(theirProblems, []);
  await reader.close();
});

}, { VITRINE_REVIEWS_MODERATED: '1' });
