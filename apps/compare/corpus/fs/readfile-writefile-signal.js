// readFile and writeFile with an AbortSignal: already aborted, aborted right
// after the call (the next step sees it), and a reason carried as cause;
// the files they opened are closed either way.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signal-'));
const f = path.join(dir, 'file');
fs.writeFileSync(f, 'x'.repeat(100000));
const show = (label) => (e, v) => console.log(label, e ? `${e.name} ${e.code} ${String(e.cause)}` : `ok ${v && v.length}`);
const steps = [
  (n) => { const ac = new AbortController(); ac.abort(); fs.readFile(f, { signal: ac.signal }, (e, v) => (show('readFile pre-aborted')(e, v), n())); },
  (n) => { const ac = new AbortController(); fs.readFile(f, { signal: ac.signal }, (e, v) => (show('readFile aborted after call')(e, v), n())); ac.abort(new Error('why')); },
  (n) => { const ac = new AbortController(); fs.readFile(f, { signal: ac.signal }, (e, v) => (show('readFile not aborted')(e, v), n())); },
  (n) => { const ac = new AbortController(); ac.abort('r'); fs.writeFile(path.join(dir, 'w'), 'data', { signal: ac.signal }, (e) => (show('writeFile pre-aborted')(e), console.log('  created', fs.existsSync(path.join(dir, 'w'))), n())); },
  (n) => { const ac = new AbortController(); fs.writeFile(path.join(dir, 'w2'), 'data', { signal: ac.signal }, (e) => (show('writeFile aborted after call')(e), console.log('  size', fs.statSync(path.join(dir, 'w2')).size), n())); ac.abort(); },
  (n) => { const ac = new AbortController(); ac.abort(); fs.promises.readFile(f, { signal: ac.signal }).catch((e) => (show('promise readFile pre-aborted')(e), n())); },
  (n) => { const ac = new AbortController(); const p = fs.promises.readFile(f, { signal: ac.signal }); ac.abort(); p.then((v) => (show('promise readFile aborted after call')(null, v), n()), (e) => (show('promise readFile aborted after call')(e), n())); },
  (n) => { const ac = new AbortController(); ac.abort(); fs.promises.writeFile(path.join(dir, 'w3'), 'd', { signal: ac.signal }).catch((e) => (show('promise writeFile pre-aborted')(e), n())); },
  (n) => { try { fs.readFile(f, { signal: {} }, () => {}); } catch (e) { console.log('bad signal', String(e)); } n(); },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : (console.log('fds back', fs.readdirSync('/proc/self/fd').length > 0), fs.rmSync(dir, { recursive: true })));
next();
