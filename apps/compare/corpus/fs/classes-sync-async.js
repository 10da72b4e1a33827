// Stats, Dirent and errors are the same classes from sync and async calls.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classes-'));
fs.writeFileSync(path.join(dir, 'f'), '');
fs.stat(dir, (e, s) => {
  const sync = fs.statSync(dir);
  console.log('Stats', s instanceof fs.Stats, s.constructor === sync.constructor, Object.keys(s).join() === Object.keys(sync).join());
  fs.stat(dir, { bigint: true }, (e2, b) => {
    console.log('BigIntStats', b.constructor === fs.statSync(dir, { bigint: true }).constructor, b.constructor.name);
    fs.readdir(dir, { withFileTypes: true }, (e3, ents) => {
      const se = fs.readdirSync(dir, { withFileTypes: true });
      console.log('Dirent', ents[0] instanceof fs.Dirent, ents[0].constructor === se[0].constructor, JSON.stringify(Object.keys(ents[0])) === JSON.stringify(Object.keys(se[0])));
      fs.open(path.join(dir, 'missing'), (err) => {
        let serr;
        try { fs.openSync(path.join(dir, 'missing')); } catch (x) { serr = x; }
        console.log('errors', err.constructor === serr.constructor, err.message === serr.message, err.code, err.errno === serr.errno, Object.keys(err).join(), Object.keys(serr).join());
        fs.promises.open(path.join(dir, 'missing')).catch((perr) => {
          console.log('promise error', perr.constructor === serr.constructor, perr.message === serr.message, Object.keys(perr).join());
          fs.rmSync(dir, { recursive: true });
        });
      });
    });
  });
});
