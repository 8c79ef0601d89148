// Starts the release server on a fresh embedded store for a bench, and stops it afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const bin = process.env.VITRINE_SERVER || join(root, 'target/release/vitrine');

/** Resolves to `{ url, stop }` once the server listens; `env` adds variables (e.g. seed scale). */
export async function startServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-bench-'));
  const server = spawn(bin, ['--addr', '127.0.0.1:0', '--data-dir', dataDir, '--site-root', join(root, 'target/site')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RUST_LOG: 'warn', ...env },
  });
  const url = await new Promise((ok, fail) => {
    server.stdout.on('data', (d) => { const m = /listening on (http:\/\/\S+)/.exec(String(d)); if (m) ok(m[1]); });
    server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return {
    url,
    dataDir,
    stop() {
      server.kill('SIGINT');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
