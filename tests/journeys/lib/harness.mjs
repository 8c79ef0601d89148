// Starts a real vitrine server (embedded SQLite in a fresh folder) and a headless Chromium,
// and records what a shopper would notice going wrong: console errors, failed requests.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
export { startVendure, vendureOperator } from '../../../bench/lib/vendure.mjs';

const root = resolve(import.meta.dirname, '../../..');
export const artifacts = join(root, 'tests/journeys/artifacts');

const bin = process.env.VITRINE_SERVER || join(root, 'target/debug/vitrine');
/** Lets journeys drive orders through the admin endpoint. */
export const adminToken = 'journey-admin-token-0123456789';

export async function startServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-journey-'));
  const child = spawn(bin, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--site-root', join(root, 'target/site')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn', VITRINE_ADMIN_TOKEN: adminToken, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      const m = /listening on (http:\/\/\S+)/.exec(String(d));
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}\n${stderr}`)); });
  });
  return {
    url,
    /** Runs `vitrine admin …` on this server's data folder, as an operator would. */
    async admin(...words) {
      const { stdout } = await promisify(execFile)(bin, ['--data-dir', dataDir, 'admin', ...words]);
      return stdout.trim();
    },
    /** POSTs to an admin endpoint with the configured token. */
    async adminPost(path) {
      const { status, body } = await this.adminTry(path);
      if (status >= 300) throw new Error(`${path}: ${status} ${body}`);
      return body;
    },
    /** POSTs to an admin endpoint; resolves to the answer, refused or not. */
    async adminTry(path) {
      const res = await fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
      return { status: res.status, body: await res.text() };
    },
    async stop() {
      child.kill('SIGINT');
      await new Promise((ok) => { child.once('exit', ok); setTimeout(ok, 3000); });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that remembers every console error, uncaught exception and failed request.
 *  The shopper has already answered the personalisation question ("no"), unless `consent`
 *  says otherwise ('unasked' leaves the banner up). */
export async function watchedPage(context, { consent = 'no' } = {}) {
  if (consent !== 'unasked') {
    // Cookies ignore ports: this one reaches whichever port the test server took.
    await context.addCookies([{ name: 'vitrine_consent', value: consent, domain: '127.0.0.1', path: '/' }]);
  }
  const page = await context.newPage();
  const problems = [];
  // Chromium logs every 4xx answer as a console error; a refused input is an answer the page
  // shows the shopper, not a fault. 5xx answers are still recorded below.
  const refusal = /Failed to load resource: the server responded with a status of 4\d\d/;
  page.on('console', (m) => {
    // The page's address too: a journey visits several, and a problem says on which.
    if (m.type() === 'error' && !refusal.test(m.text())) problems.push(`console (${page.url()}): ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  // ERR_ABORTED is the browser dropping a request because the page navigated away.
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${error}`);
  });
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { page, problems };
}

/** Resolves once the wasm has hydrated the page (hydrate() marks <html>). */
export async function hydrated(page) {
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 30_000 });
}

/** "$1,234.50" → 123450 (minor units), for comparing what the page shows. */
export function cents(text) {
  const m = /(-?)[^\d-]*([\d,]+)(?:\.(\d{2}))?/.exec(text);
  if (!m) throw new Error(`no price in ${JSON.stringify(text)}`);
  return (m[1] ? -1 : 1) * (Number(m[2].replaceAll(',', '')) * 100 + Number(m[3] || 0));
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** Typing is not clicking: fills every checkout field the way autofill would. */
export async function fillCheckout(page, { email = 'ada@example.com' } = {}) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  const own = page.getByRole('group', { name: 'Shipping address' });
  await own.getByLabel('Full name').fill('Ada Lovelace');
  await own.getByLabel('Address', { exact: true }).fill("12 St James's Square");
  await own.getByLabel('City').fill('London');
  await own.getByLabel('Postcode / ZIP').fill('SW1Y 4JH');
  await own.getByLabel('Country').selectOption('GB');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry (MM/YY)').fill('12/30');
  await page.getByLabel('Security code').fill('123');
}

/** From a product page to the checkout form, hydrated, with that product in the cart. */
export async function toCheckout(page, url) {
  await page.goto(url);
  await hydrated(page);
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('drawer-checkout').click();
  await page.waitForURL('**/checkout');
  await hydrated(page);
}

/** Counts every click a journey makes; `click(locator)` instead of `locator.click()`. */
export function clickCounter() {
  let count = 0;
  return {
    async click(locator) { count += 1; await locator.click(); },
    get count() { return count; },
  };
}

/** A returning shopper's first click: "Buy now" on a product page, landing on checkout. */
export async function buyNow(page, url, clicks) {
  await page.goto(url);
  await hydrated(page);
  await clicks.click(page.getByTestId('buy-now'));
  await page.waitForURL('**/checkout');
  await hydrated(page);
}

/** Waits until a listing shows the results for the current URL: the rendered listing names
 *  its own URL, and defaults (sort=relevance, page=1) are left out of it. */
export async function listingSettled(page, url) {
  await page.waitForURL(url);
  // Each change loads the next page; its filters act on the next change once hydrated.
  await hydrated(page);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-listing-href]');
    if (!el) return false;
    const norm = (u) => {
      const x = new URL(u, location.origin);
      const kept = [...x.searchParams].filter(([k, v]) => !(k === 'sort' && v === 'relevance') && !(k === 'page' && v === '1'));
      kept.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
      return x.pathname + '?' + new URLSearchParams(kept);
    };
    return norm(el.dataset.listingHref) === norm(location.href);
  });
}
