/**
 * The named exports an `import` of a CommonJS file sees, found as Node
 * finds them: cjs-module-lexer (the version Node 20.20 bundles) reads
 * `exports.x =`, `module.exports = { x }`, `Object.defineProperty(exports,
 * 'x', …)` and the `__esModule` idioms of transpilers, without running the
 * file. `module.exports = require('./y')` re-exports y's names: y is
 * resolved as `require` would and read the same way, cycles stopping at a
 * file already being read.
 *
 * As in Node, each file read here gets its Module in require.cache now
 * (not yet run), so the import and a later require share one instance.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CjsModule } from '../module-system.js';

export interface CjsNamesHost {
  cached(filename: string): CjsModule | undefined;
  create(filename: string): CjsModule;
  resolve(request: string, parent: CjsModule): string;
  hasExtension(ext: string): boolean;
}

// The lexer's JavaScript build, by require: its `import` build is the
// WebAssembly one, which needs an asynchronous init before the first parse.
const lexer = (): typeof import('cjs-module-lexer') => require('cjs-module-lexer') as typeof import('cjs-module-lexer');

const namesOf = new WeakMap<CjsModule, Set<string>>();

export function commonJSExportNames(filename: string, source: string, host: CjsNamesHost): string[] {
  return [...namesFor(filename, source, host)];
}

function namesFor(filename: string, source: string | undefined, host: CjsNamesHost): Set<string> {
  let mod = host.cached(filename);
  const known = mod && namesOf.get(mod);
  if (known !== undefined) return known;
  mod ??= host.create(filename);
  let exports: string[] = [];
  let reexports: string[] = [];
  try {
    ({ exports, reexports } = lexer().parse(source ?? fs.readFileSync(filename, 'utf8')));
  } catch {
    // Not parseable as CommonJS: no names but 'default', as in Node.
  }
  const names = new Set(exports);
  // Set before following re-exports, so a cycle ends here.
  namesOf.set(mod, names);
  for (const request of reexports) {
    let resolved: string;
    try {
      resolved = host.resolve(request, mod);
    } catch {
      continue;
    }
    const ext = path.extname(resolved);
    if (ext !== '.js' && ext !== '.cjs' && host.hasExtension(ext)) continue;
    let text: string;
    try {
      text = fs.readFileSync(resolved, 'utf8');
    } catch {
      continue;
    }
    for (const name of namesFor(resolved, text, host)) names.add(name);
  }
  return names;
}
