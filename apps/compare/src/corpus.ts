import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from './paths.js';

/**
 * The corpus: `corpus/<area>/<name>.js` (or .mjs, .cjs), scripts that must
 * print the same under node and mini. Only files directly inside an area
 * are scripts (fixtures live in subfolders). The `pending` area holds
 * scripts that need a subsystem mini does not have yet; they are checked on
 * node but not compared.
 *
 * A script may take arguments, declared on its first line:
 *   // args: one "two words" --flag
 * and its stdin, declared on one of its first lines (otherwise stdin is
 * /dev/null): what it reads, and through what kind of fd, since that is
 * what decides which stream process.stdin is:
 *   // stdin: file fixtures/stdin/lines.txt    the file itself is fd 0
 *   // stdin: pipe fixtures/stdin/lines.txt    written by the runner into a
 *                                              socketpair, as a parent feeds
 *                                              a child through child_process
 *   // stdin: fifo fixtures/stdin/lines.txt    a pipe(2), as `cat file | node x`
 * (paths relative to the script's folder).
 */
export interface CorpusScript {
  area: string;
  name: string;
  file: string;
  args: string[];
  stdin?: StdinSpec;
  pending: boolean;
}

/** Where a run's stdin comes from (see above); `path` is absolute. */
export interface StdinSpec {
  kind: 'file' | 'pipe' | 'fifo';
  path: string;
}

export const PENDING_AREA = 'pending';

/** CommonJS scripts, and ES modules as .mjs (a .js is either, as its package.json or its syntax says). */
const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);

export function listCorpus(dir: string = corpusDir): CorpusScript[] {
  const scripts: CorpusScript[] = [];
  for (const area of readdirSync(dir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    const areaDir = path.join(dir, area.name);
    for (const entry of readdirSync(areaDir, { withFileTypes: true })) {
      const ext = path.extname(entry.name);
      if (!entry.isFile() || !SCRIPT_EXTENSIONS.has(ext)) continue;
      const file = path.join(areaDir, entry.name);
      const source = readFileSync(file, 'utf8');
      const script: CorpusScript = {
        area: area.name,
        name: entry.name.slice(0, -ext.length),
        file,
        args: declaredArgs(source),
        pending: area.name === PENDING_AREA,
      };
      const stdin = declaredStdin(source, areaDir);
      if (stdin !== undefined) script.stdin = stdin;
      scripts.push(script);
    }
  }
  return scripts.sort((a, b) => (a.area + '/' + a.name).localeCompare(b.area + '/' + b.name));
}

/** Words of a leading `// args:` line; double quotes group words. */
export function declaredArgs(source: string): string[] {
  const first = source.split('\n', 1)[0] ?? '';
  const m = /^\/\/\s*args:(.*)$/.exec(first);
  if (m === null) return [];
  const args: string[] = [];
  for (const w of m[1]!.matchAll(/"([^"]*)"|(\S+)/g)) args.push(w[1] ?? w[2]!);
  return args;
}

/** A `// stdin: <kind> <path>` line among the first five; undefined when there is none. */
export function declaredStdin(source: string, dir: string): StdinSpec | undefined {
  for (const line of source.split('\n', 5)) {
    const m = /^\/\/\s*stdin:\s*(file|pipe|fifo)\s+(\S+)\s*$/.exec(line);
    if (m !== null) return { kind: m[1] as StdinSpec['kind'], path: path.resolve(dir, m[2]!) };
  }
  return undefined;
}
