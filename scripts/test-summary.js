// Sums vitest's per-package "Tests  N passed | M failed" lines into one
// closing line, and fails when no test ran at all.
const fs = require('node:fs');
const text = fs.readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split('\n')) {
  const m = /^\S*:?\s*Tests\s+(.*)$/.exec(line.trim().replace(/^[^:]*:test:\s*/, ''));
  if (!m) continue;
  const p = /(\d+) passed/.exec(m[1]);
  const f = /(\d+) failed/.exec(m[1]);
  const s = /(\d+) skipped/.exec(m[1]);
  if (p) passed += Number(p[1]);
  if (f) failed += Number(f[1]);
  if (s) skipped += Number(s[1]);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
