// Arguments Node refuses synchronously, with its codes and texts.
const dns = require('dns');
const cb = () => console.log('callback must not run');
const tries = [
  ['number hostname', () => dns.lookup(42, cb)],
  ['object hostname', () => dns.lookup({}, cb)],
  ['family 5', () => dns.lookup('localhost', 5, cb)],
  ['options a string', () => dns.lookup('localhost', 'x', cb)],
  ['no callback', () => dns.lookup('localhost')],
  ['no callback with options', () => dns.lookup('localhost', {})],
  ['bad hints', () => dns.lookup('localhost', { hints: 12345 }, cb)],
  ['bad options.family', () => dns.lookup('localhost', { family: 'IPv5' }, cb)],
  ['bad options.all', () => dns.lookup('localhost', { all: 1 }, cb)],
  ['bad options.verbatim', () => dns.lookup('localhost', { verbatim: 'yes' }, cb)],
  ['bad options.order', () => dns.lookup('localhost', { order: 'random' }, cb)],
  ['promises number hostname', () => dns.promises.lookup(1)],
  ['promises options a string', () => dns.promises.lookup('localhost', 'x')],
  ['setDefaultResultOrder', () => dns.setDefaultResultOrder('first')],
];
for (const [label, fn] of tries) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '|', e.name, e.code, '|', e.message);
  }
}
