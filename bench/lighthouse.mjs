// Lighthouse (mobile preset: emulated mid-range phone, throttled 4G and CPU) on the release
// server with a fresh embedded store. Prints the category scores and the core timings per
// page. Run with `make bench-lighthouse` (installs lighthouse from npm into the tools folder
// on first use).
import { execFileSync } from 'node:child_process';
import { startServer } from './lib/server.mjs';

const lighthouse = process.env.LIGHTHOUSE || 'lighthouse';
const pages = ['/', '/c/t-shirts', '/p/everyday-crew-tee', '/search?q=tee'];

const { url, stop } = await startServer();

const ms = (x) => `${Math.round(x)}`.padStart(6);
console.log('page                    perf  a11y  best   seo    FCP    LCP    TBT    CLS   (ms; mobile preset)');
try {
  for (const page of pages) {
    const out = execFileSync(lighthouse, [
      url + page, '--output=json', '--output-path=stdout', '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const r = JSON.parse(out);
    const score = (c) => String(Math.round(r.categories[c].score * 100)).padStart(5);
    const a = r.audits;
    console.log(`${page.padEnd(22)} ${score('performance')} ${score('accessibility')} ${score('best-practices')} ${score('seo')} ` +
      `${ms(a['first-contentful-paint'].numericValue)} ${ms(a['largest-contentful-paint'].numericValue)} ` +
      `${ms(a['total-blocking-time'].numericValue)} ${a['cumulative-layout-shift'].numericValue.toFixed(3).padStart(6)}`);
  }
} finally {
  stop();
}
