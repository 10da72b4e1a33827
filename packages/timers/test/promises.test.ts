import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Loop, Timer, defaultLoop, drainTicks } from '@mini/loop';
import { createTimers, setImmediate, setTimeout, timersPromises } from '../src/index.js';
import { inMacrotask, nodeEval } from './helpers.js';

/**
 * Run `body` on a fresh loop that owns the thread (entered from a host
 * macrotask, so promise jobs drain after each callback), kept alive by a
 * ref'd timer until `body` settles.
 */
async function onOwnLoop<T>(body: (loop: Loop) => Promise<T>): Promise<T> {
  const loop = new Loop();
  const keepAlive = new Timer(loop);
  keepAlive.start(() => {}, 60_000, 0);
  let result!: Promise<T>;
  await inMacrotask(() => {
    result = body(loop).finally(() => keepAlive.close());
    // As after a main script: settle what is already queued, then loop.
    drainTicks();
    loop.run();
  });
  loop.close();
  return result;
}

/**
 * One scenario, run by real Node against its timers/promises and here
 * against ours (on the default, host-driven loop); the logs must match.
 */
const scenario = `
  const show = (e) => e instanceof Error
    ? [e.name, e.code, e.message, e.constructor.name, e instanceof Error, String(e.cause), JSON.stringify(Object.keys(e))].join(' | ')
    : 'value ' + String(e);
  const settle = (p) => Promise.resolve(p).then((v) => 'ok ' + String(v), show);
  const bad = [null, 1, 'x', { ref: 1 }, { signal: 1 }, { signal: {} }, { signal: null }, { ref: 1, signal: 1 }];
  for (const opt of bad) {
    log.push('st ' + await settle(tp.setTimeout(1, 'v', opt)));
    log.push('si ' + await settle(tp.setImmediate('v', opt)));
    const it = tp.setInterval(1, 'v', opt);
    log.push('sv ' + await settle(it.next().then((r) => r.value)));
  }
  for (const d of ['x', '5', null, {}, NaN, -1, 1.5, undefined]) {
    log.push('delay ' + String(d) + ' ' + await settle(tp.setTimeout(d, 'v')));
    log.push('wait ' + String(d) + ' ' + await settle(tp.scheduler.wait(d)));
  }
  log.push('order ' + await settle(tp.setTimeout('x', 1, { signal: 1 })));
  const pre = new AbortController(); pre.abort('early');
  log.push('pre ' + await settle(tp.setTimeout(1, 'v', { signal: pre.signal })));
  log.push('pre-im ' + await settle(tp.setImmediate('v', { signal: pre.signal })));
  log.push('pre-iv ' + await settle(tp.setInterval(1, 'v', { signal: pre.signal }).next()));
  const ac = new AbortController();
  const p = tp.setTimeout(10000, 'v', { signal: ac.signal });
  ac.abort(new Error('why'));
  log.push('abort ' + await settle(p));
  const ac2 = new AbortController();
  const p2 = tp.setImmediate('v', { signal: ac2.signal });
  ac2.abort();
  log.push('abort-im ' + await settle(p2));
  const ac3 = new AbortController();
  const it3 = tp.setInterval(5, 'tick', { signal: ac3.signal });
  const got = [];
  for await (const v of it3) { got.push(v); if (got.length === 3) break; }
  log.push('iter ' + got.join(','));
  const it4 = tp.setInterval(5, 'tick', { signal: ac3.signal });
  log.push('iter4 ' + JSON.stringify(await it4.next()));
  const t0 = Date.now();
  setTimeout(() => ac3.abort('stop'), 20);
  log.push('iter4 abort ' + await settle(it4.next()));
  log.push('iter4 done ' + JSON.stringify(await it4.next()));
  log.push('values ' + [await tp.setTimeout(1), await tp.setTimeout(1, 0), await tp.setImmediate(), await tp.setImmediate(null), await tp.scheduler.wait(1), await tp.scheduler.yield()].map(String).join(','));
  try { tp.scheduler.wait.call({}, 1); } catch (e) { log.push('this ' + show(e)); }
  try { tp.scheduler.yield.call(undefined); } catch (e) { log.push('this2 ' + show(e)); }
  try { new tp.scheduler.constructor(); } catch (e) { log.push('ctor ' + show(e)); }
  log.push('lengths ' + [tp.setTimeout.length, tp.setImmediate.length, tp.setInterval.length, setTimeout.length, setImmediate.length].join());
  log.push('unref ' + await settle(Promise.race([tp.setTimeout(1, 'refless', { ref: false }), tp.setTimeout(30, 'late')])));
`;

describe('timers/promises', () => {
  it('matches Node on validation, abort errors, iteration and values', async () => {
    const expected = nodeEval(`
      const tp = require('timers/promises');
      const log = [];
      (async () => { ${scenario} })().then(() => console.log(JSON.stringify(log)), (e) => { console.error(e); process.exit(1); });
    `);
    const log: string[] = [];
    const run = new Function('tp', 'log', 'setTimeout', 'setImmediate', `return (async () => { ${scenario} })();`) as (
      ...a: unknown[]
    ) => Promise<void>;
    await onOwnLoop((loop) => {
      const t = createTimers(loop);
      return run(t.promises, log, t.setTimeout, t.setImmediate);
    });
    expect(log).toEqual(JSON.parse(expected) as string[]);
  });

  it('util.promisify gives the promise versions', async () => {
    expect(promisify(setTimeout)).toBe(timersPromises.setTimeout);
    expect(promisify(setImmediate)).toBe(timersPromises.setImmediate);
    expect(await promisify(setTimeout)(1, 'x')).toBe('x');
  });

  it('a ref: false timer does not keep the loop alive; aborting clears it', async () => {
    const loop = defaultLoop();
    const ac = new AbortController();
    const p = timersPromises.setTimeout(10_000, 'v', { signal: ac.signal, ref: false });
    expect(loop.alive()).toBe(false);
    const q = timersPromises.setTimeout(10_000, 'v', { signal: ac.signal });
    const r = timersPromises.setImmediate('v', { signal: ac.signal });
    const it = timersPromises.setInterval(10_000, 'v', { signal: ac.signal });
    const next = it.next();
    expect(loop.alive()).toBe(true);
    ac.abort('reason');
    for (const pending of [p, q, r, next]) {
      await expect(pending).rejects.toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', cause: 'reason' });
    }
    expect(loop.alive()).toBe(false);
  });

  it('scheduler.yield resolves after I/O-less poll, before later timers', async () => {
    const log = await onOwnLoop(async (loop) => {
      const t = createTimers(loop);
      const out: string[] = [];
      // Not 0 ms: a 0 ms timer against the first check phase is a race on node too.
      t.setTimeout(() => out.push('timeout'), 3);
      await t.promises.scheduler.yield();
      out.push('yield');
      await t.promises.scheduler.wait(5);
      out.push('wait');
      return out;
    });
    expect(log).toEqual(['yield', 'timeout', 'wait']);
  });
});
