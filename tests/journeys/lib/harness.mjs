// Starts a real vitrine server (embedded SQLite in a fresh folder) and a headless Chromium,
// and records what a shopper would notice going wrong: console errors, failed requests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../../..');
export const artifacts = join(root, 'tests/journeys/artifacts');

export async function startServer() {
  const bin = process.env.VITRINE_SERVER || join(root, 'target/debug/vitrine');
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-journey-'));
  const child = spawn(bin, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--site-root', join(root, 'target/site')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn' },
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

/** A page that remembers every console error, uncaught exception and failed request. */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
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
