// fs.readFile's edges as Node 20 has them: a pre-aborted signal calls back
// at once; with a descriptor passed in, a failed read or an abort ends
// without error and with what was read (its close step drops the error),
// while fs/promises reports both.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readfile-fd-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, 'x'.repeat(3000));
const show = (label) => (e, d) => console.log(label, e ? `${e.name} ${e.code}` : null, d === undefined ? 'no data' : d.length);
const steps = [
  (n) => {
    const ac = new AbortController();
    ac.abort();
    let sync = true;
    fs.readFile(f, { signal: ac.signal }, (e) => console.log('pre-aborted path, called back at once:', sync, e.name));
    sync = false;
    n();
  },
  (n) => {
    const ac = new AbortController();
    ac.abort();
    const fd = fs.openSync(f, 'r');
    let sync = true;
    fs.readFile(fd, { signal: ac.signal }, (e, d) => (show(`aborted fd (sync ${sync})`)(e, d), fs.closeSync(fd), n()));
    sync = false;
  },
  (n) => {
    const fd = fs.openSync(path.join(dir, 'wo'), 'w');
    fs.readFile(fd, (e, d) => (show('write-only fd')(e, d), fs.closeSync(fd), n()));
  },
  (n) => {
    const fd = fs.openSync(dir, 'r');
    fs.readFile(fd, 'utf8', (e, d) => (show('folder fd')(e, d), fs.closeSync(fd), n()));
  },
  (n) => {
    const fd = fs.openSync(f, 'r');
    fs.readFile(fd, (e, d) => (show('plain fd')(e, d), fs.closeSync(fd), n()));
  },
  (n) => {
    fs.promises.open(path.join(dir, 'wo'), 'w').then((fh) =>
      fh.readFile().then(
        (d) => (show('filehandle write-only')(null, d), fh.close().then(n)),
        (e) => (show('filehandle write-only')(e), fh.close().then(n)),
      ),
    );
  },
  (n) => {
    const ac = new AbortController();
    ac.abort();
    fs.promises.open(f).then((fh) =>
      fh.readFile({ signal: ac.signal }).then(
        (d) => (show('filehandle aborted')(null, d), fh.close().then(n)),
        (e) => (show('filehandle aborted')(e), fh.close().then(n)),
      ),
    );
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
