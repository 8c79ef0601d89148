// Every journey runs on every backend: the embedded store, and a live Vendure when
// VITRINE_VENDURE is set (`make test` sets it). A backend brings its catalogue — the products,
// categories and words a journey needs from it — and its operator, who breaks and mends the
// backend for outage journeys.
import { describe, before, after } from 'node:test';
import { startServer, startVendure, launchBrowser, screenshot } from './harness.mjs';

/** What the journeys use from the embedded store's generated catalogue. */
const embedded = {
  name: 'embedded',
  /** Three product pages with stock, bought by the checkout and account journeys. */
  products: ['/p/everyday-crew-tee', '/p/heavyweight-pocket-tee', '/p/organic-boxy-tee'],
  /** The first product's name in each language, and a Chinese query (part of a name, no
   *  spaces) with what it finds. */
  named: { zh: '日常圆领T恤', fa: 'تی\u200cشرت یقه\u200cگرد روزمره', ru: 'Повседневная футболка с круглым вырезом' },
  chinese: { typed: '马克杯', finds: '粗陶马克杯' },
  /** A product with a handful left, for the "sold out meanwhile" journey. */
  scarce: '/p/washed-ringer-tee',
  /** A category in the header, whose products have a second option to pick. */
  category: { name: 'T-shirts', path: '/c/t-shirts', facet: { group: 'Colour', param: 'colour', value: 'Ink' } },
  /** A prefix of a word, and the product it finds. */
  halfTyped: { typed: 'pock', finds: /Heavyweight Pocket Tee/ },
  misspelt: { typed: 'snekers', category: /Sneakers/, corrected: 'sneakers', count: /16 products/, facet: 'Colour' },
  /** A search with several pages, and two price bands within it. */
  many: { query: 'made', bands: [{ label: /^\$25 to \$50/, value: '25-50' }, { label: /^\$50 to \$100/, value: '50-100' }] },
  /** Categories for personalisation: one to lean to, one to browse without consent. */
  liked: 'knitwear',
  browsed: { category: 'bags', search: 'tote' },
  viewed: { path: '/p/everyday-crew-tee', handle: 'everyday-crew-tee', name: 'Everyday Crew Tee', search: 'lamp' },
  /** The currency each language's pages show until the shopper picks one. */
  currencyOf: { en: 'USD', zh: 'CNY', fa: 'USD', ru: 'EUR' },
  /** The total a guest pays for one `unit` with standard delivery: 8% tax on goods and
   *  delivery; delivery $4.95, free from $75 (€4.50 from €69, ¥36 from ¥540). */
  total: (unit, currency = 'USD') => {
    const [fee, freeFrom] = { USD: [495, 7500], EUR: [450, 6900], CNY: [3600, 54000] }[currency];
    const shipping = unit >= freeFrom ? 0 : fee;
    return unit + shipping + Math.round((unit + shipping) * 0.08);
  },
  coupons: { good: 'WELCOME10', expired: 'summer25', expiredSays: 'That code expired on Wed 30 Sep.' },
  /** An order number nobody has, and how a shopper might type a real one. */
  unknownOrder: 'VT-AAAAAAAA',
  typedCode: (code) => code.replace('VT-', '').toLowerCase(),
};

/** What the journeys use from Vendure's sample catalogue (scripts/vendure/server.js adds the
 *  coupons and the scarce hand trowel). */
const vendure = {
  name: 'vendure',
  products: ['/p/laptop', '/p/tablet', '/p/cordless-mouse'],
  // server.js translates the laptop; everything else falls back to English.
  named: { zh: '笔记本电脑', fa: 'لپ\u200cتاپ', ru: 'Ноутбук' },
  chinese: { typed: '电脑', finds: '笔记本电脑' },
  scarce: '/p/hand-trowel',
  category: { name: 'Footwear', path: '/c/footwear', facet: { group: 'Size', param: 'size', value: 'Size 42' } },
  halfTyped: { typed: 'sneak', finds: /Allstar Sneakers/ },
  misspelt: { typed: 'footwaer', category: /Footwear/, corrected: 'footwear', count: /6 products/, facet: 'Size' },
  // 47 of the 54 products; the two bands together still fill more than one page.
  many: { query: 'and', bands: [{ label: /^Under \$25/, value: '0-25' }, { label: /^\$200 and up/, value: '200-' }] },
  liked: 'furniture',
  browsed: { category: 'plants', search: 'cactus' },
  viewed: { path: '/p/tripod', handle: 'tripod', name: 'Tripod', search: 'sofa' },
  /** One currency, the channel's, in every language. */
  currencyOf: { en: 'USD', zh: 'USD', fa: 'USD', ru: 'USD' },
  /** Vendure's prices include their tax (20%); the sample's standard delivery is $5.00. */
  total: (unit) => unit + 500,
  coupons: { good: 'WELCOME10', expired: 'summer25', expiredSays: 'That code has expired.' },
  unknownOrder: 'AAAAAAAAAAAAAAAA',
  typedCode: (code) => code.toLowerCase(),
};

/** Declares `journeys(shared, catalogue)` once per backend, each in its own block with its
 *  own server (and Vendure), started before the block's journeys and stopped after.
 *  `shared.shot(page, name)` saves a screenshot named for the backend; `env` is added to the
 *  server's environment. */
export function onEveryBackend(journeys, env = {}) {
  onEmbedded(journeys, env);
  onVendure(journeys, env);
}

/** `journeys` on the embedded store alone (see onEveryBackend). */
export function onEmbedded(journeys, env = {}) {
  describe('on the embedded store', () => {
    const shared = { catalogue: embedded, shot: screenshot };
    before(async () => {
      shared.server = await startServer(env);
      shared.browser = await launchBrowser();
      // A placement fails once, as if the store's database were briefly away.
      shared.breakPlacement = () => shared.server.adminPost('/admin/faults/place-order?count=1');
      shared.mend = async () => {};
    });
    after(async () => {
      await shared.browser?.close();
      await shared.server?.stop();
    });
    journeys(shared, embedded);
  });
}

/** `journeys` on a live Vendure alone, skipped without VITRINE_VENDURE (see onEveryBackend). */
export function onVendure(journeys, env = {}) {
  const skip = process.env.VITRINE_VENDURE ? false : 'VITRINE_VENDURE is not set (make test sets it)';
  describe('on Vendure', { skip }, () => {
    const shared = { catalogue: vendure, shot: (page, name) => screenshot(page, `vendure-${name}`) };
    before(async () => {
      shared.vendure = await startVendure();
      shared.server = await startServer({
        ...env, VITRINE_BACKEND: 'vendure', VENDURE_SHOP_API: shared.vendure.shopApi,
        VENDURE_ORDER_PROOF_KEY: shared.vendure.proofKey,
      });
      shared.browser = await launchBrowser();
      shared.breakPlacement = () => shared.vendure.stop();
      shared.mend = () => shared.vendure.start();
    });
    after(async () => {
      await shared.browser?.close();
      await shared.server?.stop();
      await shared.vendure?.remove();
    });
    journeys(shared, vendure);
  });
}
