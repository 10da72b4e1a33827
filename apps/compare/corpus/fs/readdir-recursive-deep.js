// readdir { recursive: true } over a deeper tree with empty folders, files
// and links: the order node lists them in, as names and as Dirents.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readdir-deep-'));
for (const d of ['a/b/c/d', 'a/e', 'f', 'g/h']) fs.mkdirSync(path.join(dir, d), { recursive: true });
for (const f of ['a/1', 'a/b/2', 'a/b/c/d/3', 'g/4', 'z']) fs.writeFileSync(path.join(dir, f), f);
fs.symlinkSync('../a/b', path.join(dir, 'g/to-b'));
fs.symlinkSync('missing', path.join(dir, 'dangling'));
fs.readdir(dir, { recursive: true }, (e, names) => {
  console.log('names', e, names);
  fs.readdir(dir, { recursive: true, withFileTypes: true }, (e2, ents) => {
    console.log('dirents', e2, ents.map((d) => `${path.relative(dir, path.join(d.parentPath, d.name))}:${d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : 'f'}`));
    fs.promises.readdir(path.join(dir, 'a'), { recursive: true }).then((l) => {
      console.log('promise', l);
      fs.readdir(path.join(dir, 'f'), { recursive: true }, (e3, l3) => {
        console.log('empty', e3, l3);
        // Node 20 lists a tree synchronously here: a missing folder throws.
        try {
          fs.readdir(path.join(dir, 'nope'), { recursive: true }, (e4) => console.log('missing called back', e4.code));
        } catch (e4) {
          console.log('missing threw', e4.code, e4.syscall);
        }
        let sync = true;
        fs.readdir(path.join(dir, 'g'), { recursive: true }, (e5, l5) => console.log('called back at once', sync, l5));
        sync = false;
        fs.promises.readdir(path.join(dir, 'nope'), { recursive: true }).catch((e6) => {
          console.log('promise missing', e6.code, e6.syscall);
          fs.promises.readdir(dir, { recursive: true, withFileTypes: true }).then((ents) => {
            console.log('promise dirents', ents.map((d) => `${path.relative(dir, path.join(d.parentPath, d.name))}`));
            fs.rmSync(dir, { recursive: true });
          });
        });
      });
    });
  });
});
