/**
 * The `mini` command as a user runs it: real processes, compared with what
 * node does for the same command line.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');

function run(cmd: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}
const mini = (args: string[], env?: Record<string, string>) => run(MINI, args, env);
const node = (args: string[], env?: Record<string, string>) => run(process.execPath, args, env);

function script(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mini-cli-'));
  const file = join(dir, 'app.js');
  writeFileSync(file, body);
  return file;
}

describe('mini command line', () => {
  it("shows node's own frames in a program's stacks where ours ran, and Error.prepareStackTrace stays the program's", () => {
    const file = script(
      [
        // One after the other, so the order of the lines cannot depend on how fast the pool answers.
        "setImmediate(() => { Error.prepareStackTrace = (e, sites) => sites.map((s) => `${s.getFunctionName()} ${s.getFileName()}`).join(','); console.log(new Error('y').stack); Error.prepareStackTrace = undefined;",
        "  setTimeout(() => require('fs').stat(__filename, () => { Error.stackTraceLimit = Infinity; console.log(new Error('x').stack); }), 1); });",
        'console.log(typeof Error.prepareStackTrace, Error.stackTraceLimit, process.execArgv);',
      ].join('\n'),
    );
    const ours = mini([file]);
    expect(ours.stdout).toBe(node([file]).stdout);
    expect(ours.stdout).toContain('at FSReqCallback.oncomplete (node:fs:');
    expect(ours.stdout).toContain('processImmediate node:internal/timers');
    // For work on mini itself, the bundle's real path and every frame.
    expect(mini([file], { MINI_STACK_PATHS: '1' }).stdout).toContain('/dist/runtime.js:');
  });

  it('-e and -p run like node', () => {
    for (const args of [
      ['-e', 'console.log(1 + 1, typeof require, __filename)'],
      ['-p', '[1, 2].map((x) => x * 2)'],
      // Builtins are globals for -e/-p code: ours, loaded on first use, replaceable.
      ['-p', "[typeof fs, fs === require('fs'), typeof http.createServer, Object.keys(globalThis).includes('net'), (net = 5, net)]"],
    ]) {
      const ours = mini(args);
      const theirs = node(args);
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.status).toBe(theirs.status);
    }
  });

  it('exits cleanly, every time, after using the thread pool', () => {
    // Pool threads park inside libmini; the library must stay mapped while
    // the isolate tears down (it once crashed about one exit in twenty).
    const app = script(
      "require('fs').stat(__filename, (e, st) => { require('fs').readFile(__filename, () => console.log(st.isFile())); });",
    );
    const statuses = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const r = mini([app]);
      const key = `${r.status}/${r.signal}/${r.stdout.trim()}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    expect([...statuses]).toEqual([['0/null/true', 60]]);
  });

  it('--version and --help', () => {
    expect(mini(['--version']).stdout).toMatch(/^v\d+\.\d+\.\d+\n$/);
    const help = mini(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('mini compare');
  });

  it("engine flags before the script go to the host, as node's do", () => {
    const file = script('console.log(typeof gc, JSON.stringify(process.execArgv), JSON.stringify(process.argv.slice(2)))');
    expect(mini(['--expose-gc', file, '--expose-gc']).stdout).toBe(node(['--expose-gc', file, '--expose-gc']).stdout);
    expect(mini([file]).stdout).toBe(node([file]).stdout);
  });

  it('engine flags anywhere before the script, among our own options, go to the host as node takes them', () => {
    const file = script(
      'console.log(typeof gc, Error.stackTraceLimit, require("v8").getHeapStatistics().heap_size_limit >> 20, process.argv.slice(2))',
    );
    for (const args of [
      ['-r', file, '--expose-gc', '--stack-trace-limit=3', file],
      ['--max-old-space-size=100', '-r', file, '--expose-gc', file, '--expose-gc', 'x'],
      ['-e', 'console.log(typeof gc, process.argv.slice(1))', '--expose-gc', 'a', '--expose-gc'],
      ['--', file, '--expose-gc'],
    ]) {
      const theirs = node(args);
      const ours = mini(args);
      expect(theirs.status).toBe(0);
      expect([ours.stdout, ours.stderr, ours.status]).toEqual([theirs.stdout, theirs.stderr, theirs.status]);
    }
  });

  it('node:test runs the tests of a file run as the program', () => {
    const file = script(
      [
        "const test = require('node:test');",
        "const assert = require('node:assert');",
        "test('passes after a timer', async () => { await new Promise((r) => setTimeout(r, 5)); });",
        "test('fails', () => { assert.strictEqual(1, 2); });",
      ].join('\n'),
    );
    // Durations are the runs' own. The failure's stack is the stack tests' (its async frame, last, is
    // beyond Error.stackTraceLimit on mini, whose loop puts more frames below a promise job than node's).
    const report = (r: { stdout: string; status: number | null }) => ({
      status: r.status,
      lines: r.stdout.split('\n').filter((l) => !/duration_ms|:\d+:\d+\)$/.test(l)),
    });
    const theirs = report(node([file]));
    expect(theirs.lines).toContain('# pass 1');
    expect(theirs.lines).toContain('# fail 1');
    expect(report(mini([file]))).toEqual(theirs);
  });

  it("--test finds the test files as node does and runs each in a mini child process; the report and exit code are node's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-test-runner-'));
    writeFileSync(
      join(dir, 'a.test.js'),
      [
        "const test = require('node:test');",
        // First: a failure's stack from a later test ends in an async frame, which mini's loop frames crowd out.
        "test('fails', () => { throw new Error('no'); });",
        // Each file's process is the runner's execPath: mini runs them.
        "test('runs', () => { console.log('in', require('node:path').basename(process.execPath)); });",
      ].join('\n'),
    );
    writeFileSync(join(dir, 'b-test.mjs'), "import test from 'node:test'; test(\"in an ES module 'quoted'\", async () => {});\n");
    writeFileSync(join(dir, 'helper.js'), "throw new Error('never run');\n");
    const inDir = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: process.env, timeout: 60_000 });
      const stdout = r.stdout.replace(/duration_ms:? [\d.]+/g, 'duration_ms X').replace(/\([\d.]+ms\)/g, '(X)');
      return { status: r.status, stdout, stderr: r.stderr };
    };
    for (const args of [
      ['--test'],
      ['--test', '--test-reporter=spec', 'b-test.mjs'],
      // A pattern with spaces and quotes reaches each file's process whole.
      ['--test', '--test-name-pattern', "ES module 'quoted'", '--test-reporter', 'spec'],
      ['--test', 'missing.js'],
    ]) {
      const ours = inDir(MINI, args);
      const theirs = inDir(process.execPath, args);
      expect(ours.stdout).toBe(theirs.stdout.replace('# in node', '# in mini'));
      expect([ours.status, ours.stderr]).toEqual([theirs.status, theirs.stderr]);
    }
    const all = inDir(MINI, ['--test']);
    expect([all.status, all.stdout]).toEqual([1, expect.stringContaining('# in mini\n')]);
    expect(all.stdout).toContain('# pass 2\n# fail 1\n');
    expect(inDir(MINI, ['--test', '--test-name-pattern', "ES module 'quoted'", '--test-reporter', 'spec']).stdout).toContain(
      "\u2714 in an ES module 'quoted'",
    );
  });

  it("--enable-source-maps maps a program's stacks and uncaught-error header through its source maps, CommonJS and ES module", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-sourcemaps-'));
    writeFileSync(
      join(dir, 'src.ts'),
      'function fail(n: number): never {\n  throw new Error(`failed ${n}`);\n}\nsetTimeout(() => fail(3), 1);\n',
    );
    for (const [out, format] of [
      ['out.js', 'cjs'],
      ['out.mjs', 'esm'],
    ] as const) {
      (require('esbuild') as typeof import('esbuild')).buildSync({
        entryPoints: [join(dir, 'src.ts')],
        outfile: join(dir, out),
        format,
        sourcemap: true,
        logLevel: 'silent',
      });
      const args = ['--enable-source-maps', join(dir, out)];
      const theirs = node(args);
      expect(theirs.stderr).toContain(`${join(dir, 'src.ts')}:2`);
      const ours = mini(args);
      expect([ours.stdout, ours.stderr, ours.status]).toEqual([theirs.stdout, theirs.stderr, theirs.status]);
    }
  });

  it('reads the program from stdin with no script, and with -', () => {
    const program = 'console.log(__filename, require.main === module, process.argv.slice(2)); setTimeout(() => console.log("later"), 1)';
    for (const args of [[], ['-', 'a', 'b']]) {
      const ours = spawnSync(MINI, args, { input: program, encoding: 'utf8', timeout: 30_000 });
      const theirs = spawnSync(process.execPath, args, { input: program, encoding: 'utf8', timeout: 30_000 });
      expect(ours.stderr).toBe('');
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.status).toBe(0);
    }
    // A throw from stdin names [stdin] in its header, as node's does.
    const thrown = spawnSync(MINI, [], { input: 'throw new Error("from stdin")', encoding: 'utf8' });
    expect(thrown.status).toBe(1);
    expect(thrown.stderr.split('\n')[0]).toBe('[stdin]:1');
  });

  it('a bad option exits 9 as node does', () => {
    const ours = mini(['--no-such-option']);
    expect(ours.status).toBe(node(['--no-such-option']).status);
    expect(ours.stderr).toContain('--no-such-option');
  });

  it('argv and execPath name the launcher and the script', () => {
    const file = script('console.log(JSON.stringify([process.execPath, process.argv]))');
    const [execPath, argv] = JSON.parse(mini([file, 'a', '--b']).stdout) as [string, string[]];
    expect(execPath).toBe(MINI);
    expect(argv).toEqual([MINI, file, 'a', '--b']);
    // Started by a path with `.` and `..` in it, or through a symlink: still the launcher's real path.
    const link = join(mkdtempSync(join(tmpdir(), 'mini-link-')), 'mini');
    symlinkSync(MINI, link);
    const bin = resolve(MINI, '..');
    for (const started of [`${bin}/./mini`, `${bin}/../bin/./mini`, link]) {
      const shown = spawnSync(started, ['-p', 'process.execPath'], { encoding: 'utf8', timeout: 30_000 }).stdout.trim();
      expect([started, shown]).toEqual([started, MINI]);
    }
  });

  it("keeps the host's hands off NODE_OPTIONS and NODE_CHANNEL_FD", () => {
    const file = script('console.log(JSON.stringify([process.env.NODE_OPTIONS, process.env.NODE_CHANNEL_FD, typeof process.send]))');
    // fd 9 is not open: the host would fail to open its IPC channel on it if it saw the
    // variable. Our runtime takes it instead, as node does: the variable is consumed
    // and process.send appears (a channel that ends at once).
    const env = { NODE_OPTIONS: '--max-old-space-size=200', NODE_CHANNEL_FD: '9' };
    const r = mini([file], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['--max-old-space-size=200', null, 'function']);
    expect(r.stdout).toBe(node([file], env).stdout);
  });

  it('in a clone not built yet, says to run npm run setup', () => {
    const clone = mkdtempSync(join(tmpdir(), 'mini-unbuilt-'));
    cpSync(resolve(__dirname, '..', 'bin'), join(clone, 'apps', 'mini', 'bin'), { recursive: true });
    const r = spawnSync(join(clone, 'apps', 'mini', 'bin', 'mini'), ['-e', '1'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`mini: not built yet; run 'npm run setup' in ${clone}\n`);
  });

  it("-r/--require, --import and --env-file run before the main module, in node's order", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-preload-'));
    writeFileSync(join(dir, 'pre.cjs'), "console.log('pre-r', typeof globalThis.y); globalThis.x = 1;\n");
    writeFileSync(
      join(dir, 'pre.mjs'),
      "await new Promise((r) => setTimeout(r, 5)); console.log('pre-import', globalThis.x); globalThis.y = 2;\n",
    );
    writeFileSync(join(dir, 'main.js'), 'console.log("main", globalThis.x, globalThis.y, process.env.FROM_FILE, process.env.QUOTED);\n');
    writeFileSync(join(dir, 'vars.env'), '# comment\nFROM_FILE=yes\nQUOTED="a b" # trailing\n');
    const inDir = (cmd: string, args: string[]): SpawnSyncReturns<string> =>
      spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    for (const args of [
      ['-r', './pre.cjs', 'main.js'],
      ['--require=./pre.cjs', '--import', './pre.mjs', 'main.js'],
      ['--import=./pre.mjs', '-r', './pre.cjs', '--env-file=vars.env', 'main.js'],
      ['--env-file', 'vars.env', 'main.js'],
      ['--env-file=missing.env', 'main.js'],
      ['-r', './missing', 'main.js'],
    ]) {
      const ours = inDir(MINI, args);
      const theirs = inDir(process.execPath, args);
      expect([args, ours.stdout, ours.status]).toEqual([args, theirs.stdout, theirs.status]);
      // The message without its program name ('/usr/bin/node: x.env: not found').
      const message = (stderr: string): string | undefined =>
        stderr
          .split('\n')
          .find((l) => /Error|not found/.test(l))
          ?.replace(/^\S+: /, '');
      expect(message(ours.stderr)).toBe(message(theirs.stderr));
    }
  });

  it('-c/--check parses the script as its kind and runs nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mini-check-'));
    const files: Record<string, string> = {
      'ok.js': 'console.log("ran");\n',
      'bad.js': 'let x = ;\n',
      'ok.mjs': 'import "./missing.mjs"; await 1; console.log("ran");\n',
      'bad.mjs': 'export const a = ;\n',
      'detected.js': 'import fs from "fs"; console.log("ran");\n',
      'shebang.js': '#!/usr/bin/env node\nconsole.log("ran");\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    for (const args of [...Object.keys(files).map((f) => ['-c', join(dir, f)]), ['--check', join(dir, 'missing.js')], ['-c', '-e', '1']]) {
      const ours = mini(args);
      const theirs = node(args);
      expect([args, ours.stdout, ours.status]).toEqual([args, theirs.stdout, theirs.status]);
      // A SyntaxError as node reports it: file:line, the line, the caret, the message.
      const head = (stderr: string): string[] => (/SyntaxError/.test(stderr) ? stderr.split('\n').slice(0, 5) : []);
      expect(head(ours.stderr)).toEqual(head(theirs.stderr));
      const message = (stderr: string): string | undefined =>
        stderr
          .split('\n')
          .find((l) => /Error|either/.test(l))
          ?.replace(/^\S+: /, '');
      expect(message(ours.stderr)).toBe(message(theirs.stderr));
    }
  });

  it('--inspect starts the host inspector for a program on our loop; node:inspector sessions work', () => {
    const file = script(`
      const inspector = require('inspector');
      const session = new inspector.Session();
      session.connect();
      session.post('Runtime.evaluate', { expression: '6 * 7' }, (err, r) => {
        console.log(typeof inspector.url(), err, r.result.value);
        session.disconnect();
      });
      setTimeout(() => console.log('loop still runs'), 5);
    `);
    const ours = mini(['--inspect=0', file]);
    expect(ours.stdout).toBe(node(['--inspect=0', file]).stdout);
    expect(ours.stdout).toBe('string null 42\nloop still runs\n');
    expect(ours.stderr).toMatch(/Debugger listening on ws:\/\/127\.0\.0\.1:\d+\//);
  });

  it('a builtin that needs a loop we do not have yet throws ERR_MINI_NOT_IMPLEMENTED, naming it', () => {
    const file = script("try { require('wasi') } catch (e) { console.log(e.code, e.message) }");
    expect(mini([file]).stdout).toBe("ERR_MINI_NOT_IMPLEMENTED The built-in module 'wasi' is not implemented in mini yet\n");
  });

  it('host-backed work (crypto, zlib, wasm) completes while our loop owns the thread', () => {
    const file = script(`
      const crypto = require('crypto');
      const zlib = require('zlib');
      const done = [];
      // Our loop stays busy with a timer the whole time, so the host only
      // gets its turns when its backend fd wakes our epoll.
      const t = setInterval(() => {}, 5);
      crypto.pbkdf2('secret', 'salt', 1000, 32, 'sha256', (err, key) => { done.push('pbkdf2 ' + key.length); check(); });
      zlib.gzip(Buffer.alloc(1 << 16, 'x'), (err, out) => { done.push('gzip ' + (zlib.gunzipSync(out).length)); check(); });
      // The smallest valid module: magic and version.
      WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => { done.push('wasm'); check(); });
      function check() { if (done.length === 3) { clearInterval(t); console.log(done.sort().join(',')); } }
    `);
    const r = mini([file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('gzip 65536,pbkdf2 32,wasm\n');
  });

  it('process.stdin opened from a callback while our loop stays busy still receives data', async () => {
    const file = script(`
      const busy = setInterval(() => {}, 20);
      setTimeout(() => {
        process.stdin.on('data', (d) => console.log('data', JSON.stringify(String(d))));
        process.stdin.on('end', () => { console.log('end'); clearInterval(busy); });
        console.log('reading');
      }, 10);
    `);
    const { spawn } = await import('node:child_process');
    const child = spawn(MINI, [file], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const seen = (text: string): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (out.includes(text)) resolve();
          else setTimeout(check, 5);
        };
        check();
      });
    child.stdout.on('data', (d: Buffer) => (out += d));
    // Each write once the program shows it is ready for it: a loaded machine cannot merge them.
    await seen('reading');
    child.stdin.write('one\n');
    await seen('data "one');
    child.stdin.end('two\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(out).toBe('reading\ndata "one\\n"\ndata "two\\n"\nend\n');
  });

  it('a closed stdout pipe ends the program with write EPIPE, as on node', async () => {
    const { spawn } = await import('node:child_process');
    const run = (bin: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(bin, ['-e', 'setInterval(() => console.log("x"), 1)'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        // Like `| head -1`: read once, then close our end of the pipe.
        child.stdout.once('data', () => child.stdout.destroy());
        child.on('close', (code) => done({ code, stderr }));
      });
    const [ours, theirs] = await Promise.all([run(MINI), run(process.execPath)]);
    expect(ours.code).toBe(theirs.code);
    expect(ours.code).toBe(1);
    expect(ours.stderr).toContain('Error: write EPIPE');
    expect(theirs.stderr).toContain('Error: write EPIPE');
  });

  it('public classes keep their names in the bundle', () => {
    const file = resolve(__dirname, 'fixtures/class-names.js');
    expect(mini([file]).stdout).toBe(node([file]).stdout);
  });

  it('mini compare reports same and different', () => {
    const same = script('setImmediate(() => console.log("x"))');
    expect(mini(['compare', same]).status).toBe(0);
    const differs = script('console.log(typeof process.execPath === "string" && process.execPath.endsWith("mini"))');
    const r = mini(['compare', differs]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('-false');
    expect(r.stdout).toContain('+true');
  });
});

describe('the code cache', () => {
  it('is not used for a bundle changed to the same length', () => {
    // The launcher (dist/main.js) with a bundle of our own beside it.
    const dist = mkdtempSync(join(tmpdir(), 'mini-cache-'));
    cpSync(resolve(__dirname, '..', 'dist', 'main.js'), join(dist, 'main.js'));
    const bundle = join(dist, 'runtime.js');
    const start = () => run(process.execPath, [join(dist, 'main.js')]).stdout;
    writeFileSync(bundle, "process.stdout.write('first\\n');");
    expect(start()).toBe('first\n');
    expect(existsSync(join(dist, 'runtime.cache'))).toBe(true);
    expect(start()).toBe('first\n');
    // Same length, other content: V8 alone would accept the old cache.
    writeFileSync(bundle, "process.stdout.write('other\\n');");
    expect(start()).toBe('other\n');
    expect(start()).toBe('other\n');
  });

  it('made under the launcher flags alone is left to runs with those flags', () => {
    const dist = mkdtempSync(join(tmpdir(), 'mini-cache-'));
    cpSync(resolve(__dirname, '..', 'dist', 'main.js'), join(dist, 'main.js'));
    writeFileSync(join(dist, 'runtime.js'), "process.stdout.write('ran\\n');");
    const start = (...flags: string[]) => run(process.execPath, [...flags, join(dist, 'main.js')]).stdout;
    expect(start()).toBe('ran\n');
    const plain = readFileSync(join(dist, 'runtime.cache'));
    // V8 rejects a cache made under other engine flags: such a run writes a cache of its own.
    expect(start('--expose-gc')).toBe('ran\n');
    expect(existsSync(join(dist, 'runtime-flags.cache'))).toBe(true);
    expect(readFileSync(join(dist, 'runtime.cache')).equals(plain)).toBe(true);
    expect(start('--experimental-vm-modules', '--expose-internals')).toBe('ran\n');
    expect(readFileSync(join(dist, 'runtime.cache')).equals(plain)).toBe(true);
  });
});
