// A promise job resumed five awaits deep, after each kind of callback: at
// the default Error.stackTraceLimit the awaiting functions all show ("at
// async f"), as on node, whose loop leaves none of its own frames there.
const fs = require('fs');
const net = require('net');
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

async function chain(label, wait) {
  await one(label, wait);
}
async function one(label, wait) {
  await two(label, wait);
}
async function two(label, wait) {
  await three(label, wait);
}
async function three(label, wait) {
  await four(label, wait);
}
async function four(label, wait) {
  await wait();
  show(label, new Error(label));
}

function afterData() {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.end('x'));
    server.listen(0, '127.0.0.1', () => {
      const client = net.connect(server.address().port, '127.0.0.1');
      client.on('data', () => {
        client.destroy();
        server.close();
        resolve();
      });
    });
  });
}

(async () => {
  await chain('after setTimeout', () => new Promise((resolve) => setTimeout(resolve, 1)));
  await chain('after setImmediate', () => new Promise((resolve) => setImmediate(resolve)));
  await chain('after fs.stat', () => new Promise((resolve) => fs.stat(__filename, resolve)));
  await chain('after fs.promises.readFile', () => fs.promises.readFile(__filename));
  await chain("after a socket's data", afterData);
  await chain('after process.nextTick', () => new Promise((resolve) => process.nextTick(resolve)));
})();
