/**
 * ES modules through the `mini` command, as a user meets them: real
 * packages published as ES modules, the entry kinds the corpus cannot
 * hold (-e/stdin with --input-type, a .js whose syntax decides), and what
 * the launcher's host flag must not show. Each against node on the same
 * command line.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');
const PACKAGES = resolve(__dirname, 'fixtures', 'esm-packages');

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    encoding: 'utf8',
    cwd: opts.cwd,
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env },
    timeout: 30_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
const mini = (args: string[], opts?: Parameters<typeof run>[2]) => run(MINI, args, opts);
const node = (args: string[], opts?: Parameters<typeof run>[2]) => run(process.execPath, args, opts);
/** Stack frames are the runtimes' own; the pid in a warning's "(node:PID)" differs. */
const comparable = (r: Run): Run => ({
  ...r,
  stderr: r.stderr
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .join('\n')
    .replace(/\(node:\d+\)/g, '(node:PID)'),
});

function expectSameAsNode(args: string[], opts?: Parameters<typeof run>[2]): Run {
  const theirs = comparable(node(args, opts));
  const ours = comparable(mini(args, opts));
  expect(theirs.stdout + theirs.stderr, 'node prints something').not.toBe('');
  expect(ours).toEqual(theirs);
  return ours;
}

describe('ES module packages from npm, on mini', () => {
  const env = { FORCE_COLOR: '3' };
  it('chalk 5', () => {
    const r = expectSameAsNode(['chalk.mjs'], { cwd: PACKAGES, env });
    expect(r.stdout).toContain('\\u001b[31m');
  });
  it('uuid 14', () => {
    const r = expectSameAsNode(['uuid.mjs'], { cwd: PACKAGES });
    expect(r.stdout.split('\n')[0]).toMatch(/^[0-9a-f-]{36} [0-9a-f-]{36}$/);
    expect(r.stdout.split('\n')[1]).toBe('true 4 7 true 1');
  });
  it('p-limit 7', () => {
    const r = expectSameAsNode(['p-limit.mjs'], { cwd: PACKAGES });
    expect(r.stdout.split('\n')[0]).toBe('a,b,c,d 0 0');
  });
  it('yargs 18: a command, --help, and a strict-mode failure', () => {
    expect(expectSameAsNode(['yargs.mjs', 'hello', 'world', '--loud', '--times', '3'], { cwd: PACKAGES }).stdout).toContain(
      'hello world! 3',
    );
    expect(expectSameAsNode(['yargs.mjs', '--help'], { cwd: PACKAGES }).stdout).toContain('say hello');
    expect(expectSameAsNode(['yargs.mjs', 'nope'], { cwd: PACKAGES }).status).toBe(1);
  });
  it('got 14 over https on our tls (its http2-wrapper takes JSStreamSocket from a TLSSocket at load)', () => {
    const r = expectSameAsNode(['got.mjs'], { cwd: PACKAGES });
    expect(r.stdout).toContain('post {"method":"POST","url":"/p","body":"{\\"a\\":1}"');
    expect(r.stdout).toContain('untrusted RequestError UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
  it("mocha 12's CLI: a passing and a failing test, the same report", () => {
    const mocha = require.resolve('mocha/bin/mocha.js');
    // The durations mocha prints are the runs' own.
    const untimed = (r: Run): Run => ({ ...r, stdout: r.stdout.replace(/\(\d+ms\)/g, '(Nms)').replace(/^\s+at .*\n/gm, '') });
    const theirs = untimed(comparable(node([mocha, 'mocha-suite.mjs'], { cwd: PACKAGES })));
    const ours = untimed(comparable(mini([mocha, 'mocha-suite.mjs'], { cwd: PACKAGES })));
    expect(theirs.stdout).toContain('1 passing');
    expect(theirs.stdout).toContain('1 failing');
    expect(ours).toEqual(theirs);
  });
  // mocha 10 (the line many projects still pin) and 12, the latest.
  it.each([
    ['10', 'mocha-10'],
    ['12', 'mocha'],
  ])("mocha %s's failure report, stack frames included, the same as node's", (version, name) => {
    const mocha = require.resolve(`${name}/bin/mocha.js`);
    expect((require(`${name}/package.json`) as { version: string }).version.split('.')[0]).toBe(version);
    const untimed = (r: Run): Run => ({ ...r, stdout: r.stdout.replace(/ \(\d+m?s\)/g, '') });
    const cwd = resolve(__dirname, 'fixtures', 'mocha');
    const theirs = untimed(node([mocha, 'stacks.spec.js'], { cwd }));
    const ours = untimed(mini([mocha, 'stacks.spec.js'], { cwd }));
    expect(theirs.stdout).toContain('7 failing');
    for (const frame of ['process.processImmediate', 'listOnTimeout', 'FSReqCallback.oncomplete', 'parserOnIncoming', 'TCP.onStreamRead']) {
      expect(theirs.stdout).toContain(`at ${frame}`);
    }
    expect(ours).toEqual(theirs);
  });
  it('jest 30 with --runInBand: passing tests on our fs, timers and http, and a failure reported as on node', () => {
    const jest = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');
    const cwd = resolve(__dirname, 'fixtures', 'jest');
    // Durations are the runs' own.
    const untimed = (r: Run): Run => ({ ...r, stderr: r.stderr.replace(/ \(\d+ ms\)/g, '').replace(/^Time: .*$/m, 'Time:') });
    const theirs = untimed(node([jest, '--runInBand', '--ci', 'suite.test.js'], { cwd }));
    expect(theirs.stderr).toContain('Tests:       1 failed, 3 passed, 4 total');
    expect(theirs.stderr).toContain('at Object.toEqual (suite.test.js:');
    expect(untimed(mini([jest, '--runInBand', '--ci', 'suite.test.js'], { cwd }))).toEqual(theirs);
  }, 120_000);
  // Each pool runs every file in a worker of its own: a forked mini child
  // whose channel speaks 'advanced' serialization, or one of our threads.
  it.each(['forks', 'threads'])(
    "vitest 4's %s pool: a passing file and a failing one, reported as on node",
    (pool) => {
      const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
      const cwd = resolve(__dirname, 'fixtures', 'vitest');
      // Durations and the start time are the runs' own.
      const untimed = (r: Run): Run => ({
        ...r,
        stdout: r.stdout.replace(/\d+(\.\d+)?m?s\b/g, 'N').replace(/Start at .*/, 'Start at'),
      });
      // One worker at a time, so that the files are reported in one order;
      // no colours, which would split a duration from its unit.
      const args = [vitest, 'run', `--pool=${pool}`, '--maxWorkers=1'];
      const opts = { cwd, env: { NO_COLOR: '1' } };
      const theirs = untimed(node(args, opts));
      expect(theirs.stdout).toContain('1 failed');
      expect(theirs.stdout).toContain('4 passed');
      // The failure's report (the diff and the code frame) is on stderr.
      expect(theirs.stderr).toContain('❯ failing.test.js:5:34');
      expect(theirs.status).toBe(1);
      expect(untimed(mini(args, opts))).toEqual(theirs);
    },
    120_000,
  );
  it('execa 9: a child, a failing command, a missing one and a pipeline, through our child_process', () => {
    const r = expectSameAsNode(['execa.mjs'], { cwd: PACKAGES });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '"hello from execa" 0 false echo hello from execa',
      '"node child got piped in" 0',
      'true 3 true "to stderr"',
      "Command failed with exit code 3: sh -c 'echo to stderr >&2; exit 3'",
    ]);
  });
  it("typescript 7's tsc: --version and one type error, from its native compiler run as a child", () => {
    // bin/tsc is an ES module that runs the platform's compiler binary with
    // execFileSync and stdio inherited, so the child writes to our pipes.
    const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
    expect(expectSameAsNode([tsc, '--version']).stdout).toBe('Version 7.0.2\n');
    const dir = mkdtempSync(join(tmpdir(), 'mini-tsc-'));
    writeFileSync(join(dir, 'bad.ts'), 'const n: number = "not a number";\nexport { n };\n');
    const r = expectSameAsNode([tsc, '--ignoreConfig', '--noEmit', 'bad.ts'], { cwd: dir });
    expect(r.stdout).toBe("bad.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n");
    expect(r.status).toBe(1);
  });
  it('chokidar 5: an add event in a watched folder, then close, and the process exits by itself', () => {
    // chokidar leaves a 1 s readdir throttle timer behind after close(), on
    // node too: the run ends about a second later, never hangs.
    const r = expectSameAsNode(['chokidar.mjs'], { cwd: PACKAGES });
    expect(r).toEqual({ stdout: "ready [ '..', '.' ]\nadd new.txt\nclosed 0\nexit 0\n", stderr: '', status: 0 });
  });
});

describe('entry points the corpus cannot hold', () => {
  it('--input-type=module with -e: a module at [eval1], top-level await, our builtins', () => {
    const code =
      "import { createRequire } from 'node:module'; const net = await import('node:net'); " +
      "console.log(import.meta.url.endsWith('/[eval1]'), typeof require, net.default === createRequire(import.meta.url)('net'));";
    expect(expectSameAsNode(['--input-type=module', '-e', code]).stdout).toBe('true undefined true\n');
  });

  it('--input-type=module with stdin', () => {
    expectSameAsNode(['--input-type=module'], {
      input: 'await null; console.log(typeof import.meta.resolve, import.meta.url.endsWith("/[eval1]"));\n',
    });
  });

  it('-p with --input-type=module is refused as node refuses it', () => {
    const ours = mini(['--input-type=module', '-p', '1']);
    const theirs = node(['--input-type=module', '-p', '1']);
    expect(ours.status).toBe(theirs.status);
    expect(ours.stderr).toContain('Error [ERR_EVAL_ESM_CANNOT_PRINT]: --print cannot be used with ESM input');
  });

  it('a .js with module syntax in a package.json without "type": a module, with node warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-esm-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "typeless" }\n');
    writeFileSync(join(dir, 'dep.mjs'), "export const dep = 'dep';\n");
    writeFileSync(
      join(dir, 'main.js'),
      "import { dep } from './dep.mjs';\nsetTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n" +
        "process.nextTick(() => console.log('tick'));\nPromise.resolve().then(() => console.log('promise'));\nconsole.log(dep, typeof require);\n",
    );
    const r = expectSameAsNode(['main.js'], { cwd: dir });
    expect(r.stderr).toContain('[MODULE_TYPELESS_PACKAGE_JSON]');
    // Where the warning falls among the program's own lines: first for the
    // entry itself, after the entry's first turn for a dependency.
    writeFileSync(join(dir, 'lib.js'), 'export const q = 1;\n');
    writeFileSync(
      join(dir, 'imports-lib.mjs'),
      "import { q } from './lib.js';\nconsole.log('q', q);\nprocess.nextTick(() => console.log('tick'));\n",
    );
    for (const entry of ['main.js', 'imports-lib.mjs']) {
      const merged = (cmd: string) =>
        comparable(run('sh', ['-c', `"${cmd}" ${entry} 2>&1`], { cwd: dir })).stdout.replace(/\(node:\d+\)/g, '(node:PID)');
      expect(merged(MINI)).toBe(merged(process.execPath));
    }
    // Without a package.json at all there is nothing to warn about.
    const bare = mkdtempSync(join(tmpdir(), 'mini-esm-'));
    mkdirSync(join(bare, 'sub'));
    writeFileSync(
      join(bare, 'sub', 'main.js'),
      'export {};\nconsole.log(await Promise.resolve(import.meta.filename.endsWith("main.js")));\n',
    );
    expect(expectSameAsNode([join(bare, 'sub', 'main.js')]).stderr).toBe('');
  });

  it('an extensionless bin script: its syntax decides, under no "type" and under "type": "module"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-esm-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "typeless" }\n');
    writeFileSync(join(dir, 'lib.js'), 'export const q = 1;\n');
    writeFileSync(join(dir, 'cli'), '#!/usr/bin/env node\nimport { q } from "./lib.js";\nconsole.log("bin", q, typeof require);\n');
    expect(expectSameAsNode([join(dir, 'cli')]).stdout).toBe('bin 1 undefined\n');
    const typed = mkdtempSync(join(tmpdir(), 'mini-esm-'));
    writeFileSync(join(typed, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(typed, 'run'), 'console.log("extensionless", typeof require, import.meta.url.endsWith("/run"));\n');
    expect(expectSameAsNode([join(typed, 'run')]).stdout).toBe('extensionless undefined true\n');
  });

  it('require() of an ES module whose syntax decides, from CommonJS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-esm-'));
    writeFileSync(join(dir, 'lib.js'), 'export const x = 1;\nexport default 2;\n');
    writeFileSync(join(dir, 'main.cjs'), "const m = require('./lib.js');\nconsole.log(m.x, m.default, m.__esModule, Object.keys(m));\n");
    expectSameAsNode(['main.cjs'], { cwd: dir });
  });
});

describe('the host flag behind the loader stays hidden', () => {
  it('execArgv and vm look as they do on node', () => {
    const code =
      "console.log(JSON.stringify(process.execArgv), typeof require('vm').SourceTextModule, typeof require('vm').SyntheticModule)";
    for (const args of [
      ['-e', code],
      ['--expose-gc', '-e', code],
    ]) {
      expect(mini(args).stdout).toBe(node(args).stdout);
    }
    expect(node(['-e', code]).stdout).toBe(`${JSON.stringify(['-e', code])} undefined undefined\n`);
  });

  it('no warning node would not print', () => {
    const r = mini(['--input-type=module', '-e', "import vm from 'node:vm'; await import('node:fs'); console.log(typeof vm.Script)"]);
    expect(r).toEqual({ stdout: 'function\n', stderr: '', status: 0 });
  });

  it('what the loader cannot do is a clear error, never the host loader', () => {
    const code =
      "import module from 'node:module'; try { module.register('./x.mjs', import.meta.url) } catch (e) { console.log(e.code) }" +
      " try { await import('data:text/javascript,export default 1') } catch (e) { console.log(e.code) }";
    expect(mini(['--input-type=module', '-e', code]).stdout).toBe('ERR_MINI_NOT_IMPLEMENTED\nERR_MINI_NOT_IMPLEMENTED\n');
  });
});
