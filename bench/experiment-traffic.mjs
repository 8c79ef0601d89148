// Simulated traffic through the real server, to check that the dashboard reaches the right
// conclusion (issue 18). `make bench-experiments`; VISITORS (default 3,000 per phase) and
// VITRINE_SERVER (a debug build is slower but as good) may be set.
//
// 1. "together-position" runs; every visitor opens the product page that offers a set, as a
//    consenting shopper, and buys through the real cart and checkout with a known chance per
//    cell: 4% under control (below), 7% with the set above. The dashboard must name "above".
// 2. "search-taste" runs, and the traffic loses 30% of the "plain" cell's visitors before
//    their search is served (as a broken redirect or cache would). The dashboard must warn of
//    a sample ratio mismatch instead of naming anyone.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { startServer, bin } from './lib/server.mjs';

const visitors = Number(process.env.VISITORS || 3000);
const concurrency = 8;
const token = 'bench-admin-token-0123456789abcdef';
const rates = { below: 0.04, above: 0.07 };
const form = 'email=bench%40example.com&name=Ada+Lovelace&line1=12+St+James%27s+Square&city=London&postcode=SW1Y+4JH&country=GB&shipping=standard&payment=card&card_number=4242+4242+4242+4242&card_expiry=12%2F30&card_cvc=123';

const server = await startServer({ VITRINE_ADMIN_TOKEN: token });
const { url } = server;
const admin = (...words) => execFileSync(bin, ['--data-dir', server.dataDir, 'admin', ...words]).toString().trim();
const settle = () => new Promise((ok) => setTimeout(ok, 1100));
const cookieOf = (res, name) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`));

/** The cell the store gives `visitor` for a one-factor experiment: the same hash as
 *  `analytics::experiments` (SHA-256 of name, factor and id; its first 8 bytes spread over
 *  the weights), here only to decide which visitors the broken traffic loses. */
function cellOf(experiment, factor, levels, visitor) {
  const digest = createHash('sha256').update(`${experiment}\0${factor}\0${visitor}`).digest();
  const total = BigInt(levels.length * 50);
  let point = (digest.readBigUInt64BE(0) * total) >> 64n;
  for (const level of levels) {
    if (point < 50n) return level;
    point -= 50n;
  }
  return levels.at(-1);
}

/** Runs `visit(i)` for `n` visitors, `concurrency` at a time. */
async function crowd(n, visit) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await visit(next++);
  }));
}

async function api(path, body, cookie) {
  return fetch(url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded', accept: 'application/json',
      origin: url, cookie,
    },
    body,
  });
}

async function dashboard(name) {
  const res = await fetch(url + '/insights', { headers: { authorization: `Bearer ${token}` } });
  const html = await res.text();
  const start = html.indexOf(`data-testid="experiment-${name}"`);
  const article = html.slice(start, html.indexOf('</article>', start));
  const verdict = /data-testid="verdict"[^>]*>([^<]*)</.exec(article)?.[1] ?? '(none)';
  const cells = [...article.matchAll(/<th scope="row">([^<]+)<\/th><td>\d+%<\/td><td>([\d,]+)<\/td><td>([\d,]+)<\/td>/g)]
    .map(([, cell, n, c]) => `${cell} ${n} visitors, ${c} converted`);
  return { verdict, cells };
}

let failed = false;
try {
  // Products to buy, spread so that no single one runs out of stock.
  const handles = new Set();
  for (const c of ['t-shirts', 'knitwear', 'bags', 'home', 'shirts']) {
    const html = await (await fetch(`${url}/c/${c}`)).text();
    for (const m of html.matchAll(/href="\/p\/([a-z0-9-]+)"/g)) handles.add(m[1]);
  }
  const variants = [];
  for (const h of [...handles].slice(0, 40)) {
    const html = await (await fetch(`${url}/p/${h}`)).text();
    const id = /name="variant_id" value="([^"]+)"/.exec(html)?.[1];
    if (id && !/data-testid="stock">Sold out/.test(html)) variants.push(id);
  }
  if (variants.length < 10) throw new Error(`only ${variants.length} products to buy`);

  // 1. A real difference.
  admin('experiments', 'start', 'together-position');
  await settle();
  const placed = { below: 0, above: 0 };
  const started = performance.now();
  await crowd(visitors, async (i) => {
    const who = `vitrine_consent=yes; vitrine_visitor=${randomBytes(16).toString('hex')}`;
    const html = await (await fetch(url + '/p/heavyweight-pocket-tee', { headers: { cookie: who } })).text();
    const set = html.indexOf('data-testid="buy-together"');
    const cell = set > 0 && set < html.indexOf('class="product__description"') ? 'above' : 'below';
    if (Math.random() >= rates[cell]) return;
    // A product that has sold out meanwhile is passed over for the next one.
    for (let k = 0; k < variants.length; k++) {
      const added = await api('/api/cart/add', `variant_id=${variants[(i + k) % variants.length]}&quantity=1`, who);
      const cart = cookieOf(added, 'vitrine_cart');
      if (!cart) { await added.arrayBuffer(); continue; }
      const res = await api('/api/checkout/place', `${form}&attempt=${randomBytes(16).toString('hex')}`, `${who}; ${cart}`);
      const body = await res.text();
      if ((res.headers.get('location') || '').includes('/orders/')) { placed[cell] += 1; return; }
      if (res.status >= 500) throw new Error(`place order: HTTP ${res.status} ${body}`);
    }
    throw new Error('nothing left to buy');
  });
  const seconds = (performance.now() - started) / 1000;
  admin('experiments', 'stop', 'together-position');
  await settle();
  const one = await dashboard('together-position');
  console.log(`together-position: ${visitors} visitors in ${seconds.toFixed(1)} s; orders placed below ${placed.below}, above ${placed.above} (chances ${(rates.below * 100).toFixed(0)}% and ${(rates.above * 100).toFixed(0)}%)`);
  for (const c of one.cells) console.log(`  ${c}`);
  console.log(`  dashboard: ${one.verdict}`);
  const right = /^above converts better than control/.test(one.verdict);
  console.log(right ? '  ✓ names the better cell' : '  ✗ should have named "above"');
  failed ||= !right;

  // 2. A broken split.
  admin('experiments', 'start', 'search-taste');
  await settle();
  const levels = ['taste', 'plain'];
  let lost = 0;
  await crowd(visitors, async () => {
    const id = randomBytes(16).toString('hex');
    if (cellOf('search-taste', 'ranking', levels, id) === 'plain' && Math.random() < 0.3) {
      lost += 1;
      return;
    }
    // A taste first (one product page), then the search the experiment varies.
    const who = `vitrine_consent=yes; vitrine_visitor=${id}`;
    const page = await fetch(url + '/p/everyday-crew-tee', { headers: { cookie: who } });
    await page.arrayBuffer();
    const profile = cookieOf(page, 'vitrine_profile');
    const res = await fetch(url + '/search?q=tee', { headers: { cookie: `${who}; ${profile}` } });
    await res.arrayBuffer();
  });
  const two = await dashboard('search-taste');
  console.log(`search-taste: ${visitors} visitors, ${lost} of the "plain" cell lost before their search`);
  for (const c of two.cells) console.log(`  ${c}`);
  console.log(`  dashboard: ${two.verdict}`);
  const flagged = /^Sample ratio mismatch/.test(two.verdict);
  console.log(flagged ? '  ✓ flags the broken split' : '  ✗ should have flagged the split');
  failed ||= !flagged;
} finally {
  server.stop();
}
process.exit(failed ? 1 : 0);
