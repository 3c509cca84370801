// Trunk post-build hook: writes embed.js, the one file a host page includes to embed
// Rapor. Its name is stable; it names the build's hashed files, which it loads relative
// to its own URL, so the build folder can live under any sub-path of a site.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`embed.js: no ${what} in index.html`);
  return m[1];
};
const files = {
  js: find(/(rapor-web-[0-9a-f]+\.js)/, 'widget script'),
  wasm: find(/(rapor-web-[0-9a-f]+_bg\.wasm)/, 'widget wasm'),
  css: find(/(main-[0-9a-f]+\.css)/, 'stylesheet'),
};
const template = readFileSync(new URL('./embed.template.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'embed.js'), template.replace('__FILES__', JSON.stringify(files)));
console.log(`embed.js written for ${files.js}`);
