// tls.checkServerIdentity on certificate objects: DNS names, wildcards, IPs, the CN fallback.
const tls = require('tls');
const cases = [
  ['a.com', { subjectaltname: 'DNS:a.com' }],
  ['A.COM', { subjectaltname: 'DNS:a.com' }],
  ['a.com.', { subjectaltname: 'DNS:a.com' }],
  ['b.a.com', { subjectaltname: 'DNS:*.a.com' }],
  ['a.com', { subjectaltname: 'DNS:*.a.com' }],
  ['c.b.a.com', { subjectaltname: 'DNS:*.a.com' }],
  ['foo.com', { subjectaltname: 'DNS:*.com' }],
  ['abc.a.com', { subjectaltname: 'DNS:a*c.a.com' }],
  ['xn--abc.a.com', { subjectaltname: 'DNS:xn--*.a.com' }],
  ['8.8.8.8', { subjectaltname: 'IP Address:8.8.8.8' }],
  ['8.8.4.4', { subjectaltname: 'IP Address:8.8.8.8, DNS:8.8.4.4' }],
  ['::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' }],
  ['a.com', { subject: { CN: 'a.com' } }],
  ['b.com', { subject: { CN: ['a.com', 'b.com'] } }],
  ['c.com', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'a.com' }, subjectaltname: 'DNS:b.com' }],
  ['a.com', {}],
  ['a.com', { subjectaltname: 'DNS:"a.com, b.com"' }],
  ['a.com', { subjectaltname: 'URI:http://a.com/' }],
];
for (const [host, cert] of cases) {
  const err = tls.checkServerIdentity(host, cert);
  console.log(host, JSON.stringify(cert), '->', err === undefined ? 'ok' : `${err.name} ${err.code}: ${err.reason}`);
}
