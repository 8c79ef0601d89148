// The embeddable widget on other sites' pages: plain static pages, served from other ports
// than the store's, load it with one script tag. One site is on the store's allow-list
// (VITRINE_WIDGET_ORIGINS), one is not; one of the allowed pages is written to break
// anything that does not isolate its styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { watchedPage, cents } from './lib/harness.mjs';
import { onEveryBackend, onEmbedded } from './lib/backends.mjs';

/** A blog that embeds the store: its own fonts, its own `--color-primary`, its own buttons
 *  named like ours, and the widget themed through `--vitrine-…`. */
const blog = (store, handle, buy, lang = 'en', heart = false) => `<!DOCTYPE html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sam's blog</title>
<style>
  :root { --color-primary: rgb(255, 105, 180); --vitrine-color-accent: rgb(10, 110, 60); }
  body { font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  header { display: flex; justify-content: space-between; align-items: center; }
</style>
<script type="module" src="${store}/widget/vitrine.js"></script>
</head><body>
<header><h1>Sam's blog</h1><vitrine-cart></vitrine-cart></header>
<p>My favourite this summer:</p>
<vitrine-product handle="${handle}"${heart ? ' wishlist' : ''}></vitrine-product>
<p>Or just grab one: <vitrine-buy-button handle="${buy}"></vitrine-buy-button></p>
<p><button class="button button--primary" id="own">The blog's own button</button></p>
</body></html>`;

/** A page whose CSS resets and hides everything it can reach. */
const hostile = (store, handle) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<style>
  * { all: unset; }
  button { display: none; }
  select, img, h3, p, div, span, details { display: none; font-size: 40px; color: red; }
  :root { --color-primary: rgb(255, 0, 0); --color-surface: rgb(0, 0, 0); }
</style>
<script type="module" src="${store}/widget/vitrine.js"></script>
</head><body>
<vitrine-cart></vitrine-cart>
<vitrine-product handle="${handle}"></vitrine-product>
</body></html>`;

/** Serves the pages above for the store named in `?store=`, as a site on its own origin. */
async function site() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const store = url.searchParams.get('store') ?? '';
    const handle = url.searchParams.get('handle') ?? '';
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(store) || !/^[a-z0-9-]+$/.test(handle)) {
      res.writeHead(400).end();
      return;
    }
    const buy = url.searchParams.get('buy') ?? handle;
    const page = url.pathname === '/hostile' ? hostile(store, handle)
      : url.pathname === '/fa' ? blog(store, handle, buy, 'fa')
      : blog(store, handle, buy, 'en', url.searchParams.get('wishlist') === '1');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// Started before the stores, which must know the allowed origin when they start.
const allowed = await site();
const refused = await site();
after(() => {
  allowed.server.close();
  refused.server.close();
});

const env = { VITRINE_WIDGET_ORIGINS: allowed.origin };
const handleOf = (path) => path.replace('/p/', '');

onEveryBackend((shared, catalogue) => {
  const [first, second] = catalogue.products.map(handleOf);
  const pageUrl = (origin, path = '/') =>
    `${origin}${path}?store=${shared.server.url}&handle=${first}&buy=${second}`;

  test('a blog adds to the cart from the widget and checks out on the store with that cart', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(pageUrl(allowed.origin));
    const product = page.locator('vitrine-product');
    const add = product.getByRole('button', { name: 'Add to cart' });
    await add.waitFor();
    const cart = page.locator('vitrine-cart');
    assert.equal(await cart.locator('.widget-count').textContent(), '0');
    assert.ok(await cart.getByRole('button', { name: 'Checkout' }).isDisabled(), 'nothing to check out yet');
    const name = (await product.locator('.card__title').textContent()).trim();
    assert.ok(name.length > 0);
    assert.ok(cents(await product.locator('.price__now').textContent()) > 0);
    const src = await product.locator('img').getAttribute('src');
    assert.ok(src.startsWith('http'), `the picture is the store's, absolute: ${src}`);
    // decode() waits for the picture (it may still be on its way) and fails if it cannot load.
    const loads = (i) => i.decode().then(() => true, () => false).then((ok) => ok && i.naturalWidth > 0);
    assert.equal(await product.locator('img').evaluate(loads), true, 'the picture loads');

    // Where the product has a choice to make, the shopper makes it and checkout shows it.
    let chosen = null;
    const select = product.locator('select').first();
    if (await select.count()) {
      const values = await select.locator('option').allTextContents();
      chosen = values[values.length - 1];
      await select.selectOption(chosen);
      assert.equal(await select.inputValue(), chosen);
    }

    // A double click adds one.
    await add.dblclick();
    await product.getByText('Added to your cart').waitFor();
    await cart.locator('.widget-count', { hasText: '1' }).waitFor();
    const subtotal = await cart.locator('.widget-subtotal').textContent();
    assert.equal(cents(subtotal), cents(await product.locator('.price__now').textContent()));
    await cart.locator('summary').click();
    await cart.getByRole('listitem').filter({ hasText: name }).waitFor();
    await shared.shot(page, 'widget-blog-added');

    // The cart is the shopper's on this site: it is still there after a reload.
    await page.reload();
    await cart.locator('.widget-count', { hasText: '1' }).waitFor();

    await cart.getByRole('button', { name: 'Checkout' }).click();
    await page.waitForURL(`${shared.server.url}/checkout`);
    const line = page.locator('.checkout__summary .summary-line').filter({ hasText: name });
    await line.waitFor();
    if (chosen) assert.match(await line.textContent(), new RegExp(chosen));
    assert.equal(cents(await line.locator('.summary-line__total').textContent()), cents(subtotal));
    // And it is the store's cart now, on the store's own cart page.
    await page.goto(`${shared.server.url}/cart`);
    const stored = page.locator('.cart-line').filter({ hasText: name });
    await stored.waitFor();
    if (chosen) assert.match(await stored.locator('.cart-line__variant').textContent(), new RegExp(chosen));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an add that answers before the first cart load is what a reload shows', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    // The page's first look at the cart (asked with no token yet) is answered only after the
    // add has, as on a slow network: it must not put the empty cart back.
    let release;
    const added = new Promise((ok) => { release = ok; });
    let held = 0;
    await page.route('**/api/widget/cart', async (route) => {
      if (held++ > 0) return route.continue();
      const response = await route.fetch(); // asked now, with no cart yet
      await added;
      await route.fulfill({ response });
    });
    await page.goto(pageUrl(allowed.origin));
    const product = page.locator('vitrine-product');
    const cart = page.locator('vitrine-cart');
    await product.getByRole('button', { name: 'Add to cart' }).click();
    await product.getByText('Added to your cart').waitFor();
    await cart.locator('.widget-count', { hasText: '1' }).waitFor();
    const late = page.waitForResponse('**/api/widget/cart');
    release();
    await (await late).finished();
    // The widget reads the answer on its next turns; give it a few.
    await page.waitForTimeout(300);
    assert.equal(await cart.locator('.widget-count').textContent(), '1', 'the late empty cart is ignored');
    await page.reload();
    await cart.locator('.widget-count', { hasText: '1' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("where the blog allows it, the widget's heart saves the product and opens the list on the store", async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    // Without the page's leave, no heart.
    await page.goto(pageUrl(allowed.origin));
    const product = page.locator('vitrine-product');
    await product.getByRole('button', { name: 'Add to cart' }).waitFor();
    assert.equal(await product.getByRole('button', { name: 'Save to wishlist' }).count(), 0);

    await page.goto(pageUrl(allowed.origin) + '&wishlist=1');
    const heart = product.getByRole('button', { name: 'Save to wishlist' });
    await heart.waitFor();
    const name = (await product.locator('.card__title').textContent()).trim();
    await heart.dblclick();
    await product.getByText('Saved to your wishlist').waitFor();
    const saved = product.getByRole('button', { name: 'Remove from wishlist' });
    assert.equal(await saved.getAttribute('aria-pressed'), 'true');
    const open = product.getByRole('button', { name: 'Wishlist (1)' });
    await open.waitFor();
    await shared.shot(page, 'widget-heart-390');
    // Still saved after a reload: the list is the widget's on this site.
    await page.reload();
    await product.getByRole('button', { name: 'Remove from wishlist' }).waitFor();

    await product.getByRole('button', { name: 'Wishlist (1)' }).click();
    await page.waitForURL(`${shared.server.url}/wishlist`);
    const item = page.getByTestId('wishlist').getByRole('listitem');
    assert.equal(await item.count(), 1);
    assert.equal((await item.locator('.wishlist__name').innerText()).trim(), name);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a Persian page the widget speaks Persian, and its checkout opens in Persian', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(pageUrl(allowed.origin, '/fa'));
    const product = page.locator('vitrine-product');
    const add = product.getByRole('button', { name: 'افزودن به سبد' });
    await add.waitFor();
    assert.match(await product.locator('.price__now').textContent(), /[۰-۹]/, 'Persian digits');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
    assert.deepEqual(fetched, ['/widget/pkg/fa/vitrine_bg.wasm'], 'only the Persian bundle');
    await add.click();
    await product.getByText('به سبد خرید افزوده شد').waitFor();
    await shared.shot(page, 'widget-fa-390');
    await page.locator('vitrine-cart').getByRole('button', { name: 'تسویه حساب' }).click();
    await page.waitForURL(`${shared.server.url}/fa/checkout`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a buy button adds its product and opens checkout in one click', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(pageUrl(allowed.origin));
    const buy = page.locator('vitrine-buy-button').getByRole('button', { name: /^Buy now · / });
    await buy.waitFor();
    await shared.shot(page, 'widget-blog-phone');
    const price = cents(await buy.textContent());
    await buy.click();
    await page.waitForURL(`${shared.server.url}/checkout`);
    const lines = page.locator('.checkout__summary .summary-line');
    await lines.first().waitFor();
    assert.equal(await lines.count(), 1);
    assert.match(await lines.textContent(), new RegExp(second.split('-')[0], 'i'));
    assert.equal(cents(await lines.locator('.summary-line__total').textContent()), price);
    assert.deepEqual(problems, []);
    await context.close();
  });
}, env);

onEmbedded((shared, catalogue) => {
  const handle = handleOf(catalogue.products[0]);
  const pageUrl = (origin, path = '/') => `${origin}${path}?store=${shared.server.url}&handle=${handle}`;

  test('an add the store could not confirm says so, not "nothing was changed", and is there once', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    // The add reaches the store and is done, but its answer becomes the one the store sends
    // when the backend never confirmed a change (a Vendure timing out): the widget must not
    // tell the shopper nothing happened, or a retry would add it twice.
    await page.route('**/api/widget/add', async (route) => {
      const response = await route.fetch();
      const said = 'The store did not confirm this in time.';
      await route.fulfill({ response, status: 503, body: JSON.stringify({ error: 'Unconfirmed', said }) });
    });
    await page.goto(pageUrl(allowed.origin));
    const product = page.locator('vitrine-product');
    await product.getByRole('button', { name: 'Add to cart' }).click();
    const status = product.locator('.widget-status--error');
    await status.waitFor();
    assert.match(await status.textContent(), /did not confirm this in time.*check before trying again/);
    assert.doesNotMatch(await status.textContent(), /Nothing was changed/);
    await page.unroute('**/api/widget/add');
    await page.reload();
    await page.locator('vitrine-cart .widget-count', { hasText: '1' }).waitFor();
    const expected = (p) => /api\/widget\/add|status of 503/.test(p);
    assert.deepEqual(problems.filter((p) => !expected(p)), []);
    assert.ok(problems.some(expected), 'the 503 was really answered');
    await context.close();
  });

  test("the widget keeps its looks on a hostile page and lets the page's own look alone", async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(pageUrl(allowed.origin, '/hostile'));
    const add = page.locator('vitrine-product').getByRole('button', { name: 'Add to cart' });
    await add.waitFor();
    const box = await add.boundingBox();
    assert.ok(box && box.width > 100 && box.height >= 40, `the button is there to press: ${JSON.stringify(box)}`);
    const look = await add.evaluate((b) => {
      const s = getComputedStyle(b);
      return { bg: s.backgroundColor, font: s.fontFamily, size: s.fontSize };
    });
    assert.notEqual(look.bg, 'rgb(255, 0, 0)', "the page's --color-primary stays out");
    assert.notEqual(look.bg, 'rgba(0, 0, 0, 0)');
    assert.notEqual(look.size, '40px');
    const img = await page.locator('vitrine-product img').boundingBox();
    assert.ok(img && img.width > 100, 'the picture shows');
    await add.click();
    await page.locator('vitrine-cart .widget-count', { hasText: '1' }).waitFor();
    await shared.shot(page, 'widget-hostile');

    // The blog themes the widget with --vitrine-color-accent, and its own button named like
    // ours keeps the browser's look: nothing of ours leaks out.
    await page.goto(pageUrl(allowed.origin));
    await page.locator('vitrine-product .card__title').waitFor();
    const accent = await page.locator('vitrine-product').evaluate((host) =>
      getComputedStyle(host.shadowRoot.querySelector('.card')).getPropertyValue('--color-accent').trim());
    assert.equal(accent, 'rgb(10, 110, 60)');
    const own = await page.locator('#own').evaluate((b) => getComputedStyle(b).backgroundColor);
    const ours = await page.locator('vitrine-product').getByRole('button', { name: 'Add to cart' })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.notEqual(own, ours);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a page that changes the handle shows the product it asked for last, and sells it once', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await page.goto(pageUrl(allowed.origin));
    const product = page.locator('vitrine-product');
    const title = product.locator('.card__title');
    await title.waitFor();
    const before = (await title.textContent()).trim();

    // Three changes faster than the store answers: only the last one is drawn.
    const other = handleOf(catalogue.products[1]);
    await product.evaluate((e, [a, b]) => {
      e.setAttribute('handle', a);
      e.setAttribute('handle', 'no-such-thing');
      e.setAttribute('handle', b);
    }, [other, handle]);
    const add = product.getByRole('button', { name: 'Add to cart' });
    await add.waitFor();
    assert.equal((await title.textContent()).trim(), before);
    // The answers drawn nowhere left nothing behind: one click asks the store once.
    await add.click();
    await product.getByText('Added to your cart').waitFor();
    await page.locator('vitrine-cart .widget-count', { hasText: '1' }).waitFor();
    const asked = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((r) => r.name.endsWith('/api/widget/add')).length);
    assert.equal(asked, 1);

    // An unknown product says so and offers no button.
    await product.evaluate((e) => e.setAttribute('handle', 'no-such-thing'));
    await product.getByText("This product isn't available.").waitFor();
    assert.equal(await product.getByRole('button').count(), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('no product "no-such-thing"')), []);
    await context.close();
  });

  test('a site not on the list is refused, and its developer is told why in the console', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(pageUrl(refused.origin));
    await page.locator('vitrine-product').getByText("This shop can't be used on this page.").waitFor();
    const told = errors.filter((e) => e.startsWith('vitrine widget:'));
    assert.equal(told.length, 1, `said once: ${JSON.stringify(errors)}`);
    assert.match(told[0], new RegExp(`does not accept the widget on ${refused.origin}.*VITRINE_WIDGET_ORIGINS`));
    await context.close();

    // What the browser saw, asked directly: a refused origin gets a 403 and never credentials;
    // the listed one gets its own name back, with credentials.
    const ask = (origin) => fetch(`${shared.server.url}/api/widget/cart`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=',
    });
    const no = await ask(refused.origin);
    assert.equal(no.status, 403);
    assert.equal(no.headers.get('access-control-allow-credentials'), null);
    // Typed, and worded by the store (the console line above); the answer names the origin.
    const answer = await no.json();
    assert.deepEqual(answer.error, { Invalid: { WidgetOriginRefused: { origin: refused.origin } } });
    assert.ok(told[0].endsWith(answer.said), `${told[0]} says ${answer.said}`);
    const yes = await ask(allowed.origin);
    assert.equal(yes.status, 200);
    assert.equal(yes.headers.get('access-control-allow-origin'), allowed.origin);
    assert.equal(yes.headers.get('access-control-allow-credentials'), 'true');
  });
}, env);
