/**
 * Resolution and loading, case by case, against real node: each batch runs
 * through a probe.js on `node` and through our loader, and every outcome
 * (resolved path, exports, or error name/code/message/requireStack) must be
 * identical.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP, nodeProbe, oursProbe, type ProbeOp, type Warning } from './fixtures/loader/harness.js';

const req = (request: unknown): ProbeOp => ({ op: 'require', request });
const res = (request: unknown, options?: unknown): ProbeOp =>
  options === undefined ? { op: 'resolve', request } : { op: 'resolve', request, options };
const paths = (request: unknown): ProbeOp => ({ op: 'paths', request });

const APP_CASES: Array<[string, ProbeOp]> = [
  ['relative file, extension probed', req('./plain')],
  ['relative file, exact name', res('./plain.js')],
  ['.cjs file', req('./plain.cjs')],
  ['.json found by extension', req('./only-ext')],
  ['.json object', req('./data.json')],
  ['.json parse error names the file', req('./bad.json')],
  ['.json with a BOM', req('./bom.json')],
  ['.js with a BOM', req('./bom.js')],
  ['shebang line', req('./shebang.js')],
  ['directory with package.json main (no extension)', req('./dir-main')],
  ['main naming a directory', req('./dir-main-dir')],
  ['directory with index.js', req('./dir-index')],
  ['directory with index.json', req('./dir-index-json')],
  ['invalid main, no index', req('./dir-badmain')],
  ['invalid main, index fallback', req('./dir-badmain-fallback')],
  ['malformed package.json', req('./dir-badjson')],
  ['package main', req('plain')],
  ['package subpath', res('plain/sub/file')],
  ['package without main', req('nomain')],
  ['package.json of a package', res('plain/package.json')],
  ['trailing slash means the directory', res('plain/')],
  ['builtin wins over node_modules/fs', req('fs')],
  ['trailing slash bypasses the builtin', req('fs/')],
  ['node: prefix', res('node:fs')],
  ['bare builtin resolves to itself', res('fs')],
  ['node:-only builtin', res('node:test')],
  ['bare "test" is a package', req('test')],
  ['unknown node: builtin', req('node:nope')],
  ['unknown node: builtin, resolve', res('node:nope')],
  ['unknown node: subpath', req('node:test/x')],
  ['exports string', req('exp-string')],
  ['exports string hides other files', req('exp-string/other.js')],
  ['exports map main', req('exp-map')],
  ['exports subpath', req('exp-map/feature')],
  ['exports pattern', req('exp-map/lib/a')],
  ['exports pattern across directories', req('exp-map/lib/b/c')],
  ['exports longer pattern wins', req('exp-map/lib/d.json')],
  ['exports null pattern target', req('exp-map/lib/private/x')],
  ['exports condition require', req('exp-map/cond')],
  ['exports condition default', req('exp-map/cond-default')],
  ['exports nested conditions', req('exp-map/nested')],
  ['exports nested conditions, fall through to default', req('exp-map/nested-miss')],
  ['exports import-only', req('exp-map/only-import')],
  ['exports array skips an invalid target', req('exp-map/arr')],
  ['exports array takes the first valid target', req('exp-map/arr-first')],
  ['exports array of null', req('exp-map/arr-null')],
  ['exports target leaving the package', req('exp-map/outside')],
  ['exports bare target', req('exp-map/bare')],
  ['exports target file missing', req('exp-map/missing-file')],
  ['exports target not probed for extensions', req('exp-map/no-ext')],
  ['exports trailing-slash key is not a folder map', req('exp-map/dir/a.js')],
  ['exports exact file key', req('exp-map/feat.js')],
  ['exports package.json', res('exp-map/package.json')],
  ['exports pattern match with ..', req('exp-map/lib/../feat')],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', req('exp-map/unexported.js')],
  ['exports condition sugar', req('exp-sugar')],
  ['exports mixing . and conditions', req('exp-mixed')],
  ['exports numeric keys', req('exp-numeric')],
  ['exports numeric condition keys', req('exp-numeric-cond')],
  ['exports without main', req('exp-nomain')],
  ['exports subpath without main', req('exp-nomain/x')],
  ['scoped package', req('@scope/pkg')],
  ['scoped package pattern', req('@scope/pkg/sub/one')],
  ['scoped package pattern, missing file', req('@scope/pkg/sub/two')],
  ['package imports (#), incl. a bare target', req('imp')],
  ['package imports, undefined specifier', req('imp/missing.js')],
  ['.mjs: require(esm)', req('./m.mjs')],
  ['type:module .js with ESM syntax', req('./esm/syntax.js')],
  ['type:module .js without ESM syntax', req('./esm/nosyntax.js')],
  ['.cjs inside a type:module package', req('./esm/ok.cjs')],
  ['require(esm) from a nested module', req('./esm/reqs.cjs')],
  ['type:module package main', req('typemod')],
  ['type:module package .cjs', req('typemod/legacy.cjs')],
  ['missing relative file', req('./nope')],
  ['missing package', req('nope-pkg')],
  ['missing module two levels down: Require stack', req('./requires-missing')],
  ['require(42)', req(42)],
  ["require('')", req('')],
  ['require.resolve(42)', res(42)],
  ['resolve with invalid options.paths', res('x', { paths: 'a' })],
  ['resolve with options.paths, package', res('upper', { paths: [path.join(APP, 'nested/deep/dir')] })],
  ['resolve with options.paths, relative', res('./file.js', { paths: [path.join(APP, 'nested/deep/dir')] })],
  ['resolve with options.paths, not found', res('only-up', { paths: ['/tmp'] })],
  ['resolve.paths for a package', paths('x')],
  ['resolve.paths for a relative request', paths('./x')],
  ['resolve.paths for a builtin', paths('fs')],
  ['resolve.paths for .hidden', paths('.hidden')],
  ['resolve.paths for ..x', paths('..x')],
];

const NESTED_CASES: Array<[string, ProbeOp]> = [
  ['node_modules: nearest wins', req('upper')],
  ['node_modules: searched up the tree', req('only-up')],
  ['relative from a nested file', req('./file')],
  ['absolute path', res(path.join(APP, 'plain.js'))],
  ['parent directory', res('../../../plain')],
];

const SELF_CASES: Array<[string, ProbeOp]> = [
  ['self-reference by package name', req('@fx/self')],
  ['self-reference subpath', req('@fx/self/util')],
  ['self-reference to an unexported file', req('@fx/self/hidden')],
  ['relative file in a self-referencing package', req('./hidden.js')],
];

function suite(name: string, probe: string, cases: Array<[string, ProbeOp]>) {
  describe(name, () => {
    let expected: unknown[];
    let actual: unknown[];
    let warnings: Warning[];
    beforeAll(() => {
      const ops = cases.map(([, op]) => op);
      expected = nodeProbe(probe, ops);
      ({ results: actual, warnings } = oursProbe(probe, ops));
    });
    it.each(cases.map(([title], index) => [title, index] as const))('%s', (_title, index) => {
      expect(expected[index]).toBeTypeOf('object');
      expect(actual[index]).toEqual(expected[index]);
    });
    if (name === 'from app/') {
      it('warns DEP0128 for an invalid main with an index fallback', () => {
        expect(warnings).toContainEqual(expect.objectContaining({ code: 'DEP0128', type: 'DeprecationWarning' }));
      });
    }
  });
}

suite('from app/', path.join(APP, 'probe.js'), APP_CASES);
suite('from a nested directory', path.join(APP, 'nested/deep/dir/probe.js'), NESTED_CASES);
suite('from inside a named package', path.join(APP, 'self/probe.js'), SELF_CASES);
