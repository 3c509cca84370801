// The README's serve command (scripts/serve.sh): it serves the widget on 127.0.0.1:8080
// and leaves dist/ — the folder a web team copies to its site — as `trunk build` wrote
// it. It used to build into dist/ with Trunk's live-reload script, which then retried
// ws://{{__trunk_address__}} forever on the pemda's own server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

test('the serve command serves the widget and never writes a live-reload script into dist/', async () => {
  const dist = join(ROOT, 'dist', 'index.html');
  const before = existsSync(dist) ? statSync(dist).mtimeMs : null;
  const server = spawn('bash', [join(ROOT, 'scripts', 'serve.sh')], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => { log = (log + d).slice(-3000); });
  server.stderr.on('data', (d) => { log = (log + d).slice(-3000); });
  try {
    let page = null;
    for (let i = 0; i < 600 && page === null; i++) {
      try {
        const res = await fetch('http://127.0.0.1:8080/');
        if (res.ok) page = await res.text();
      } catch { /* still building */ }
      if (page === null) await new Promise((ok) => setTimeout(ok, 500));
    }
    assert.ok(page, `nothing served on 127.0.0.1:8080: ${log}`);
    assert.match(page, /<meta name="rapor-build"/);
    assert.ok(existsSync(join(ROOT, 'target', 'serve', 'index.html')), 'the served build is in target/serve');
    if (before !== null) assert.equal(statSync(dist).mtimeMs, before, 'dist/ was rewritten');
    if (existsSync(dist)) assert.doesNotMatch(readFileSync(dist, 'utf8'), /__trunk_address__|trunk.*(autoreload|ws:)/i);
  } finally {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
});
