// The designers' preview (`make design`) is the gallery with no server: its build
// (target/design, made by `scripts/design.sh build` in `make test`) is served as plain files,
// and every component still draws, with nothing failing in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { launchBrowser, watchedPage } from './lib/harness.mjs';

const dist = resolve(import.meta.dirname, '../../target/design');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const shared = {};

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'no preview build: run `bash scripts/design.sh build`');
  // Only files: anything else (an API call) is a 404 the test would see.
  shared.files = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((ok) => shared.files.listen(0, '127.0.0.1', ok));
  shared.url = `http://127.0.0.1:${shared.files.address().port}/`;
  shared.browser = await launchBrowser();
});
after(async () => {
  await shared.browser?.close();
  shared.files?.close();
});

test('the design preview draws every gallery component from fixtures, with no server behind it', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(shared.url);
  await page.locator('section.showcase__entry').first().waitFor();
  const entries = await page.locator('section.showcase__entry').evaluateAll((s) => s.map((e) => e.id));
  assert.deepEqual(entries, ['price', 'product-card', 'product-grid', 'recommendation-row', 'cart', 'pagination', 'messages', 'buttons']);
  await page.locator('#cart .cart-lines').first().getByText('Everyday Crew Tee').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
