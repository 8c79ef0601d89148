// Page server time on each backend: the same kinds of page (home, a category, a product, a
// search) rendered by the release server on the embedded store and on a live Vendure with its
// sample catalogue, one request at a time. Server time is the Server-Timing header; end to
// end adds localhost HTTP. Then Vendure product pages under load: 16 at a time for 10 s over
// the products of one category, with the storefront asking Vendure for every page
// (VENDURE_PRODUCT_TTL=0) and with its default few seconds' copy. Run with
// `make bench-backends`.
import { startServer } from './lib/server.mjs';
import { startVendure } from './lib/vendure.mjs';

const rounds = Number(process.env.ROUNDS || 200);
const backends = [
  { name: 'embedded', env: {}, pages: ['/', '/c/t-shirts', '/p/everyday-crew-tee', '/search?q=tee'] },
  { name: 'vendure', env: null, pages: ['/', '/c/footwear', '/p/laptop', '/search?q=shoe'] },
];

const vendure = await startVendure();
if (!vendure) throw new Error('set VITRINE_VENDURE to the installed Vendure (make bench-backends does)');
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (x) => x.toFixed(1).padStart(7);
console.log(`${rounds} requests per page, one at a time; ms`);
console.log('backend   page                     server p50   p95   end to end p50   p95');
try {
  for (const b of backends) {
    const env = b.env ?? { VITRINE_BACKEND: 'vendure', VENDURE_SHOP_API: vendure.shopApi, VENDURE_ORDER_PROOF_KEY: vendure.proofKey };
    // Every page drawn: what each backend costs a page, not what a kept copy saves.
    const { url, stop } = await startServer({ ...env, VITRINE_PAGE_TTL: '0' });
    try {
      for (const page of b.pages) {
        for (let i = 0; i < 10; i++) await (await fetch(url + page)).arrayBuffer(); // warm up
        const server = [];
        const total = [];
        for (let i = 0; i < rounds; i++) {
          const t0 = performance.now();
          const res = await fetch(url + page, { headers: { accept: 'text/html' } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${b.name} ${page}: HTTP ${res.status}`);
          total.push(performance.now() - t0);
          server.push(Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing'))[1]));
        }
        server.sort((x, y) => x - y);
        total.sort((x, y) => x - y);
        console.log(`${b.name.padEnd(9)} ${page.padEnd(24)} ${f(pct(server, 50))} ${f(pct(server, 95))}        ${f(pct(total, 50))} ${f(pct(total, 95))}`);
      }
    } finally {
      stop();
    }
  }
  await productPagesUnderLoad(vendure);
} finally {
  await vendure.remove();
}

/** Requests per second and p50 / p99 of product pages, `connections` at a time for `seconds`. */
async function productPagesUnderLoad(vendure, connections = 16, seconds = 10) {
  console.log(`\nVendure product pages, ${connections} at a time for ${seconds} s`);
  console.log('storefront copy          req/s   p50 ms   p99 ms   errors');
  for (const ttl of ['0', '5']) {
    const { url, stop } = await startServer({
      VITRINE_BACKEND: 'vendure', VENDURE_SHOP_API: vendure.shopApi,
      VENDURE_ORDER_PROOF_KEY: vendure.proofKey, VENDURE_PRODUCT_TTL: ttl, VITRINE_PAGE_TTL: '0',
    });
    try {
      const listing = await (await fetch(url + '/c/computers')).text();
      const pages = [...new Set([...listing.matchAll(/href="(\/p\/[^"?#]+)"/g)].map((m) => m[1]))];
      if (pages.length < 4) throw new Error(`too few products on /c/computers: ${pages}`);
      for (const p of pages) await (await fetch(url + p)).arrayBuffer(); // warm up
      const times = [];
      let errors = 0;
      const until = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(Array.from({ length: connections }, async (_, n) => {
        for (let i = n; performance.now() < until; i++) {
          const t0 = performance.now();
          const res = await fetch(url + pages[i % pages.length], { headers: { accept: 'text/html' } });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          times.push(performance.now() - t0);
        }
      }));
      const elapsed = (performance.now() - started) / 1000;
      times.sort((x, y) => x - y);
      const label = ttl === '0' ? 'none (every page asks)' : `${ttl} s (default)`;
      console.log(`${label.padEnd(22)} ${String(Math.round(times.length / elapsed)).padStart(7)} ${f(pct(times, 50))}  ${f(pct(times, 99))}   ${errors}`);
      if (errors) throw new Error(`${errors} product pages failed`);
    } finally {
      stop();
    }
  }
}
