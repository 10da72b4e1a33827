// A name the resolver refuses (an empty label: glibc answers without a
// query): Node's ENOTFOUND with errno, syscall and hostname; the callback
// comes after the current tick's work.
const dns = require('dns');
dns.lookup('no-such-host..invalid', (err, address) => {
  console.log(err.message, err.code, err.errno, err.syscall, err.hostname, address, Object.keys(err).join(','), err instanceof Error);
  dns.lookup('no-such-host..invalid', { all: true }, (err2, all) => {
    console.log('all:', err2.code, all);
    dns.promises.lookup('no-such-host..invalid').catch((e) => console.log('promise:', e.code, e.syscall, e.hostname));
  });
});
process.nextTick(() => console.log('tick first'));
