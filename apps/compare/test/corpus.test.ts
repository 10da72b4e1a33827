import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compare } from '../src/compare.js';
import { listCorpus } from '../src/corpus.js';
import { corpusDir } from '../src/paths.js';
import { formatReport } from '../src/report.js';
import { resolveMini, type Target } from '../src/target.js';
// The dns package's dnsmasq harness: the records its tests and these scripts ask for.
import { startDnsmasq, type Dnsmasq } from '../../../packages/dns/test/dnsmasq.js';

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
// The dns scripts ask one dnsmasq, the same for node and mini, named in MINI_DNS_SERVER.
let dnsmasq: Dnsmasq | undefined;
let env: NodeJS.ProcessEnv = process.env;
const needsDnsmasq = scripts.some((s) => s.area === 'dns' && !s.pending && !skippedAreas.has(s.area));

beforeAll(async () => {
  target = await resolveMini();
  if (needsDnsmasq) {
    dnsmasq = await startDnsmasq();
    env = { ...process.env, MINI_DNS_SERVER: dnsmasq.server };
  }
});

afterAll(async () => {
  await dnsmasq?.stop();
});

test('the corpus is large enough to mean something', () => {
  expect(scripts.filter((s) => !s.pending).length).toBeGreaterThanOrEqual(45);
});

describe.concurrent('corpus', () => {
  for (const s of scripts) {
    const name = path.relative(corpusDir, s.file);
    test.skipIf(s.pending || skippedAreas.has(s.area))(name, async () => {
      const r = await compare(s.file, s.args, { cwd: corpusDir, mini: target.bin, env, stdin: s.stdin });
      // A script that prints nothing on node proves nothing when mini matches it.
      expect(r.node.stdout + r.node.stderr, `${name} prints nothing on node`).not.toBe('');
      expect(r.same, formatReport(r)).toBe(true);
    });
  }
});
