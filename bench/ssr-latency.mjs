// Server-side rendering latency: starts the release server on a fresh embedded store and
// asks for each page many times, a few at a time, as a CDN miss would. Prints p50/p95/p99
// and throughput per page. Run with `make bench-ssr` (builds the release server first).
import { startServer, root, bin } from './lib/server.mjs';

const requests = Number(process.env.REQUESTS || 400);
const concurrency = Number(process.env.CONCURRENCY || 8);
const pages = ['/', '/c/t-shirts', '/c/t-shirts?page=2', '/p/everyday-crew-tee', '/cart', '/no-such-page'];

const { url, stop } = await startServer();

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(`${requests} requests per page, ${concurrency} at a time, ${bin.replace(root + '/', '')}`);
console.log('page                           p50 ms   p95 ms   p99 ms    req/s');
try {
  for (const page of pages) {
    for (let i = 0; i < 20; i++) await (await fetch(url + page)).arrayBuffer(); // warm up
    const times = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        const res = await fetch(url + page, { headers: { accept: 'text/html' } });
        await res.arrayBuffer();
        if (res.status >= 500) throw new Error(`${page}: HTTP ${res.status}`);
        times.push(performance.now() - t0);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const f = (x) => x.toFixed(1).padStart(8);
    console.log(`${page.padEnd(28)} ${f(pct(times, 50))} ${f(pct(times, 95))} ${f(pct(times, 99))} ${(times.length / seconds).toFixed(0).padStart(8)}`);
  }
} finally {
  stop();
}
