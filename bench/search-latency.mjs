// Search latency on a 10,112-product catalogue (the seed generator at scale 79): the results
// listing (facets counted over every match) per query, and the header's suggestions for every
// keystroke of words typed one letter at a time. Prints p50/p95 of the server's own time
// (Server-Timing) and of the whole HTTP exchange. Run with `make bench-search`.
import { startServer } from './lib/server.mjs';

const scale = process.env.VITRINE_SEED_SCALE || '79';
const rounds = Number(process.env.ROUNDS || 5);

const queries = ['tee', 'crew tee', 'snekers', 'trainers', 'merino cardigan', 'oak', 'lamp', 'linen',
  'headphones', 'organic cotton', 'knitwaer', 'ceramic mug', 'brass lamp', 'zzzqqq', 'made'];
const typed = ['sneakers', 'knitwear', 'cardigan', 'headphones', 'lamp'];

const started = performance.now();
// Every results page drawn (a repeated query would otherwise come from the page's copy).
const { url, stop } = await startServer({ VITRINE_SEED_SCALE: scale, VITRINE_PAGE_TTL: '0' });
console.log(`catalogue seeded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function call(endpoint, form) {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/${endpoint}`, {
    method: 'POST',
    // As the store's own page sends it: the server refuses posts from anywhere else.
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: url },
    body: form,
  });
  const body = await res.json();
  const wall = performance.now() - t0;
  if (!res.ok) throw new Error(`${endpoint} ${form}: ${res.status} ${JSON.stringify(body)}`);
  const server = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing'))?.[1]);
  return { wall, server, body };
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const row = (name, xs) => console.log(`${name.padEnd(34)} ${pct(xs.map((x) => x.server), 50).toFixed(1).padStart(7)} ${pct(xs.map((x) => x.server), 95).toFixed(1).padStart(7)} ${pct(xs.map((x) => x.wall), 50).toFixed(1).padStart(7)} ${pct(xs.map((x) => x.wall), 95).toFixed(1).padStart(7)}`);

try {
  const total = (await call('catalog/listing', 'params[q]=made')).body.products.total;
  console.log(`${total} products match "made" (every product); ${rounds} rounds`);
  const listing = [];
  const suggest = [];
  for (let r = 0; r < rounds + 1; r++) {
    const keep = r > 0; // the first round warms caches (vocabulary, prepared statements)
    for (const q of queries) {
      const x = await call('catalog/listing', `params[q]=${encodeURIComponent(q)}`);
      x.q = q;
      x.total = x.body.products.total;
      if (keep) listing.push(x);
    }
    for (const word of typed) {
      for (let n = 2; n <= word.length; n++) {
        const x = await call('catalog/suggest', `q=${encodeURIComponent(word.slice(0, n))}`);
        if (keep) suggest.push(x);
      }
    }
  }
  console.log('                                   server ms        end to end ms');
  console.log('                                    p50     p95      p50     p95');
  row(`search results (${listing.length} queries)`, listing);
  row(`suggestions (${suggest.length} keystrokes)`, suggest);
  const byQuery = new Map();
  for (const x of listing) byQuery.set(x.q, [...(byQuery.get(x.q) || []), x]);
  const slowest = [...byQuery].map(([q, xs]) => [q, xs[0].total, pct(xs.map((x) => x.server), 50)]).sort((a, b) => b[2] - a[2]).slice(0, 3);
  console.log('slowest queries (server p50): ' + slowest.map(([q, n, ms]) => `"${q}" ${n} matches ${ms.toFixed(1)} ms`).join('; '));
} finally {
  stop();
}
