// stdin on /dev/null (a character device, so Node's 'FILE' kind): an
// fs.ReadStream that ends at once.
const s = process.stdin;
console.log(s.constructor.name, s.isTTY, s.fd);
s.on('data', (d) => console.log('data', d.length));
s.on('end', () => console.log('end'));
s.on('close', () => console.log('close'));
