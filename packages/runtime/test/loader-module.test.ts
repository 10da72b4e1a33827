/**
 * The module objects, caches and errors a program can observe, against real
 * node: each fixture script reports what it sees, once run by node and once
 * through our loader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, buildRunner, newSystem, nodeReport, oursReport, runNode, runProcess } from './fixtures/loader/harness.js';

const script = (name: string) => path.join(APP, 'scripts', name);

async function expectSameReport(name: string) {
  const expected = nodeReport(script(name));
  const { reported } = await oursReport(script(name));
  expect(expected).toBeTypeOf('object');
  expect(reported).toEqual(expected);
  return reported as Record<string, unknown>;
}

describe('module objects and require', () => {
  it('module, require and the wrapper arguments look as in node', async () => {
    const r = await expectSameReport('module-info.js');
    expect(r.id).toBe('.');
  });

  it("require('module') exposes the same API and answers", async () => {
    await expectSameReport('module-api.js');
  });

  it('a cycle sees the partial exports, as in node', async () => {
    const r = await expectSameReport('cycle.js');
    expect(r.a).toMatchObject({ seenByA: { sawFromA: ['early'] } });
  });

  it('require.cache: cached, reloaded after delete, can stand in for a builtin', async () => {
    const r = await expectSameReport('cache.js');
    expect([r.first, r.second, r.third]).toEqual([1, 1, 2]);
  });

  it('stack frames, SyntaxError header, MODULE_NOT_FOUND and ERR_INVALID_ARG_TYPE', async () => {
    const r = await expectSameReport('errors-stack.js');
    expect((r.thrown as { frames: string[] }).frames.length).toBe(2);
  });

  it('require.extensions: a registered extension is probed and used', async () => {
    await expectSameReport('extensions.js');
  });

  it('patched Module._resolveFilename and Module.wrap take effect', async () => {
    const r = await expectSameReport('patch-resolve.js');
    expect(r.wrapped).toBe(7);
  });

  it('import() inside a module reaches the ES module loader', async () => {
    const r = await expectSameReport('dynamic-import.js');
    expect(r).toEqual({ value: 1 });
  });

  it('warns when a cycle reads a property that is not there yet', async () => {
    // The warning is node's; compare its text with node's stderr.
    const node = runNode(script('cycle-warning.js'));
    const { warnings } = await oursReport(script('cycle-warning.js'));
    expect(warnings).toHaveLength(1);
    expect(node.stderr).toContain(`Warning: ${warnings[0]?.message}`);
  });

  it('runMain sets process.mainModule and require.main', () => {
    const { system, proc } = newSystem();
    const g = globalThis as Record<string, unknown>;
    g.__loaderReport = () => {};
    try {
      system.runMain(script('module-info.js'));
    } finally {
      delete g.__loaderReport;
    }
    const main = proc.mainModule as { id: string; filename: string; loaded: boolean };
    expect(main).toMatchObject({ id: '.', filename: script('module-info.js'), loaded: true });
    expect(system.Module._cache[script('module-info.js')]).toBe(main);
  });

  it('runMain resolves relative to the working directory and probes extensions', () => {
    const { system, proc } = newSystem();
    const cwd = process.cwd();
    process.chdir(APP);
    try {
      system.runMain('plain');
    } finally {
      process.chdir(cwd);
    }
    expect((proc.mainModule as { filename: string }).filename).toBe(path.join(APP, 'plain.js'));
    expect((proc.mainModule as { exports: unknown }).exports).toBe('plain.js');
  });

  it('createRequire from a file outside any module', () => {
    const { system } = newSystem();
    const require = system.createRequire(path.join(APP, 'virtual.js'));
    expect(require('./plain')).toBe('plain.js');
    expect(require.resolve('exp-map/feature')).toBe(path.join(APP, 'node_modules/exp-map/feat.js'));
    expect(require.main).toBeUndefined();
  });

  const addon = findAddon();
  it.skipIf(addon === undefined)('a .node addon loads through process.dlopen', () => {
    const file = addon as string;
    const code = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(file)})).sort().slice(0, 5)))`;
    const { system } = newSystem();
    const ours = Object.keys(system.createRequire(path.join(APP, 'x.js'))(file) as object)
      .sort()
      .slice(0, 5);
    const res = runProcess(['-e', code]);
    expect(ours.length).toBeGreaterThan(0);
    expect(JSON.parse(res.stdout)).toEqual(ours);
  });
});

/** The prebuilt koffi addon of the workspace, to exercise the '.node' path. */
function findAddon(): string | undefined {
  const store = path.resolve(__dirname, '../../../node_modules/.pnpm');
  if (!fs.existsSync(store)) return undefined;
  for (const entry of fs.readdirSync(store)) {
    if (!entry.startsWith('@koromix+koffi-linux-x64@')) continue;
    const candidate = path.join(store, entry, 'node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

describe('a program run by the loader in its own process', () => {
  let runner: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ runner, cleanup } = buildRunner());
  });
  afterAll(() => cleanup());

  /** stderr up to the first stack frame, plus the exit status. */
  const report = (res: { stderr: string; status: number | null }) => ({
    header: res.stderr.split('\n    at ')[0],
    status: res.status,
  });

  it('an uncaught error prints the same file:line, source line and caret', () => {
    const file = path.join(APP, 'uncaught.js');
    const node = report(runNode(file));
    const ours = report(runProcess([runner, file]));
    expect(node.header).toContain('uncaught.js:2');
    expect(ours).toEqual(node);
  });

  it('a SyntaxError in the main module prints the same header', () => {
    const file = path.join(APP, 'syntax-error.js');
    const node = report(runNode(file));
    const ours = report(runProcess([runner, file]));
    expect(node.header).toContain('SyntaxError');
    expect(ours).toEqual(node);
  });

  it('a missing main module: same message and empty requireStack', () => {
    const file = path.join(APP, 'no-such-main.js');
    const node = runNode(file);
    const ours = runProcess([runner, file]);
    const tail = (s: string) => s.slice(s.indexOf('Error: Cannot find module'));
    expect(tail(node.stderr).split('\n')[0]).toBe(`Error: Cannot find module '${file}'`);
    expect(tail(ours.stderr).split('\n')[0]).toBe(tail(node.stderr).split('\n')[0]);
    expect(ours.stderr).toContain('requireStack: []');
    expect(node.stderr).toContain('requireStack: []');
    expect(ours.status).toBe(node.status);
  });

  it('import() prints the same and no host warning', () => {
    const file = path.join(APP, 'scripts/dynamic-import.js');
    const node = runNode(file);
    const ours = runProcess([runner, file]);
    expect(node.stdout).toBe('{"value":1}');
    expect(ours).toEqual(node);
  });

  it('a shebang main runs and prints like node', () => {
    const file = path.join(APP, 'scripts/print.js');
    const node = runNode(file);
    const ours = runProcess([runner, file]);
    expect(node.stdout).not.toBe('');
    expect(ours.stdout).toBe(node.stdout);
  });
});
