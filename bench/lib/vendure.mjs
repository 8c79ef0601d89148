// Starts a live Vendure for journeys and benches: a copy of the pristine sample store made by
// `scripts/vendure.sh install`, served by the project's server.js on a free port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A live Vendure on a copy of the pristine sample store (`scripts/vendure.sh install`), or
 *  null when VITRINE_VENDURE is not set (`make test` sets it). `stop()` and `start()` again
 *  keep the same data and port, for outage journeys. */
export async function startVendure() {
  const home = process.env.VITRINE_VENDURE;
  if (!home) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-vendure-'));
  cpSync(join(home, 'pristine'), dataDir, { recursive: true });
  const port = await new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
  let child;
  const vendure = {
    shopApi: `http://127.0.0.1:${port}/shop-api`,
    async start() {
      child = spawn('node', [join(home, 'server.js'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'ignore'] });
      await new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('Vendure did not start in 90 s')), 90_000);
        child.stdout.on('data', (d) => { if (String(d).includes('Shop API on')) { clearTimeout(timer); ok(); } });
        child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`Vendure exited ${code}`)); });
      });
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
    async remove() {
      await vendure.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await vendure.start();
  return vendure;
}

