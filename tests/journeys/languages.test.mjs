// The store in Chinese, Persian and Russian, in a real browser on every backend: a full
// purchase in each (its own bundle, its own words, its own addresses), a language switch that
// keeps the page and is remembered, Persian laid out right to left (screenshots at 390 px),
// and axe finds nothing on the Persian pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { watchedPage, hydrated, cents, fillCheckout, toCheckout } from './lib/harness.mjs';
import { onEveryBackend } from './lib/backends.mjs';

/** What a shopper reads in each language, as the words module writes it. */
const WORDS = {
  zh: {
    email: '电子邮箱', shipping: '收货地址', name: '姓名', address: '地址', city: '城市',
    postcode: '邮政编码', country: '国家/地区', card: '卡号', expiry: '有效期（月/年，MM/YY）',
    cvc: '安全码', confirmed: '谢谢！你的订单已确认', addToCart: '加入购物车', cart: '购物车',
  },
  fa: {
    email: 'ایمیل', shipping: 'نشانی ارسال', name: 'نام و نام خانوادگی', address: 'نشانی',
    city: 'شهر', postcode: 'کد پستی', country: 'کشور', card: 'شمارهٔ کارت',
    expiry: 'تاریخ انقضا (MM/YY)', cvc: 'کد امنیتی', confirmed: 'سپاسگزاریم — سفارش شما ثبت شد',
    addToCart: 'افزودن به سبد', cart: 'سبد خرید',
  },
  ru: {
    email: 'Эл. почта', shipping: 'Адрес доставки', name: 'Имя и фамилия', address: 'Адрес',
    city: 'Город', postcode: 'Почтовый индекс', country: 'Страна', card: 'Номер карты',
    expiry: 'Срок действия (ММ/ГГ)', cvc: 'Код безопасности', confirmed: 'Спасибо! Ваш заказ подтверждён',
    addToCart: 'В корзину', cart: 'Корзина',
  },
};

async function fillCheckoutIn(page, w) {
  await page.getByLabel(w.email, { exact: true }).fill('ada@example.com');
  const own = page.getByRole('group', { name: w.shipping });
  await own.getByLabel(w.name, { exact: true }).fill('Ada Lovelace');
  await own.getByLabel(w.address, { exact: true }).fill("12 St James's Square");
  await own.getByLabel(w.city, { exact: true }).fill('London');
  await own.getByLabel(w.postcode, { exact: true }).fill('SW1Y 4JH');
  // A select's name holds its chosen option too ("Country United States").
  await own.getByLabel(w.country).selectOption('GB');
  await page.getByLabel(w.card, { exact: true }).fill('4242 4242 4242 4242');
  await page.getByLabel(w.expiry, { exact: true }).fill('12/30');
  await page.getByLabel(w.cvc, { exact: true }).fill('123');
}

/** A price as the language writes it ("‎$۱۲٫۵۰", "12,50 $") → minor units. */
function localCents(text, lang) {
  const latin = text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u00a0\u202f\u066c\s]/g, '');
  if (lang === 'ru') return cents(latin.replaceAll('.', '').replace(',', '.'));
  if (lang === 'fa') return cents(latin.replace('٫', '.'));
  return cents(latin);
}

/** How each language writes a price's figures, in the currency shown. */
const SYMBOL = { USD: '\\$', EUR: '€', CNY: '¥' };
const PRICE_SHAPE = {
  zh: (c) => new RegExp(`^${SYMBOL[c]}\\d[\\d,]*\\.\\d\\d$`),
  fa: (c) => new RegExp(`\u200e${SYMBOL[c]}[۰-۹][۰-۹٬]*٫[۰-۹]{2}$`),
  ru: (c) => new RegExp(`\\d[\\d\u00a0]*,\\d\\d\u00a0${SYMBOL[c]}$`),
};

/** The wasm files the page fetched, by path. */
async function wasmFetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

onEveryBackend((shared, c) => {

for (const lang of ['zh', 'fa', 'ru']) {
  test(`a full purchase in ${lang}: its words, its addresses, its own bundle`, async () => {
    const w = WORDS[lang];
    const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, problems } = await watchedPage(context);
    const base = shared.server.url;

    await page.goto(`${base}/${lang}${c.products[0]}`);
    await hydrated(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'fa' ? 'rtl' : 'ltr');
    assert.equal((await page.getByTestId('add-to-cart').innerText()).trim(), w.addToCart);
    assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), c.named[lang], 'the product named in the language');
    assert.deepEqual(await wasmFetched(page), [`/pkg/${lang}/vitrine_bg.wasm`], 'the language\'s own browse bundle, once');
    if (lang === 'fa') await shared.shot(page, 'fa-product-390');
    const shown = (await page.getByTestId('product-price').locator('.price__now').textContent()).trim();
    const currency = c.currencyOf[lang];
    assert.match(shown, PRICE_SHAPE[lang](currency), `a price written the ${lang} way in ${currency}: ${JSON.stringify(shown)}`);
    const unit = localCents(shown, lang);

    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('drawer-checkout').click();
    await page.waitForURL(`**/${lang}/checkout`);
    await hydrated(page);
    assert.deepEqual(await wasmFetched(page), [`/pkg/${lang}/forms/vitrine_bg.wasm`]);
    await fillCheckoutIn(page, w);
    const total = localCents(await page.getByTestId('checkout-total').innerText(), lang);
    assert.equal(total, c.total(unit, currency), 'the store\'s total in the language\'s currency');
    if (lang === 'fa') await shared.shot(page, 'fa-checkout-390');

    await page.getByTestId('place-order').click();
    await page.waitForURL(new RegExp(`/${lang}/orders/[0-9A-Z-]+\\?t=`));
    await page.getByRole('heading', { name: w.confirmed }).waitFor();
    assert.equal(localCents(await page.getByTestId('order-total').innerText(), lang), total);
    assert.ok((await page.locator('main').innerText()).includes(c.named[lang]), 'the order keeps the name it was bought under');
    assert.equal(await page.getByTestId('cart-count').innerText(), lang === 'fa' ? '۰' : '0');
    // The header's cart link reads its count in the language (label in name).
    const cartName = await page.locator('a.cart-link').evaluate((a) => a.textContent);
    assert.ok(cartName.includes(w.cart), cartName);
    if (lang === 'fa') await shared.shot(page, 'fa-order-390');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Chinese search: part of a name, typed without spaces, finds the product', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(`${shared.server.url}/zh`);
  await hydrated(page);
  const box = page.getByRole('combobox', { name: '搜索' });
  await box.fill(c.chinese.typed);
  await box.press('Enter');
  await page.waitForURL(/\/zh\/search\?q=/);
  assert.equal(new URL(page.url()).searchParams.get('q'), c.chinese.typed);
  const results = page.getByRole('main');
  await results.getByText(c.chinese.finds, { exact: true }).first().waitFor();
  await shared.shot(page, 'zh-search-390');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a currency chosen in the header prices the page, the checkout and the order', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  const product = `${shared.server.url}${c.products[0]}`;
  await page.goto(product);
  await hydrated(page);
  const menu = page.locator('header details.languages');
  const euro = menu.getByRole('link', { name: /EUR/ });
  if (c.name !== 'embedded') {
    // One currency (the channel's): nothing to choose, so no choice is offered.
    assert.equal(await euro.count(), 0);
    await context.close();
    return;
  }
  await menu.locator('summary').click();
  await shared.shot(page, 'currency-menu-390');
  await euro.click();
  await page.waitForURL(product);
  await hydrated(page);
  assert.match(await menu.locator('summary').innerText(), /EUR/);
  const shown = (await page.getByTestId('product-price').locator('.price__now').textContent()).trim();
  assert.match(shown, /^€\d+\.\d\d$/, shown);
  await toCheckout(page, product);
  await fillCheckout(page);
  const total = await page.getByTestId('checkout-total').innerText();
  assert.match(total, /€/, total);
  assert.equal(cents(total), c.total(cents(shown), 'EUR'));
  await page.getByTestId('place-order').click();
  await page.waitForURL(/\/orders\/[0-9A-Z-]+\?t=/);
  assert.equal(await page.getByTestId('order-total').innerText(), total, 'charged in the currency shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the switcher keeps the page, and the choice is remembered', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  const base = shared.server.url;
  await page.goto(base + c.products[1]);
  await page.locator('header .languages summary').click();
  await page.locator('header .languages').getByRole('link', { name: 'Русский' }).click();
  await page.waitForURL(`**/ru${c.products[1]}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  // An English address now leads to the Russian page; the footer switches back.
  await page.goto(base + '/cart');
  await page.waitForURL('**/ru/cart');
  await page.locator('footer').getByRole('link', { name: 'English' }).click();
  await page.waitForURL(base + '/cart');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(base + '/');
  assert.equal(new URL(page.url()).pathname, '/', 'English stays chosen');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a browser that prefers Persian is offered the Persian page, not sent to it', async () => {
  const context = await shared.browser.newContext({ locale: 'fa-IR', viewport: { width: 390, height: 844 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.server.url + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const offer = page.locator('.language-offer');
  await offer.getByRole('link', { name: 'ادامه به فارسی' }).click();
  await page.waitForURL(/\/fa$/);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('.language-offer').count(), 0, 'asked once');
  await hydrated(page);
  await shared.shot(page, 'fa-home-390');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing on the Persian pages (${colorScheme})`, async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const { page } = await watchedPage(context);
    const report = [];
    for (const path of ['/fa', `/fa${c.category.path}`, `/fa${c.products[0]}`, '/fa/cart', '/fa/checkout', '/fa/orders', '/fa/account', '/fa/privacy']) {
      await page.goto(shared.server.url + path);
      await hydrated(page);
      await page.evaluate(axeSource);
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      for (const v of found) report.push(`${path}: ${v}`);
    }
    assert.deepEqual(report, []);
    await context.close();
  });
}

});
