// timers/promises setTimeout and setImmediate resolve with the given value.
const tp = require('timers/promises');
const { promisify } = require('util');
(async () => {
  console.log('same module', tp === require('node:timers/promises'), tp.setTimeout === require('timers').promises.setTimeout);
  console.log('setTimeout ->', await tp.setTimeout(5, 'value'));
  console.log('setTimeout no value ->', await tp.setTimeout(1));
  console.log('setImmediate ->', await tp.setImmediate('imm'));
  console.log('promisify(setTimeout) ->', await promisify(setTimeout)(1, 'p'));
  console.log('promisify(setImmediate) ->', await promisify(setImmediate)('pi'));
  const order = [];
  await Promise.all([
    tp.setTimeout(20, 'c').then((v) => order.push(v)),
    tp.setTimeout(5, 'a').then((v) => order.push(v)),
    tp.setTimeout(10, 'b').then((v) => order.push(v)),
  ]);
  console.log('order', order.join(''));
  const unrefd = tp.setTimeout(10000, 'x', { ref: false });
  console.log('unref promise pending', typeof unrefd.then);
})();
process.on('exit', (c) => console.log('exit', c));
