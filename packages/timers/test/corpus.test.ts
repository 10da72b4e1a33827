import { describe, expect, it } from 'vitest';
import { Loop, drainTicks } from '@mini/loop';
import { createTimers } from '../src/index.js';
import { busyWait, inMacrotask, nodeEval } from './helpers.js';

/**
 * Scripts that must log the same on real Node and on ours. They use only the
 * timer globals, `log`, `busyWait` and `process.nextTick`. Which of a 1 ms
 * timeout and an immediate runs first depends on whether 1 ms passed before
 * the loop started, in Node as here, so scripts busy-wait to decide it; delays are spaced ≥ 10 ms
 * apart wherever order depends on time, so a loaded machine cannot reorder
 * them.
 */
const corpus: Record<string, string> = {
  'nested zero timeouts and immediates': `
    setTimeout(() => {
      log('t1');
      setTimeout(() => log('t1>t10'), 10);
      setImmediate(() => { log('t1>i'); setImmediate(() => log('t1>i>i')); setTimeout(() => log('t1>i>t10'), 10); });
      process.nextTick(() => log('t1>tick'));
    }, 1);
    setImmediate(() => log('i0'));
    busyWait(5); // the 1 ms timeout is due before the first iteration
  `,
  'clearing a later timeout of the same list from a callback': `
    let b;
    setTimeout(() => { log('a'); clearTimeout(b); }, 10);
    b = setTimeout(() => log('b'), 10);
    setTimeout(() => log('c'), 10);
  `,
  'refresh inside its own callback re-arms a one-shot timeout': `
    let n = 0;
    const t = setTimeout(() => { log('fire ' + ++n + ' ' + t._destroyed); if (n < 3) t.refresh(); }, 10);
    setTimeout(() => log('hasRef ' + t.hasRef() + ' destroyed ' + t._destroyed), 100);
  `,
  "an interval unref'd in its callback lets the loop end": `
    // The interval goes on while the keeper holds the loop (only its first three are logged, so a
    // loaded machine cannot change the lines), and the process ends with the keeper: it would hang otherwise.
    let n = 0;
    const iv = setInterval(() => { if (++n <= 3) log('iv ' + n); if (n === 2) iv.unref(); }, 10);
    setTimeout(() => log('keeper'), 100);
  `,
  'clearing an immediate from an earlier one, and by Symbol.dispose': `
    let b, c;
    setImmediate(() => { log('a'); clearImmediate(b); c[Symbol.dispose](); });
    b = setImmediate(() => log('b'));
    c = setImmediate(() => log('c'));
    setImmediate(() => log('d'));
  `,
  'clearing by primitive id from inside another timer': `
    const id = +setTimeout(() => log('never'), 30);
    setTimeout(() => { log('clear ' + typeof id); clearTimeout(String(id)); }, 10);
    setTimeout(() => log('end'), 50);
  `,
  'microtasks between timers of different lists due together': `
    setTimeout(() => { log('10'); Promise.resolve().then(() => log('10:p')); }, 10);
    setTimeout(() => { log('11'); process.nextTick(() => log('11:t')); }, 11);
    setTimeout(() => { log('12'); }, 12);
    busyWait(20);
  `,
  'intervals and timeouts interleave in time order': `
    let n = 0;
    const iv = setInterval(() => { log('iv' + ++n); if (n === 4) clearInterval(iv); }, 20);
    for (const d of [10, 30, 50, 70, 90]) setTimeout(() => log('t' + d), d);
  `,
  'arguments and this': `
    setTimeout(function (a, b) { log([this === t, a, b, arguments.length].join()); }, 1, 'x', undefined);
    const t = setTimeout(function () { log([this === t, arguments.length].join()); }, 1);
    setImmediate(function (a) { log([typeof this, a, arguments.length].join()); }, 'y');
    setInterval(function () { log('iv ' + arguments.length); clearInterval(this); }, 1, 1, 2, 3, 4, 5);
    busyWait(5);
  `,
};

function runOnNode(script: string): string[] {
  const out = nodeEval(`
    const entries = [];
    const log = (s) => entries.push(String(s));
    const busyWait = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
    ${script}
    process.on('exit', () => console.log(JSON.stringify(entries)));
  `);
  return JSON.parse(out) as string[];
}

async function runOnMini(script: string): Promise<string[]> {
  const loop = new Loop();
  const t = createTimers(loop);
  const entries: string[] = [];
  await inMacrotask(() => {
    const fn = new Function(
      'log',
      'busyWait',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'clearImmediate',
      script,
    );
    fn(
      (s: unknown) => entries.push(String(s)),
      busyWait,
      t.setTimeout,
      t.setInterval,
      t.setImmediate,
      t.clearTimeout,
      t.clearInterval,
      t.clearImmediate,
    );
    // As after a main script: ticks first, then the loop, in the same macrotask.
    drainTicks();
    loop.run();
  });
  loop.close();
  return entries;
}

describe('same output as node', () => {
  for (const [name, script] of Object.entries(corpus)) {
    it(name, async () => {
      const expected = runOnNode(script);
      expect(await runOnMini(script)).toEqual(expected);
    });
  }
});
