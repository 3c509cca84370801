// The site every smoke flow runs against: the release build under a sub-path of a host
// site (pemda/kalkulator/, as a pemda web team puts it), beside the sample host pages of
// tests/e2e/host, served on 127.0.0.1 with a switch that takes the network away.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../e2e/server.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
export const APP = 'pemda/kalkulator/';

/** Copies the build into a site folder of its own (`name`: one per browser, since test
 *  files run side by side) and serves it. `offline(true)` drops every connection. */
export async function site(name) {
  const dir = join(ARTIFACTS, `site-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pemda'), { recursive: true });
  cpSync(process.env.RAPOR_DIST ?? join(ROOT, 'dist'), join(dir, APP), { recursive: true });
  cpSync(join(ROOT, 'tests', 'e2e', 'host'), dir, { recursive: true });
  const like = { offline: false };
  const port = 22000 + Math.floor(Math.random() * 3000);
  const server = await serve(dir, port, '/', {}, like);
  return {
    url: `http://127.0.0.1:${port}/`,
    offline: (on) => { like.offline = on; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
