// Aborting: a pending timer rejects with AbortError; an already-aborted
// signal rejects at once; a custom reason becomes the cause.
const tp = require('timers/promises');
const show = (label, e) => console.log(label, e.name, e.code, JSON.stringify(e.message), e.cause === undefined ? 'no cause' : `cause=${String(e.cause)}`);
(async () => {
  const ac = new AbortController();
  const p = tp.setTimeout(1000, 'never', { signal: ac.signal });
  setTimeout(() => ac.abort(), 5);
  try {
    await p;
  } catch (e) {
    show('pending timeout:', e);
  }
  const gone = AbortSignal.abort();
  try {
    await tp.setImmediate('x', { signal: gone });
  } catch (e) {
    show('aborted immediate:', e);
  }
  const ac2 = new AbortController();
  const p2 = tp.setTimeout(1000, null, { signal: ac2.signal });
  ac2.abort('my reason');
  try {
    await p2;
  } catch (e) {
    show('with reason:', e);
  }
  const ac3 = new AbortController();
  const it = tp.setInterval(2, 'i', { signal: ac3.signal });
  let n = 0;
  try {
    for await (const v of it) {
      if (++n === 2) ac3.abort();
      console.log('interval', v, n);
    }
  } catch (e) {
    show('interval:', e);
  }
  try {
    await tp.setTimeout(1, 'x', { signal: 'nope' });
  } catch (e) {
    console.log('bad signal:', e.code, e.message);
  }
  try {
    await tp.setTimeout(1, 'x', { ref: 'yes' });
  } catch (e) {
    console.log('bad ref:', e.code, e.message);
  }
})();
