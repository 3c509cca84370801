// The crate's import graph, from every `crate::x` in src/ (and `super::x` between the
// files of one module): prints each top-level module's dependencies and fails (exit 1)
// on a cycle, at either level, or on an import against the house rule
//   engine <- text <- share, settings, form, report <- session <- protocol <- worker, cli, web
// Run by the test command's lint tier: node scripts/imports.mjs [src]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const src = process.argv[2] ?? new URL('../src', import.meta.url).pathname;
const LAYERS = [['engine'], ['text'], ['share', 'settings', 'form', 'report'], ['session'], ['protocol'], ['worker', 'cli', 'web']];
// Peers of one layer that may import each other one way.
const PEERS = new Set(['report>form']); // report writes the form's sheets (Excel)
const layer = new Map(LAYERS.flatMap((ms, i) => ms.map((m) => [m, i])));

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.rs')) files.push(p);
  }
})(src);

const modules = new Map(); // top module -> Set of top modules it imports
const inner = new Map(); // "web/app" -> Set of sibling files it imports
const add = (map, k, v) => (map.get(k) ?? map.set(k, new Set()).get(k)).add(v);
for (const path of files) {
  let parts = relative(src, path).replace(/\.rs$/, '').split(sep);
  if (parts.at(-1) === 'mod') parts = parts.slice(0, -1);
  const top = parts[0];
  if (top === 'lib' || top === 'bin') continue;
  const text = readFileSync(path, 'utf8');
  modules.get(top) ?? modules.set(top, new Set());
  for (const [, m] of text.matchAll(/\bcrate::([a-z_]+)/g)) if (m !== top) add(modules, top, m);
  const me = parts.join('/');
  for (const [, m] of text.matchAll(/\bsuper::([a-z_]+)/g)) add(inner, me, [...parts.slice(0, -1), m].join('/'));
  for (const [, m] of text.matchAll(new RegExp(`\\bcrate::${top}::([a-z_]+)`, 'g'))) add(inner, me, `${top}/${m}`);
}

const bad = [];
for (const [m, ds] of [...modules].sort()) {
  for (const d of ds) {
    if (!layer.has(m) || !layer.has(d)) bad.push(`${m} -> ${d}: module not in the house rule`);
    else if (layer.get(d) > layer.get(m) || (layer.get(d) === layer.get(m) && !PEERS.has(`${m}>${d}`))) bad.push(`${m} -> ${d}: against the house rule`);
  }
  console.log(`${m}: ${[...ds].sort().join(', ') || '-'}`);
}

function cycles(graph) {
  const state = new Map();
  const visit = (m, stack) => {
    state.set(m, 1);
    for (const d of graph.get(m) ?? []) {
      if (state.get(d) === 1) bad.push(`cycle: ${[...stack.slice(stack.indexOf(d)), d].join(' -> ')}`);
      else if (!state.get(d)) visit(d, [...stack, d]);
    }
    state.set(m, 2);
  };
  for (const m of graph.keys()) if (!state.get(m)) visit(m, [m]);
}
cycles(modules);
cycles(inner);
console.log(`${files.length} files; ${bad.length ? 'problems:' : 'no cycles, house rule kept'}`);
for (const b of bad) console.error(`error: ${b}`);
process.exit(bad.length ? 1 : 0);
