// Invalid arguments throw at once with Node's codes and messages.
const dns = require('dns');
const r = new dns.Resolver();
function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, String(e), e.code);
  }
}
attempt('name 1', () => r.resolve4(1, () => {}));
attempt('no callback', () => r.resolve4('a.test'));
attempt('bad rrtype', () => r.resolve('a.test', 'BOGUS', () => {}));
attempt('rrtype number', () => r.resolve('a.test', 12, () => {}));
attempt('module resolveMx', () => dns.resolveMx({}, () => {}));
attempt('timeout string', () => new dns.Resolver({ timeout: '1' }));
attempt('timeout -2', () => new dns.Resolver({ timeout: -2 }));
attempt('tries 0', () => new dns.Resolver({ tries: 0 }));
attempt('tries 1.5', () => new dns.Resolver({ tries: 1.5 }));
attempt('setServers string', () => r.setServers('1.2.3.4'));
attempt('setServers [1]', () => r.setServers([1]));
attempt('setServers bad ip', () => r.setServers(['1.2.3']));
attempt('setLocalAddress bad', () => r.setLocalAddress('nope'));
attempt('setLocalAddress number', () => r.setLocalAddress(4));
attempt('setLocalAddress two v6', () => r.setLocalAddress('::1', '::2'));
attempt('setLocalAddress ok', () => r.setLocalAddress('127.0.0.1', '::1'));
attempt('promises bad rrtype', () => dns.promises.resolve('a.test', 'BOGUS'));
attempt('promises name', () => dns.promises.resolve4(7));
