// fs.promises.watch as an async iterator: events as { eventType, filename },
// an abort ends the loop with an AbortError (its cause the signal's
// reason); a signal already aborted fails the first next(). And fs.watch
// with a signal: aborting closes the watcher.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-pa-'));

async function iterate() {
  const ac = new AbortController();
  const seen = [];
  setTimeout(() => fs.closeSync(fs.openSync(path.join(dir, 'one'), 'w')), 10);
  try {
    for await (const event of fs.promises.watch(dir, { signal: ac.signal })) {
      console.log('event', Object.keys(event).join(','), event.eventType, event.filename);
      seen.push(event.filename);
      if (seen.length === 1) setTimeout(() => fs.appendFileSync(path.join(dir, 'one'), 'x'), 10);
      if (seen.length === 2) ac.abort('enough');
    }
  } catch (e) {
    console.log('ended', e.name, e.code, e.message, e.cause);
  }
}

async function preAborted() {
  const it = fs.promises.watch(dir, { signal: AbortSignal.abort('early') });
  try {
    await it.next();
  } catch (e) {
    console.log('pre-aborted', e.name, e.code, e.cause);
  }
}

async function earlyReturn() {
  const it = fs.promises.watch(dir, { encoding: 'hex' });
  setTimeout(() => fs.closeSync(fs.openSync(path.join(dir, 'two'), 'w')), 10);
  const first = await it.next();
  console.log('hex name', first.value.filename, Buffer.from(first.value.filename, 'hex').toString(), first.done);
  console.log('return', JSON.stringify(await it.return()));
  console.log('after return', JSON.stringify(await it.next()));
}

function watcherSignal() {
  return new Promise((resolve) => {
    const ac = new AbortController();
    const w = fs.watch(dir, { signal: ac.signal });
    w.on('close', () => {
      console.log('fs.watch closed by abort');
      resolve();
    });
    setTimeout(() => ac.abort(), 10);
  });
}

iterate()
  .then(preAborted)
  .then(earlyReturn)
  .then(watcherSignal)
  .then(() => {
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  });
