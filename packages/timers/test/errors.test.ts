import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Loop } from '@mini/loop';
import { createTimers } from '../src/index.js';
import { nodeEval } from './helpers.js';

// Evaluated both here and in real Node, so both see the same values.
const valuesSource = `[undefined, null, 1, 'abc', {}, Object.create(null), Symbol('x'),
  1n, 'a'.repeat(40), [1, 2], true, new Map(), -0, NaN]`;

function describeErrors(fns: Record<string, (v: unknown) => unknown>, values: unknown[]): string {
  const out: string[] = [];
  for (const [name, fn] of Object.entries(fns)) {
    for (const v of values) {
      try {
        fn(v);
        out.push(`${name}: no error`);
      } catch (e) {
        const err = e as Error & { code?: string };
        out.push(
          `${name}: ${err.name} ${err.code} ${err.message} | ${String(err)} | ${err.stack!.split('\n')[0]} | ${err instanceof TypeError} ${JSON.stringify(Object.keys(err))}`,
        );
      }
    }
  }
  return out.join('\n');
}

describe('argument errors', () => {
  it("a non-function callback throws Node's ERR_INVALID_ARG_TYPE, word for word", () => {
    const expected = nodeEval(`
      const values = ${valuesSource};
      const fns = { setTimeout: (v) => setTimeout(v), setInterval: (v) => setInterval(v, 1), setImmediate: (v) => setImmediate(v) };
      const out = [];
      for (const [name, fn] of Object.entries(fns)) for (const v of values) {
        try { fn(v); out.push(name + ': no error'); } catch (err) {
          out.push(name + ': ' + err.name + ' ' + err.code + ' ' + err.message + ' | ' + String(err) + ' | ' + err.stack.split('\\n')[0] + ' | ' + (err instanceof TypeError) + ' ' + JSON.stringify(Object.keys(err)));
        }
      }
      console.log(out.join('\\n'));
    `);
    const loop = new Loop();
    const t = createTimers(loop);
    const values = runInThisContext(valuesSource) as unknown[];
    const actual = describeErrors(
      {
        setTimeout: (v) => t.setTimeout(v as () => void),
        setInterval: (v) => t.setInterval(v as () => void, 1),
        setImmediate: (v) => t.setImmediate(v as () => void),
      },
      values.filter((v) => typeof v !== 'function'),
    );
    const expectedLines = expected
      .trim()
      .split('\n')
      .filter((l) => !l.endsWith('no error'));
    expect(actual.split('\n')).toEqual(expectedLines);
    loop.close();
  });
});
