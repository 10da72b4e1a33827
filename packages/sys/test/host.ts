/**
 * What the host Node itself throws, to compare our errors with. One child
 * `node --expose-internals` runs a batch of cases against Node's own
 * lib/internal/errors.js codes and lib/internal/validators.js, and reports
 * each error's observable shape. Arguments are JS source, evaluated on
 * both sides, so any value (undefined, -0, 5n, a Map, a function) can be
 * passed.
 */
import { spawnSync } from 'node:child_process';

export interface Outcome {
  threw: boolean;
  ctor?: string;
  name?: string;
  code?: string;
  message?: string;
  str?: string;
  keys?: string[];
  head?: string;
  /** A validator's return value, when it returned. */
  value?: unknown;
}

export interface Case {
  /** 'codes' constructs `new codes[name](...args)`; 'validators' calls `validators[name](...args)`. */
  kind: 'codes' | 'validators';
  name: string;
  args: string;
}

const CHILD = `
const { codes } = require('internal/errors');
const validators = require('internal/validators');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(({ kind, name, args }) => {
  const list = new Function('return [' + args + ']')();
  try {
    const value = kind === 'codes' ? new codes[name](...list) : validators[name](...list);
    if (kind === 'codes') throw value;
    return { threw: false, value };
  } catch (e) {
    return shape(e);
  }
});
function shape(e) {
  return { threw: true, ctor: e.constructor.name, name: e.name, code: e.code, message: e.message,
    str: String(e), keys: Object.keys(e), head: e.stack.split('\\n')[0] };
}
process.stdout.write(JSON.stringify(out));
`;

export function hostOutcomes(cases: readonly Case[]): Outcome[] {
  const r = spawnSync(process.execPath, ['--expose-internals', '-e', CHILD], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`host node failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Outcome[];
}

/** The same shape for an error of ours (or a return value). */
export function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch (err) {
    const e = err as Error & { code?: string };
    return {
      threw: true,
      ctor: e.constructor.name,
      name: e.name,
      code: e.code,
      message: e.message,
      str: String(e),
      keys: Object.keys(e),
      head: e.stack!.split('\n')[0],
    };
  }
}

/** Evaluate a case's argument source here, as the child does. */
export function args(source: string): unknown[] {
  return new Function(`return [${source}]`)() as unknown[];
}
