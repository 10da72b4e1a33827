// Host names are converted to ASCII (IDNA) before getaddrinfo: fullwidth
// letters and digits map to plain ones, so these reach /etc/hosts' localhost
// and the IP literal; the 256-byte limit applies to the ASCII form. Errors
// name the host as given. Only names answered without a DNS server.
const dns = require('dns');
const names = ['ｌｏｃａｌｈｏｓｔ', 'LocalHost', '１２７.０.０.１', 'ａ'.repeat(300), 'ü'.repeat(300)];
(function next(i) {
  if (i === names.length) return;
  const name = names[i];
  dns.lookup(name, { all: true, family: 4 }, (err, found) => {
    console.log(name.length, err ? [err.code, err.syscall, err.hostname === name, err.message.length] : found);
    dns.promises.lookup(name, 4).then(
      (r) => console.log('  promise', r),
      (e) => console.log('  promise', e.code),
    ).then(() => next(i + 1));
  });
})(0);
