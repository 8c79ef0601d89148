// Server-side rendering latency: starts the release server on a fresh embedded store and
// asks for each page many times, a few at a time, as a CDN miss would. Prints p50/p95/p99
// and throughput per page. Run with `make bench-ssr` (builds the release server first).
// Every page is drawn (VITRINE_PAGE_TTL=0): what a copy saves is `make bench-load`'s to show.
import { execFileSync } from 'node:child_process';
import { startServer, root, bin } from './lib/server.mjs';

const requests = Number(process.env.REQUESTS || 400);
const concurrency = Number(process.env.CONCURRENCY || 8);
// A string is a page; a pair is a server function and its form, called as the hydrated page
// calls it (a product page's chip asks for its variant's parts).
const pages = ['/', '/c/t-shirts', '/c/t-shirts?page=2', '/p/everyday-crew-tee', '/cart', '/no-such-page',
  ['/api/catalog/variant', 'handle=everyday-crew-tee&variant=7']];
const ask = (url, page) => Array.isArray(page)
  ? fetch(url + page[0], { method: 'POST', body: page[1], headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url } })
  : fetch(url + page, { headers: { accept: 'text/html' } });

const { url, stop } = await startServer({ VITRINE_PAGE_TTL: '0' });

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(`${requests} requests per page, ${concurrency} at a time, ${bin.replace(root + '/', '')}`);
console.log('page                           p50 ms   p95 ms   p99 ms    req/s');
try {
  for (const page of pages) {
    for (let i = 0; i < 20; i++) await (await ask(url, page)).arrayBuffer(); // warm up
    const times = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        const res = await ask(url, page);
        await res.arrayBuffer();
        if (res.status >= 500 || (Array.isArray(page) && res.status !== 200)) throw new Error(`${page}: HTTP ${res.status}`);
        times.push(performance.now() - t0);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const f = (x) => x.toFixed(1).padStart(8);
    const name = Array.isArray(page) ? `${page[0]} (a chip)` : page;
    console.log(`${name.padEnd(28)} ${f(pct(times, 50))} ${f(pct(times, 95))} ${f(pct(times, 99))} ${(times.length / seconds).toFixed(0).padStart(8)}`);
  }
} finally {
  stop();
}

// What recording the funnel costs a page (issue 18: at most 0.2 ms at p50). Two servers on
// fresh stores, one with the statistics off; the same pages asked of each in turn, one at a
// time, as a consenting shopper (an id, a page view, a product view, an experiment's
// exposure) and as an anonymous one. Interleaving the two keeps the machine's drift out of
// the difference. `RECORDING=0` skips it.
if (process.env.RECORDING !== '0') {
  const rounds = Number(process.env.RECORDING_REQUESTS || 600);
  const off = await startServer({ VITRINE_STATISTICS: 'off', VITRINE_PAGE_TTL: '0' });
  const on = await startServer({ VITRINE_PAGE_TTL: '0' });
  // The product page's experiment running, so a consenting shopper's view records an exposure.
  for (const server of [off, on]) {
    execFileSync(bin, ['--data-dir', server.dataDir, 'admin', 'experiments', 'start', 'together-position']);
  }
  await new Promise((ok) => setTimeout(ok, 1100));
  const who = {
    consenting: `vitrine_consent=yes; vitrine_visitor=${'5eed'.repeat(8)}`,
    anonymous: '',
  };
  const timed = async (base, page, cookie) => {
    const t0 = performance.now();
    const res = await fetch(base + page, { headers: { accept: 'text/html', cookie } });
    await res.arrayBuffer();
    if (res.status >= 500) throw new Error(`${page}: HTTP ${res.status}`);
    const server = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') || '')?.[1]);
    return [performance.now() - t0, server];
  };
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  console.log(`\nrecording: ${rounds} requests per page and shopper to each server, interleaved, one at a time`);
  console.log('page                     shopper       p50 off ms  p50 on ms  difference   (server-timing off / on)');
  try {
    for (const page of ['/', '/c/t-shirts', '/p/heavyweight-pocket-tee']) {
      for (const [name, cookie] of Object.entries(who)) {
        for (let i = 0; i < 30; i++) { await timed(off.url, page, cookie); await timed(on.url, page, cookie); }
        const a = []; const b = []; const sa = []; const sb = [];
        for (let i = 0; i < rounds; i++) {
          // Alternate which goes first, so neither always follows the other's work.
          const pair = i % 2 ? [[off, a, sa], [on, b, sb]] : [[on, b, sb], [off, a, sa]];
          for (const [server, times, st] of pair) {
            const [t, s] = await timed(server.url, page, cookie);
            times.push(t); st.push(s);
          }
        }
        const f = (x) => x.toFixed(2).padStart(10);
        console.log(`${page.padEnd(24)} ${name.padEnd(12)} ${f(median(a))} ${f(median(b))} ${f(median(b) - median(a))}   (${median(sa).toFixed(2)} / ${median(sb).toFixed(2)})`);
      }
    }
  } finally {
    off.stop();
    on.stop();
  }
}
