// Every builtin an import gives is the object require() returns, named exports too.
import { createRequire } from 'node:module';
import fs, { readFile } from 'fs';
import * as netNs from 'node:net';
const require = createRequire(import.meta.url);
const net = await import('node:net');
console.log('default === require:', net.default === require('net'), fs === require('node:fs'));
console.log('named:', net.createServer === require('net').createServer, readFile === require('fs').readFile);
console.log('namespace:', netNs === net, typeof netNs.Socket);
for (const id of ['events', 'node:timers', 'child_process', 'dns', 'http', 'fs/promises', 'util', 'path']) {
  const ns = await import(id);
  console.log(id, ns.default === require(id));
}
