// Trunk post-build hook. Writes
// - embed.js: the one file a host page includes to embed Rapor. Its name is stable; it
//   names the build's hashed files, which it loads relative to its own URL, so the build
//   folder can live under any sub-path of a site;
// - the page's wasm-bindgen glue, minified with terser (see below);
// - sw.js and sw-register.js: the service worker that keeps this build for offline use,
//   and its registration, which index.html loads (a file, not an inline script, so a
//   strict Content-Security-Policy still works).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
let html = readFileSync(join(dir, 'index.html'), 'utf8');
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
// The page's glue script is a first-visit download. Trunk's own JS minifier is off for it
// (index.html: data-no-minify); terser, a maintained minifier from npm, takes 54 KB to
// 24 KB (9,0 to 6,9 KB gzip). The module preload's integrity hash follows the new text.
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const glue = readFileSync(join(dir, files.js), 'utf8');
const small = (await minify(glue, { module: true, compress: true, mangle: true })).code;
if (!html.includes(sri(glue))) throw new Error(`no integrity hash of ${files.js} in index.html`);
writeFileSync(join(dir, files.js), small);
html = html.replace(sri(glue), sri(small));

copyFileSync(new URL('./sw-register.js', import.meta.url), join(dir, 'sw-register.js'));

// The rulesets as data files beside the widget (flat names: the service worker caches
// every file of the folder): rulesets.json lists them for the picker, and the widget
// fetches ruleset-<id>.json when a method is first used. Ombudsman methods newest
// first, then the other schemes.
const rulesetDir = new URL('../src/rulesets/', import.meta.url);
const rulesets = readdirSync(rulesetDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, rulesetDir), 'utf8')))
  .sort((a, b) => {
    const om = (r) => (r.id.startsWith('ombudsman-') ? 0 : 1);
    return om(a) - om(b) || (om(a) === 0 ? b.id.localeCompare(a.id) : a.id.localeCompare(b.id));
  });
for (const r of rulesets) writeFileSync(join(dir, `ruleset-${r.id}.json`), JSON.stringify(r));
writeFileSync(join(dir, 'rulesets.json'), JSON.stringify(rulesets.map((r) => ({ id: r.id, title: r.title, title_en: r.title_en ?? '' }))));
// The early screen (scripts/rapor-early.js), told which methods there are: a first-visit
// download too, so minified.
const early = readFileSync(new URL('./rapor-early.js', import.meta.url), 'utf8');
if (!early.includes('__RULESETS__')) throw new Error('rapor-early.js: no __RULESETS__ to fill in');
const earlyWithIds = early.replace('__RULESETS__', JSON.stringify(rulesets.map((r) => r.id)));
writeFileSync(join(dir, 'rapor-early.js'), (await minify(earlyWithIds, { compress: true, mangle: true })).code);
// Trunk's start-up script says when the module could not be loaded, so the early screen
// can say so too (an inline script: the README says a strict policy adds its hash).
const loader = /const wasm = await init\((\{[^}]*\})\);/;
if (!loader.test(html)) throw new Error('index.html: not the start-up script Trunk writes');
html = html.replace(loader, (_, arg) =>
  `const wasm = await init(${arg}).catch((e) => { window.raporFailed = true; dispatchEvent(new Event('rapor-failed')); throw e; });`);
const withRegister = html.includes('sw-register.js') ? html : html.replace('</head>', '<script defer src="./sw-register.js"></script></head>');
// After <main>, so the script finds it; async, so it runs as soon as it arrives, long
// before the module.
if (!withRegister.includes('</body>')) throw new Error('index.html: no </body> for the early screen');
const withEarly = withRegister.includes('rapor-early.js') ? withRegister : withRegister.replace('</body>', '<script async src="./rapor-early.js"></script></body>');
writeFileSync(join(dir, 'index.html'), withEarly);
// Every file of the build. The version hashes their contents (the workers' files keep
// stable names, so names alone would miss a change) and embed.js's template: embed.js
// and the worker loaders, written below, carry the version themselves.
const template = readFileSync(new URL('./embed.template.js', import.meta.url), 'utf8');
const hash = createHash('sha256').update(template);
for (const f of readdirSync(dir).filter((f) => f !== 'sw.js' && f !== 'embed.js').sort()) {
  hash.update(f).update(readFileSync(join(dir, f)));
}
const build = hash.digest('hex').slice(0, 16);
const version = JSON.stringify(build);
writeFileSync(join(dir, 'embed.js'), template.replace('__FILES__', JSON.stringify({ ...files, build })));
// Each worker loader asks for its script and module as this build's (`?v=`), and refuses
// to start for a page of another build (the page asks for it with its own `?v=`): after a
// deployment a page and its workers always come from one build, whatever a cache holds.
for (const f of readdirSync(dir).filter((f) => f.endsWith('_loader.js'))) {
  const loader = readFileSync(join(dir, f), 'utf8');
  const v = `?v=${build}`;
  // The module is passed as wasm-bindgen now asks (an object: no deprecation warning),
  // and a module that does not arrive (offline, not kept yet) is thrown as the worker's
  // error, which the page hears and handles — left as a rejected promise, the browser
  // reports it as an error of the page itself.
  const versioned = loader
    .replace(/(importScripts\("\.\/[\w-]+\.js)"\)/, `$1${v}")`)
    .replace(/wasm_bindgen\(("\.\/[\w-]+_bg\.wasm)"\)/,
      `wasm_bindgen({module_or_path:$1${v}"}).catch(function(e){setTimeout(function(){throw new Error("the worker's module did not load: "+e)})})`);
  if (!versioned.includes(`.js${v}"`) || !versioned.includes(`.wasm${v}"`)) throw new Error(`${f}: not the loader Trunk writes: ${loader}`);
  // (From the service worker's cache the worker's address has no query: that cache holds
  // only this build's files.)
  const check = `if(self.location.search&&self.location.search!==${JSON.stringify(v)})throw new Error("rapor-build: this worker is build ${build}, its page another");`;
  writeFileSync(join(dir, f), check + versioned);
}
const names = readdirSync(dir).filter((f) => f !== 'sw.js').sort();
// With each file its gzip size, for the offline button's "± N KB".
const all = [['./', gzipSync(readFileSync(join(dir, 'index.html'))).length],
  ...names.map((f) => [f, gzipSync(readFileSync(join(dir, f))).length])];
const offline = all.reduce((sum, [, n]) => sum + n, 0);
// The page says which build it is, so the service worker keeps its files only into
// that build's cache (a page of another build must not fill it).
writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8')
  .replace('</head>', `<meta name="rapor-offline-bytes" content="${offline}"><meta name="rapor-build" content=${version}></head>`));
const sw = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'sw.js'), sw.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(all)));
console.log(`embed.js and sw.js written for ${files.js} (${all.length} files cached)`);
