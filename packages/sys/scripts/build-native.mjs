// Compiles native/*.c into dist/native/libmini.so. The library is linked
// -Bsymbolic with hidden visibility: the node binary exports uv, OpenSSL and
// zlib symbols that would otherwise capture our own internal calls. It is
// also linked -z nodelete: koffi closes its libraries when the isolate goes
// away, and pool threads parked inside our code must never see it unmapped
// (measured: 5 exits in 100 crashed before). When no
// compiler can build it, the build still succeeds and leaves
// dist/native/unavailable.txt saying why; at run time the pool then warns
// once and runs requests inline (src/native.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'native');
const sources = readdirSync(join(root, 'native'))
  .filter((f) => f.endsWith('.c'))
  .map((f) => join(root, 'native', f));
mkdirSync(out, { recursive: true });
const note = join(out, 'unavailable.txt');
rmSync(note, { force: true });
const cc = process.env.CC || 'cc';
const args = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=gnu11', '-shared', '-fPIC', '-fvisibility=hidden', '-Wl,-Bsymbolic', '-Wl,-z,nodelete', '-pthread'];
try {
  execFileSync(cc, [...args, '-o', join(out, 'libmini.so'), ...sources, '-ldl'], { stdio: ['ignore', 'inherit', 'pipe'] });
} catch (err) {
  const why = `${cc} could not build libmini.so: ${(err.stderr?.toString() || err.message).trim().split('\n')[0]}`;
  rmSync(join(out, 'libmini.so'), { force: true });
  writeFileSync(note, why + '\n');
  console.warn(`warning: ${why}`);
}
