// Server-side rendering latency: starts the release server on a fresh embedded store and
// asks for each page many times, a few at a time, as a CDN miss would. Prints p50/p95/p99
// and throughput per page. Run with `make bench-ssr` (builds the release server first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = process.env.VITRINE_SERVER || join(root, 'target/release/vitrine');
const requests = Number(process.env.REQUESTS || 400);
const concurrency = Number(process.env.CONCURRENCY || 8);
const pages = ['/', '/c/t-shirts', '/c/t-shirts?page=2', '/p/everyday-crew-tee', '/cart', '/no-such-page'];

const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
const server = spawn(bin, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--site-root', join(root, 'target/site')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, RUST_LOG: 'warn' },
});
const url = await new Promise((ok, fail) => {
  server.stdout.on('data', (d) => { const m = /listening on (http:\/\/\S+)/.exec(String(d)); if (m) ok(m[1]); });
  server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
});

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
  server.kill('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
}
