// Writes the WordPress plugin zip (see package-wordpress.sh). A zip of our own making
// (deflate from node:zlib): no zip program is needed on the machine.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';

const [dist, out] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
try {
  statSync(join(dist, 'embed.js'));
} catch {
  console.error(`package-wordpress: ${dist} has no embed.js; run \`trunk build --release\` first`);
  process.exit(1);
}

/** Every file under `dir`, as [path inside the zip, bytes]. */
function files(dir, under) {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, `${under}${name}/`) : [[`${under}${name}`, readFileSync(p)]];
  });
}

const entries = [
  ...files(join(root, 'wordpress', 'rapor'), 'rapor/'),
  ...files(dist, 'rapor/build/'),
  // Apache (where AllowOverride lets it): the widget's module with its own type.
  ['rapor/build/.htaccess', Buffer.from('AddType application/wasm .wasm\n')],
];

// CRC-32 (node:zlib has it from Node 20.15; a table otherwise).
const table = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = zlib.crc32 ?? ((buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
});

const parts = [];
const central = [];
let offset = 0;
for (const [name, data] of entries) {
  const packed = deflateRawSync(data, { level: 9 });
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(0, 10); // time
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  const head = Buffer.alloc(46);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(20, 6);
  head.writeUInt16LE(0x0800, 8);
  head.writeUInt16LE(8, 10);
  head.writeUInt16LE(0, 12);
  head.writeUInt16LE(0x21, 14);
  head.writeUInt32LE(crc, 16);
  head.writeUInt32LE(packed.length, 20);
  head.writeUInt32LE(data.length, 24);
  head.writeUInt16LE(nameBytes.length, 28);
  head.writeUInt32LE(0, 30); // extra, comment lengths
  head.writeUInt32LE(0, 34); // disk, internal attributes
  head.writeUInt32LE(0, 38); // external attributes
  head.writeUInt32LE(offset, 42);
  parts.push(local, nameBytes, packed);
  central.push(head, nameBytes);
  offset += local.length + nameBytes.length + packed.length;
}
const dir = Buffer.concat(central);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(entries.length, 8);
end.writeUInt16LE(entries.length, 10);
end.writeUInt32LE(dir.length, 12);
end.writeUInt32LE(offset, 16);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat([...parts, dir, end]));
console.log(`${relative(process.cwd(), out) || out}: ${entries.length} files, ${Math.round((offset + dir.length + 22) / 1024)} KB`);
