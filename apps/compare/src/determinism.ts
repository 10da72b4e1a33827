import * as path from 'node:path';
import { capture } from './capture.js';
import { listCorpus, type CorpusScript } from './corpus.js';
import { diffLines, unified } from './diff.js';
import { limiter } from './limit.js';
import { normalizeLines } from './normalize.js';
import { corpusDir, nodeBin } from './paths.js';

/**
 * Proof that the corpus is fit to judge with: every script is run `runs`
 * times on node and each run must match the first (after the same
 * normalisation the comparison uses). A script that varies on node itself
 * cannot tell us anything about mini.
 *
 *   node dist/determinism.js [--runs N] [filter]
 */
export interface Verdict {
  script: CorpusScript;
  stable: boolean;
  /** Diff of the first run against the first run that differed. */
  diff: string[];
  differing: number;
}

function signature(c: { stdout: string; stderr: string; code: number | null; signal: string | null }): string[] {
  return [`exit ${String(c.code)} ${String(c.signal)}`, ...normalizeLines(c.stdout), '-- stderr --', ...normalizeLines(c.stderr)];
}

export async function checkScript(script: CorpusScript, runs: number, node = nodeBin()): Promise<Verdict> {
  let first: string[] | undefined;
  let diff: string[] = [];
  let differing = 0;
  for (let i = 0; i < runs; i++) {
    const c = await capture(node, [script.file, ...script.args], { cwd: corpusDir, timeoutMs: 30_000, stdin: script.stdin });
    const sig = signature(c);
    if (first === undefined) first = sig;
    else {
      const d = unified(diffLines(first, sig));
      if (d.length > 0) {
        differing++;
        if (diff.length === 0) diff = d;
      }
    }
  }
  return { script, stable: differing === 0, diff, differing };
}

async function run(argv: string[]): Promise<number> {
  let runs = 20;
  let filter = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else filter = argv[i]!;
  }
  const scripts = listCorpus().filter((s) => `${s.area}/${s.name}`.includes(filter));
  const limit = limiter(2);
  const verdicts = await Promise.all(scripts.map((s) => limit(() => checkScript(s, runs))));
  let unstable = 0;
  for (const v of verdicts) {
    const name = path.relative(corpusDir, v.script.file);
    if (v.stable) {
      process.stdout.write(`stable    ${name}\n`);
    } else {
      unstable++;
      process.stdout.write(`UNSTABLE  ${name} (${v.differing} of ${runs - 1} runs differ from the first)\n${v.diff.join('\n')}\n`);
    }
  }
  process.stdout.write(`${verdicts.length - unstable} of ${verdicts.length} scripts stable over ${runs} runs on node\n`);
  return unstable === 0 ? 0 : 1;
}

if (require.main === module) {
  run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
