// A FileHandle dropped without close(): garbage collection closes its
// descriptor with a warning, and DEP0137 once.
require('v8').setFlagsFromString('--expose-gc');
const gc = require('vm').runInNewContext('gc');
const fsp = require('fs/promises');
process.emitWarning = (message, type = 'Warning', code) => console.log('warning', type, code, message.replace(/\d+/, 'N').slice(0, 50));
(async () => {
  let a = await fsp.open(__filename);
  let b = await fsp.open(__filename);
  a = b = null;
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const kept = await fsp.open(__filename);
  await kept.close();
  gc();
  await new Promise((r) => setTimeout(r, 50));
  console.log('a closed handle says nothing');
})();
