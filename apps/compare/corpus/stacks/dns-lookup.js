// A dns.lookup callback runs on node's lookup completion frame. (The
// callback's own frame is left out: node names it as a method of its
// request, GetAddrInfoReqWrap.onLookup [as callback].)
const dns = require('dns');
const show = (label, stack) => console.log(`${label}\n${stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);
dns.lookup('localhost', { family: 4 }, function onLookup(err, address) {
  show(`lookup ${err} ${address}`, new Error('in lookup').stack.split('\n').slice(2).join('\n'));
});
