// lookupService: getnameinfo for an address and port, its argument checks.
const dns = require('dns');
dns.lookupService('127.0.0.1', 22, (err, hostname, service) => {
  console.log('ssh', err, hostname, service);
  dns.lookupService('127.0.0.1', '80', (err2, h2, s2) => {
    console.log('port as string', err2, h2, s2);
    dns.promises.lookupService('127.0.0.1', 443).then((r) => console.log('promise', JSON.stringify(r)));
  });
});
for (const [label, fn] of [
  ['two args', () => dns.lookupService('127.0.0.1', 22)],
  ['not an IP', () => dns.lookupService('localhost', 22, () => {})],
  ['bad port', () => dns.lookupService('127.0.0.1', 70000, () => {})],
  ['no callback', () => dns.lookupService('127.0.0.1', 22, null)],
  ['address a number', () => dns.lookupService(1, 22, () => {})],
  ['promises one arg', () => dns.promises.lookupService('127.0.0.1')],
]) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '|', e.name, e.code, '|', e.message);
  }
}
