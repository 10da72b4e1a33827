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
const args = ['-O2', '-Wall', '-Wextra', '-Werror', '-std=gnu11', '-shared', '-fPIC', '-fvisibility=hidden', '-Wl,-Bsymbolic', '-Wl,-z,nodelete', '-pthread'];
// $CC if set, else the usual names of the system's C compiler.
const compilers = process.env.CC ? [process.env.CC] : ['cc', 'gcc', 'clang'];
const failures = [];
for (const cc of compilers) {
  try {
    execFileSync(cc, [...args, '-o', join(out, 'libmini.so'), ...sources, '-ldl'], { stdio: ['ignore', 'inherit', 'pipe'] });
    failures.length = 0;
    break;
  } catch (err) {
    failures.push(`${cc}: ${(err.stderr?.toString() || err.message).trim().split('\n')[0]}`);
  }
}
if (failures.length > 0) {
  const why = `no C compiler could build libmini.so (${failures.join('; ')})`;
  rmSync(join(out, 'libmini.so'), { force: true });
  writeFileSync(note, why + '\n');
  console.warn(`warning: ${why}`);
}
