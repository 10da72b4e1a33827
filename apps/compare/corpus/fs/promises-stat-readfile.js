// fs.promises on our pool: results and rejections, in order.
const fsp = require('fs/promises');
const fs = require('fs');
console.log('same object', fsp === fs.promises);
async function main() {
  const st = await fsp.stat(__filename);
  console.log('stat', st.isFile(), st.size === fs.statSync(__filename).size);
  const ls = await fsp.lstat(__dirname);
  console.log('lstat', ls.isDirectory());
  const text = await fsp.readFile(__filename, 'utf8');
  console.log('readFile', text.split('\n')[0]);
  const err = await fsp.readFile(__dirname + '/missing.txt').catch((e) => e);
  console.log('rejects', err.code, err.syscall, err.message.split(__dirname).join('.'));
  const bad = await fsp.stat(12).catch((e) => e);
  console.log('bad path rejects', bad.code, bad.message);
  setImmediate(() => console.log('immediate after all'));
}
main().then(() => console.log('main done'));
console.log('main started');
