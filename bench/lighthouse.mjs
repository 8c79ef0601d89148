// Lighthouse on every page a shopper meets (home, a category, a product, a search, the cart
// with a line, checkout with a line), with the mobile preset (emulated mid-range phone,
// throttled 4G and CPU) and the desktop preset, on the release server with a fresh embedded
// store and with a local Vendure (when VITRINE_VENDURE is set, as `make bench-lighthouse`
// does). A first visit (no consent answer yet, so the consent banner shows) is measured on home
// and the product page too. Prints one table, with what the largest paint was. Installs
// lighthouse from npm into the tools folder on first use. The backend's pictures are fetched
// once before (see warmPictures). LIGHTHOUSE_FIRST_VISIT_ONLY=1 runs
// only the first-visit rows; LIGHTHOUSE_BACKENDS=vendure and LIGHTHOUSE_PRESETS=mobile (comma
// lists) run only those.
import { execFileSync } from 'node:child_process';
import { startServer } from './lib/server.mjs';
import { startVendure } from './lib/vendure.mjs';

const lighthouse = process.env.LIGHTHOUSE || 'lighthouse';
const only = (list, name) => {
  const wanted = process.env[name]?.split(',').filter(Boolean);
  return wanted ? list.filter((x) => wanted.includes(x.name ?? x)) : list;
};
const backends = only([
  { name: 'embedded', category: '/c/t-shirts', product: '/p/everyday-crew-tee', search: '/search?q=tee' },
  { name: 'vendure', category: '/c/footwear', product: '/p/laptop', search: '/search?q=shoe' },
], 'LIGHTHOUSE_BACKENDS');
const presets = only(['mobile', 'desktop'], 'LIGHTHOUSE_PRESETS');

/** A cart with one line, as the shopper's cookie names it (the cart and checkout pages). */
async function cartCookie(url, productPath) {
  const page = await (await fetch(url + productPath)).text();
  const variant = /name="variant_id" value="([^"]+)"/.exec(page)?.[1];
  if (!variant) throw new Error(`no variant on ${productPath}`);
  const res = await fetch(url + '/api/cart/add', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: `variant_id=${encodeURIComponent(variant)}&quantity=1`,
  });
  const cookie = (res.headers.get('set-cookie') || '').split(';')[0];
  if (!cookie.startsWith('vitrine_cart=')) throw new Error(`no cart cookie: ${res.status}`);
  return cookie;
}

/** Fetches every picture copy `path` offers, once. Vendure's asset server makes each sized
 *  copy on its first request (an AVIF one in up to 0.7 s) and keeps it; every shopper after
 *  the first meets the kept copy, and so does the measurement. */
async function warmPictures(url, path, cart) {
  const cookie = ['vitrine_consent=no', cart].filter(Boolean).join('; ');
  const html = await (await fetch(url + path, { headers: { cookie } })).text();
  const copies = new Set();
  for (const [, list] of html.matchAll(/\b(?:src|srcset)="([^"]+)"/g)) {
    for (const part of list.split(',')) {
      const address = part.trim().split(/\s+/)[0].replaceAll('&amp;', '&');
      if (/^https?:/.test(address)) copies.add(address);
    }
  }
  await Promise.all([...copies].map(async (address) => (await fetch(address)).arrayBuffer()));
}

function audit(target, preset, cookie, firstVisit) {
  const args = [
    target, '--output=json', '--output-path=stdout', '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
  ];
  // A shopper who has answered the consent question, except on a first visit (the banner).
  const cookies = [firstVisit ? '' : 'vitrine_consent=no', cookie].filter(Boolean).join('; ');
  if (cookies) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookies })}`);
  if (preset === 'desktop') args.push('--preset=desktop');
  const out = execFileSync(lighthouse, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' },
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}

const ms = (x) => `${Math.round(x)}`.padStart(6);

/** What the largest paint was (Lighthouse's CSS path to it, last two steps). */
function lcpElement(audits) {
  const found = [];
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    if (v.type === 'node' && v.selector) found.push(v.selector);
    Object.values(v).forEach(walk);
  };
  walk(audits['lcp-breakdown-insight']?.details);
  walk(audits['largest-contentful-paint-element']?.details);
  // A <picture> wraps the <img>: the step above it says which one.
  return found.length ? found[0].split(' > ').filter((s) => s !== 'picture').slice(-2).join(' > ') : '-';
}

const firstVisitOnly = process.env.LIGHTHOUSE_FIRST_VISIT_ONLY === '1';
console.log('backend   preset   page                                 perf  a11y  best   seo    FCP    LCP    TBT    CLS   (ms)  largest paint');
for (const backend of backends) {
  let vendure = null;
  if (backend.name === 'vendure') {
    vendure = await startVendure();
    if (!vendure) { console.log('vendure: skipped (VITRINE_VENDURE is not set)'); continue; }
  }
  const env = vendure ? {
    VITRINE_BACKEND: 'vendure', VENDURE_SHOP_API: vendure.shopApi, VENDURE_ORDER_PROOF_KEY: vendure.proofKey,
  } : {};
  const { url, stop } = await startServer(env);
  try {
    const cookie = await cartCookie(url, backend.product);
    const answered = [
      ['/', ''], [backend.category, ''], [backend.product, ''], [backend.search, ''],
      ['/cart', cookie], ['/checkout', cookie],
    ].map(([page, withCart]) => [page, withCart, false]);
    const firstVisits = [['/', '', true], [backend.product, '', true]];
    const pages = firstVisitOnly ? firstVisits : [...answered, ...firstVisits];
    for (const [page, withCart] of pages) await warmPictures(url, page, withCart);
    for (const preset of presets) {
      for (const [page, withCart, firstVisit] of pages) {
        const r = audit(url + page, preset, withCart, firstVisit);
        const label = firstVisit ? `${page} (1st visit)` : page;
        const score = (c) => String(Math.round(r.categories[c].score * 100)).padStart(5);
        const a = r.audits;
        console.log(`${backend.name.padEnd(9)} ${preset.padEnd(8)} ${label.padEnd(34)} ${score('performance')} ` +
          `${score('accessibility')} ${score('best-practices')} ${score('seo')} ` +
          `${ms(a['first-contentful-paint'].numericValue)} ${ms(a['largest-contentful-paint'].numericValue)} ` +
          `${ms(a['total-blocking-time'].numericValue)} ${a['cumulative-layout-shift'].numericValue.toFixed(3).padStart(6)}` +
          `  ${lcpElement(a)}`);
      }
    }
  } finally {
    stop();
    await vendure?.remove();
  }
}
