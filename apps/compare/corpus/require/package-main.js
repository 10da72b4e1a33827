// package.json "main": a file without extension, a directory, absent, and
// pointing at a missing file (falls back to index.js with a deprecation).
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message.split(__dirname).join('.')));
const base = './fixtures/pkgs/node_modules/';
for (const name of ['main-field', 'main-dir', 'no-main', 'bad-main']) console.log(name, '->', require(base + name));
