// net.isIP / isIPv4 / isIPv6 on edge cases.
const net = require('net');
const cases = [
  '127.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '1.2.3', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4',
  '::', '::1', '::ffff:127.0.0.1', 'fe80::1%eth0', '2001:db8::1', '2001:db8:::1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9',
  'localhost', '', 'abc', '1.2.3.4.5', '0x7f.0.0.1', '[::1]',
];
for (const c of cases) console.log(JSON.stringify(c), net.isIP(c), net.isIPv4(c), net.isIPv6(c));
console.log('non-strings:', net.isIP(123), net.isIP(null), net.isIP(undefined), net.isIPv4({}), net.isIPv6([]));
