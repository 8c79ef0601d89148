// Visual regression: each entry of the component gallery (/gallery), screenshotted in headless
// Chromium and compared with its committed baseline (tests/visual/baselines/) within a small
// tolerance for anti-aliasing. `make visual-baselines` rewrites the baselines after an
// intended change; look at them before committing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, watchedPage, artifacts } from './lib/harness.mjs';

const baselines = resolve(import.meta.dirname, '../visual/baselines');
const updating = process.env.VITRINE_VISUAL_UPDATE === '1';
/** A pixel differs when a channel moves by more than this (anti-aliasing moves a little)... */
const CHANNEL_SLACK = 24;
/** ...and an entry fails when more than this share of its pixels differ. */
const MAX_DIFFERING = 0.002;

const servers = {};
before(async () => {
  servers.plain = await startServer();
  servers.mono = await startServer({ VITRINE_THEME: 'mono' });
  servers.browser = await launchBrowser();
});
after(async () => {
  await servers.browser?.close();
  await servers.plain?.stop();
  await servers.mono?.stop();
});

/** The gallery, every picture loaded, nothing moving. */
async function gallery(server) {
  const context = await servers.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const { page, problems } = await watchedPage(context);
  await page.goto(server.url + '/gallery');
  await page.evaluate(() => document.querySelectorAll('img[loading=lazy]').forEach((i) => { i.loading = 'eager'; }));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  return { context, page, problems };
}

/** Share of pixels that differ between two PNGs (1 when their sizes differ), and a picture of
 *  where, worked out in a blank page's canvas so no image library is needed (the gallery's
 *  own policy refuses data: pictures). */
async function compare(context, expected, actual) {
  const scratch = await context.newPage();
  const result = await scratch.evaluate(async ([a, b, slack]) => {
    const load = (b64) => new Promise((ok, fail) => {
      const img = new Image();
      img.onload = () => ok(img);
      img.onerror = fail;
      img.src = 'data:image/png;base64,' + b64;
    });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return { share: 1, size: `${x.width}×${x.height} → ${y.width}×${y.height}` };
    const pixels = (img) => {
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height);
    };
    const [p, q] = [pixels(x), pixels(y)];
    let differing = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      if ([0, 1, 2, 3].some((k) => Math.abs(p.data[i + k] - q.data[i + k]) > slack)) {
        differing += 1;
        q.data[i] = 255; q.data[i + 1] = 0; q.data[i + 2] = 255; q.data[i + 3] = 255;
      }
    }
    const c = new OffscreenCanvas(y.width, y.height);
    c.getContext('2d').putImageData(q, 0, 0);
    const diff = await c.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await diff.arrayBuffer());
    let bin = '';
    for (const byte of bytes) bin += String.fromCharCode(byte);
    return { share: differing / (p.data.length / 4), diff: btoa(bin) };
  }, [expected.toString('base64'), actual.toString('base64'), CHANNEL_SLACK]);
  await scratch.close();
  return result;
}

async function matchesBaseline(page, shot, name) {
  const file = join(baselines, `${name}.png`);
  if (updating) {
    mkdirSync(baselines, { recursive: true });
    writeFileSync(file, shot);
    return;
  }
  assert.ok(existsSync(file), `no baseline for ${name}: run \`make visual-baselines\` and look at ${file}`);
  const { share, size, diff } = await compare(page.context(), readFileSync(file), shot);
  if (share > MAX_DIFFERING) {
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, `visual-${name}-actual.png`), shot);
    if (diff) writeFileSync(join(artifacts, `visual-${name}-diff.png`), Buffer.from(diff, 'base64'));
  }
  assert.ok(share <= MAX_DIFFERING,
    `${name} looks different from its baseline: ${size || `${(share * 100).toFixed(2)}% of pixels`} (tests/journeys/artifacts/visual-${name}-*.png)`);
}

test('every gallery entry looks as its baseline does, in light, dark and at phone width', async () => {
  const { context, page, problems } = await gallery(servers.plain);
  const entries = await page.locator('section.showcase__entry').evaluateAll((s) => s.map((e) => e.id));
  assert.ok(entries.length >= 8, `the gallery lists its components (${entries})`);
  for (const id of entries) {
    await matchesBaseline(page, await page.locator(`#${id}`).screenshot(), id);
  }
  // The dark panel really is dark: tokens are light-dark() pairs resolved where used.
  const backgrounds = await page.locator('#buttons .showcase__panel').evaluateAll(
    (panels) => panels.map((p) => getComputedStyle(p).backgroundColor));
  assert.equal(backgrounds[0], 'rgb(251, 250, 247)');
  assert.equal(backgrounds[1], 'rgb(19, 21, 26)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a theme is a file of tokens: the mono theme restyles the same components', async () => {
  const { context, page, problems } = await gallery(servers.mono);
  const primary = page.locator('#buttons .showcase__panel').first().locator('.button--primary').first();
  assert.equal(await primary.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 0, 0)');
  assert.equal(await primary.evaluate((b) => getComputedStyle(b).borderRadius), '0px');
  await matchesBaseline(page, await page.locator('#product-card').screenshot(), 'product-card-mono');
  assert.deepEqual(problems, []);
  await context.close();
});
