import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../src/cli.js';
import { compare } from '../src/compare.js';
import { declaredArgs } from '../src/corpus.js';
import { diffLines, unified } from '../src/diff.js';
import { normalizeLines, NO_FINAL_NEWLINE } from '../src/normalize.js';
import { formatReport } from '../src/report.js';

// The runner judged against real processes: node against node must agree,
// node against `fake-mini` (node with FAKE_MINI=1, which the fixture scripts
// react to) must disagree exactly where the scripts make it.
const fixtures = path.join(__dirname, 'fixtures');
const fakeMini = path.join(fixtures, 'fake-mini');
const fixture = (name: string): string => path.join(fixtures, name);

class Collect {
  text = '';
  write(chunk: string | Uint8Array): boolean {
    this.text += String(chunk);
    return true;
  }
}

describe('diff', () => {
  test('equal inputs give no hunks', () => {
    expect(unified(diffLines(['a', 'b'], ['a', 'b']))).toEqual([]);
  });

  test('a change in the middle, with two lines of context', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7'];
    const b = ['1', '2', '3', 'four', '5', '6', '7'];
    expect(unified(diffLines(a, b))).toEqual(['@@ -2,5 +2,5 @@', ' 2', ' 3', '-4', '+four', ' 5', ' 6']);
  });

  test('far-apart changes make separate hunks; insertions into empty output', () => {
    const a = ['x', '1', '2', '3', '4', '5', '6', '7', 'y'];
    const b = ['1', '2', '3', '4', '5', '6', '7', 'z'];
    expect(unified(diffLines(a, b), 1)).toEqual(['@@ -1,2 +1,1 @@', '-x', ' 1', '@@ -8,2 +7,2 @@', ' 7', '-y', '+z']);
    expect(unified(diffLines([], ['new']))).toEqual(['@@ -0,0 +1,1 @@', '+new']);
  });

  test('a moved line is one deletion and one insertion', () => {
    expect(unified(diffLines(['a', 'b', 'c'], ['b', 'c', 'a']))).toEqual(['@@ -1,3 +1,3 @@', '-a', ' b', ' c', '+a']);
  });
});

describe('normalisation', () => {
  test('drops stack frames only', () => {
    const text = 'Error: x\n    at f (/a.js:1:1)\n        at nested\nat not-a-frame\n  data\n';
    expect(normalizeLines(text)).toEqual(['Error: x', 'at not-a-frame', '  data']);
  });

  test('keeps a missing final newline visible', () => {
    expect(normalizeLines('a\n')).toEqual(['a']);
    expect(normalizeLines('a')).toEqual(['a', NO_FINAL_NEWLINE]);
    expect(normalizeLines('')).toEqual([]);
  });
});

test('declared args', () => {
  expect(declaredArgs('// args: one "two words" --x=3\nrest')).toEqual(['one', 'two words', '--x=3']);
  expect(declaredArgs('// no args\n')).toEqual([]);
});

describe('compare', () => {
  test('node against node is the same', async () => {
    const r = await compare(fixture('differs.js'), [], { mini: 'node' });
    expect(r.same).toBe(true);
    expect(r.stdoutDiff).toEqual([]);
    expect(r.node.stdout).toContain('line 8\n');
    expect(r.ratio).toBeGreaterThan(0);
  });

  test('reports stdout, stderr and exit code differences with the right lines', async () => {
    const r = await compare(fixture('differs.js'), [], { mini: fakeMini });
    expect(r.same).toBe(false);
    expect(r.stdoutDiff).toEqual([
      '@@ -2,7 +2,8 @@',
      ' line 2',
      ' line 3',
      '-line 4',
      '+line 4 changed',
      ' line 5',
      ' line 6',
      ' line 7',
      ' line 8',
      '+only in mini',
    ]);
    expect(r.stderrDiff).toEqual(['@@ -1,1 +1,1 @@', '-err node', '+err mini']);
    expect(r.exitSame).toBe(false);
    expect([r.node.code, r.mini.code]).toEqual([0, 3]);
    const report = formatReport(r);
    expect(report).toContain('stdout differs:\n--- node\n+++ mini\n@@ -2,7 +2,8 @@');
    expect(report).toContain('exit differs: node exit 0, mini exit 3');
  });

  test('stack frames are ignored, the uncaught-error header is not', async () => {
    const frames = await compare(fixture('frames-differ.js'), [], { mini: fakeMini });
    expect(frames.node.stderr).not.toBe(frames.mini.stderr);
    expect(frames.same, formatReport(frames)).toBe(true);
    expect(frames.node.code).toBe(1);

    const header = await compare(fixture('header-differs.js'), [], { mini: fakeMini });
    expect(header.same).toBe(false);
    expect(header.stderrDiff.filter((l) => l.startsWith('-') || l.startsWith('+'))).toEqual([
      `-${fixture('header-differs.js')}:6`,
      "-throw new Error('same message');",
      '-^',
      `+${fixture('header-differs.js')}:4`,
      "+  throw new Error('same message');",
      '+  ^',
    ]);
  });

  test('a missing final newline is a difference', async () => {
    const r = await compare(fixture('newline.js'), [], { mini: fakeMini });
    expect(r.stdoutDiff).toEqual(['@@ -1,1 +1,2 @@', ' end', `+${NO_FINAL_NEWLINE}`]);
  });

  test('death by signal is reported', async () => {
    const r = await compare(fixture('signal.js'), [], { mini: fakeMini });
    expect(r.same).toBe(false);
    expect(r.stdoutDiff).toEqual([]);
    expect(r.mini.signal).toBe('SIGTERM');
    expect(formatReport(r)).toContain('exit differs: node exit 0, mini signal SIGTERM');
  });

  test('same args, cwd and env on both sides; stdin is at EOF', async () => {
    const r = await compare('env-argv.js', ['a', 'b c'], { cwd: fixtures, mini: fakeMini, env: { ...process.env, COMPARE_PROBE: 'p1' } });
    expect(r.same, formatReport(r)).toBe(true);
    expect(r.node.stdout).toBe('["a","b c"] fixtures p1\nstdin ended with ""\n');
  });

  test('a run past the timeout is killed and reported', async () => {
    const r = await compare(fixture('slow.js'), [], { mini: fakeMini, timeoutMs: 1500 });
    expect(r.mini.timedOut).toBe(true);
    expect(r.same).toBe(false);
    expect(formatReport(r)).toContain('mini signal SIGKILL (timed out)');
  });

  test('a mini that cannot start is a difference, not a crash', async () => {
    const r = await compare(fixture('differs.js'), [], { mini: path.join(fixtures, 'no-such-mini') });
    expect(r.same).toBe(false);
    expect(r.mini.spawnError).toMatch(/ENOENT/);
  });
});

describe('main', () => {
  test('prints the diff and returns 1 on a difference', async () => {
    const out = new Collect();
    const status = await main(['--mini', fakeMini, fixture('differs.js')], out, out);
    expect(status).toBe(1);
    expect(out.text).toContain('-line 4\n+line 4 changed\n');
    expect(out.text).toMatch(/node [\d.]+ ms, mini [\d.]+ ms, mini\/node [\d.]+\n$/);
  });

  test('--json gives the structured result; 0 when the same', async () => {
    const out = new Collect();
    const status = await main(['--json', '--mini', 'node', fixture('differs.js'), 'arg'], out, out);
    expect(status).toBe(0);
    const parsed = JSON.parse(out.text) as { same: boolean; args: string[]; node: { code: number } };
    expect(parsed.same).toBe(true);
    expect(parsed.args).toEqual(['arg']);
    expect(parsed.node.code).toBe(0);
  });

  test('usage errors return 2 on stderr, --help 0 on stdout', async () => {
    const out = new Collect();
    const err = new Collect();
    expect(await main([], out, err)).toBe(2);
    expect(await main(['--bogus', 'x.js'], out, err)).toBe(2);
    expect(err.text).toContain('unknown option --bogus');
    expect(out.text).toBe('');
    expect(await main(['--help'], out, err)).toBe(0);
    expect(out.text).toMatch(/^usage: mini compare/);
  });
});
