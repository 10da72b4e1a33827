// Argument errors of fs.watch, fs.watchFile, fs.unwatchFile and
// fs.promises.watch, as Node words them (promises.watch checks on the
// first next(), being an async generator).
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-args-'));
const show = (label, e) => console.log(label, '->', e.name, e.code, e.message.split(dir).join('<dir>'), e.errno, e.syscall, e.path === undefined ? '' : path.basename(String(e.path)), e.filename === undefined ? '' : path.basename(String(e.filename)));
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, '-> ok', r && r.constructor.name);
    if (r && typeof r.close === 'function') r.close();
    if (r && typeof r.stop === 'function') r.stop();
  } catch (e) {
    show(label, e);
  }
}
attempt('watch(1)', () => fs.watch(1));
attempt('watch({})', () => fs.watch({}));
attempt('watch(missing)', () => fs.watch(path.join(dir, 'missing')));
attempt('watch(Buffer missing)', () => fs.watch(Buffer.from(path.join(dir, 'nope'))));
attempt('watch(dir, 1)', () => fs.watch(dir, 1));
attempt('watch(dir, true)', () => fs.watch(dir, true));
attempt('watch(dir, {encoding: bad})', () => fs.watch(dir, { encoding: 'bad' }));
attempt('watch(dir, "nope")', () => fs.watch(dir, 'nope'));
attempt('watch(dir, {recursive: 1})', () => fs.watch(dir, { recursive: 1 }));
attempt('watch(dir, {recursive: true, persistent: 1})', () => fs.watch(dir, { recursive: true, persistent: 1 }));
attempt('watch(dir, {recursive: true, encoding: 5})', () => fs.watch(dir, { recursive: true, encoding: 5 }));
attempt('watch(missing, {recursive: true})', () => fs.watch(path.join(dir, 'missing'), { recursive: true }));
attempt('watch(dir, {signal: 1})', () => fs.watch(dir, { signal: 1 }));
attempt('watch(dir, {persistent: 1})', () => fs.watch(dir, { persistent: 1 }));
attempt('watch(nul)', () => fs.watch(dir + '\0x'));
attempt('watch(url http)', () => fs.watch(new URL('http://x/y')));
attempt('watch(file url)', () => fs.watch(new URL('file://' + dir)));
attempt('watchFile(dir)', () => fs.watchFile(dir));
attempt('watchFile(dir, {})', () => fs.watchFile(dir, {}));
attempt('watchFile(dir, {interval: -1}, fn)', () => fs.watchFile(path.join(dir, 'a'), { interval: -1 }, () => {}));
attempt('watchFile(dir, {interval: "x"}, fn)', () => fs.watchFile(path.join(dir, 'b'), { interval: 'x' }, () => {}));
attempt('watchFile(dir, {interval: 1.5}, fn)', () => fs.watchFile(path.join(dir, 'c'), { interval: 1.5 }, () => {}));
attempt('watchFile(1, fn)', () => fs.watchFile(1, () => {}));
attempt('unwatchFile(1)', () => fs.unwatchFile(1));
attempt('unwatchFile(never)', () => fs.unwatchFile(path.join(dir, 'never')));

const cases = [
  ['promises.watch(1)', () => fs.promises.watch(1)],
  ['promises.watch(dir, 1)', () => fs.promises.watch(dir, 1)],
  ['promises.watch(dir, {persistent: 1})', () => fs.promises.watch(dir, { persistent: 1 })],
  ['promises.watch(dir, {recursive: "x"})', () => fs.promises.watch(dir, { recursive: 'x' })],
  ['promises.watch(dir, {encoding: "bad"})', () => fs.promises.watch(dir, { encoding: 'bad' })],
  // Node 20's promises.watch checks with Buffer.isEncoding, which does not know 'buffer'.
  ['promises.watch(dir, {encoding: "buffer"})', () => fs.promises.watch(dir, { encoding: 'buffer' })],
  ['promises.watch(dir, {signal: {}})', () => fs.promises.watch(dir, { signal: {} })],
  ['promises.watch(missing)', () => fs.promises.watch(path.join(dir, 'missing'))],
];
(async () => {
  for (const [label, make] of cases) {
    let it;
    try {
      it = make();
      console.log(label, 'made', Object.prototype.toString.call(it));
      await it.next();
      console.log(label, '-> no error');
    } catch (e) {
      show(label, e);
    }
  }
  fs.rmSync(dir, { recursive: true });
})();
