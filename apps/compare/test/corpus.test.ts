import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compare } from '../src/compare.js';
import { listCorpus } from '../src/corpus.js';
import { corpusDir } from '../src/paths.js';
import { formatReport } from '../src/report.js';
import { resolveMini, type Target } from '../src/target.js';

// Every corpus script must print the same, and end the same, under node and
// mini. Scripts in corpus/pending need a subsystem mini lacks and are skipped.
// MINI_CORPUS_SKIP=net,http skips whole areas too, for a subsystem that has
// not landed yet; the skipped tests stay visible as skipped.
const scripts = listCorpus();
const skippedAreas = new Set(
  (process.env.MINI_CORPUS_SKIP ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== ''),
);
let target: Target;

beforeAll(async () => {
  target = await resolveMini();
});

test('the corpus is large enough to mean something', () => {
  expect(scripts.filter((s) => !s.pending).length).toBeGreaterThanOrEqual(45);
});

describe.concurrent('corpus', () => {
  for (const s of scripts) {
    const name = path.relative(corpusDir, s.file);
    test.skipIf(s.pending || skippedAreas.has(s.area))(name, async () => {
      const r = await compare(s.file, s.args, { cwd: corpusDir, mini: target.bin });
      // A script that prints nothing on node proves nothing when mini matches it.
      expect(r.node.stdout + r.node.stderr, `${name} prints nothing on node`).not.toBe('');
      expect(r.same, formatReport(r)).toBe(true);
    });
  }
});
