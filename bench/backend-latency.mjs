// Page server time on each backend: the same kinds of page (home, a category, a product, a
// search) rendered by the release server on the embedded store and on a live Vendure with its
// sample catalogue, one request at a time. Server time is the Server-Timing header; end to
// end adds localhost HTTP. Run with `make bench-backends`.
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
    const { url, stop } = await startServer(env);
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
} finally {
  await vendure.remove();
}
