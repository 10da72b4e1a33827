// The default result order: read, set, validated, and what lookup then answers.
const dns = require('dns');
console.log('default', dns.getDefaultResultOrder());
dns.setDefaultResultOrder('ipv4first');
console.log('now', dns.getDefaultResultOrder(), dns.promises.getDefaultResultOrder());
dns.lookup('localhost', { all: true }, (e, all) => {
  console.log('ipv4first', e, JSON.stringify(all));
  dns.setDefaultResultOrder('verbatim');
  dns.promises.lookup('localhost', { all: true }).then((r) => console.log('verbatim again', JSON.stringify(r), dns.getDefaultResultOrder()));
});
