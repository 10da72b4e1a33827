// serialization: 'advanced' carries what JSON cannot (Map, Set, BigInt,
// Date, Buffer, typed arrays, undefined, NaN) both ways.
const { fork } = require('child_process');
const path = require('path');
const util = require('util');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-echo-advanced.js'), { serialization: 'advanced' });
const got = [];
child.on('message', (m) => {
  got.push(m);
  if (got.length === 3) child.send('bye');
});
child.on('close', (code) => console.log(util.inspect(got, { depth: 4 }), code));
child.send({ map: new Map([[1, 'a']]), set: new Set(['s']), big: 2n ** 70n, date: new Date(86400000), buf: Buffer.from('bytes') });
child.send([undefined, null, NaN, -0, new Float64Array([1.5]), new Uint8Array([7, 8])]);
child.send('y'.repeat(70000).length);
