// A static file server for the release build (dist/), on 127.0.0.1 only. Node rather
// than Python because the README promises a machine with only Rust and Node.
// Usage: node tests/e2e/server.mjs DIR PORT [BASE]  — BASE serves DIR under a sub-path.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

/** `like` = { nginx: true, log: [], offline: false, lastModified: false } serves as a stock nginx with gzip on would: gzip for
 *  text, JSON and wasm when the browser accepts it, an ETag and 304 for a match, no
 *  cache-control; each response is logged as { path, status, bytes } (bytes on the
 *  wire, headers left out), so a test can count what a visit really fetches. */
export function serve(dir, port, base = '/', headers = {}, like = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    // `like.offline`: as if the network were gone (a test switches it for any browser).
    if (like.offline) { req.socket.destroy(); return; }
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    path = normalize(path.slice(base.length - 1));
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (like.nginx) {
        const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag, ...headers }).end();
          like.log?.push({ path, status: 304, bytes: 0 });
          return;
        }
        const zip = /gzip/.test(req.headers['accept-encoding'] ?? '') && /text|json|wasm|javascript/.test(type);
        const out = zip ? gzipSync(body, { level: 6 }) : body;
        res.writeHead(200, { 'content-type': type, etag, ...(zip ? { 'content-encoding': 'gzip' } : {}), ...headers });
        res.end(out);
        like.log?.push({ path, status: 200, bytes: out.length });
        return;
      }
      if (like.lastModified) {
        // As a server that sends only Last-Modified: browsers then guess how long a copy
        // stays fresh (a tenth of its age) and reuse it without asking.
        const modified = (await stat(file)).mtime;
        modified.setMilliseconds(0);
        const since = Date.parse(req.headers['if-modified-since'] ?? '');
        if (since >= modified.getTime()) { res.writeHead(304).end(); return; }
        res.writeHead(200, { 'content-type': type, 'last-modified': modified.toUTCString(), ...headers });
        res.end(body);
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  await serve(dir, Number(port), base);
  console.log(`serving ${dir} on http://127.0.0.1:${port}${base}`);
}
