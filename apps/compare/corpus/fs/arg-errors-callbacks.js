// Argument checks of the callback functions: each bad call throws the same
// error class, code and message as node, before any request is made.
const fs = require('fs');
const cb = () => {};
const cases = [
  ['open', [42, cb]], ['open', ['/x', 'rw', cb]], ['open', ['/x', 'r', 'abc', cb]], ['open', ['/x', 'r', -1, cb]], ['open', ['/x']],
  ['close', ['1', cb]], ['close', [-1, cb]], ['close', [1, 'cb']],
  ['read', ['1', Buffer.alloc(1), 0, 1, 0, cb]], ['read', [0, 'x', 0, 1, 0, cb]], ['read', [0, Buffer.alloc(4), 5, 1, 0, cb]],
  ['read', [0, Buffer.alloc(4), 0, 9, 0, cb]], ['read', [0, Buffer.alloc(4), 0, 1, 1.5, cb]], ['read', [0, Buffer.alloc(4), 0, 1, -2, cb]],
  ['read', [0, Buffer.alloc(4), 0, 1, 2n ** 63n, cb]], ['read', [0, Buffer.alloc(4), 0, 1, 0]], ['read', [0, 5, cb]],
  ['write', ['x', Buffer.alloc(1), cb]], ['write', [1, 123, cb]], ['write', [1, Buffer.alloc(2), 3, cb]], ['write', [1, Buffer.alloc(2), 0, 3, cb]],
  ['write', [1, Buffer.alloc(2), -1, cb]], ['write', [1, 'abc', 0, 'hex', cb]], ['write', [1, 'x']],
  ['writev', [1, [1], cb]], ['writev', [1, 'x', cb]], ['readv', [-3, [], cb]],
  ['fsync', [-1, cb]], ['fdatasync', ['0', cb]], ['ftruncate', [0, 'x', cb]], ['ftruncate', [0, 1.5, cb]],
  ['fchmod', [0, 'z', cb]], ['fchmod', [0, 2 ** 33, cb]], ['fchown', [0, -2, 0, cb]], ['fchown', [0, 0, 'g', cb]], ['futimes', [0, 'a', 1, cb]],
  ['mkdir', ['/x', { recursive: 'yes' }, cb]], ['mkdir', ['/x', { mode: 'xyz' }, cb]], ['mkdir', [null, cb]], ['mkdir', ['/x']],
  ['readdir', ['/x', { encoding: 'nope' }, cb]], ['readdir', ['/x', 7, cb]], ['readdir', ['/x', { recursive: 1 }, cb]],
  ['rm', [7, cb]], ['rm', ['/x', { force: 'yes' }, cb]], ['rm', ['/x', { recursive: 1 }, cb]], ['rm', ['/x', { maxRetries: -1 }, cb]], ['rm', ['/x', 'opts', cb]],
  ['rmdir', [{}, cb]], ['unlink', ['a\0b', cb]], ['unlink', ['/x']],
  ['rename', [1, '/y', cb]], ['rename', ['/x', 2, cb]], ['link', ['/x', null, cb]], ['symlink', ['/x', '/y', 'nope', cb]], ['symlink', [5, '/y', cb]],
  ['readlink', ['/x', 5, cb]], ['realpath', [5, cb]], ['realpath', ['/x']], ['mkdtemp', [5, cb]], ['mkdtemp', ['/tmp/x', 'bad-enc', cb]],
  ['copyFile', ['/x', 5, cb]], ['copyFile', ['/x', '/y', 9, cb]], ['copyFile', ['/x', '/y', 'x', cb]], ['copyFile', ['/x', '/y']],
  ['access', ['/x', -1, cb]], ['access', ['/x', 'r', cb]], ['access', [new URL('http://h/x'), cb]], ['exists', ['/x']],
  ['chmod', ['/x', 'rwx', cb]], ['chmod', ['/x', null, cb]], ['chown', ['/x', 1.5, 0, cb]], ['lchown', ['/x', 0, 2 ** 32, cb]],
  ['utimes', ['/x', 'now', 1, cb]], ['utimes', ['/x', 1, {}, cb]], ['lutimes', ['/x', 1, 1]],
  ['truncate', ['/x', 'big', cb]], ['truncate', ['/x', 1.5, cb]], ['truncate', ['/x', 1]],
  ['writeFile', ['/x', 5, cb]], ['writeFile', ['/x', 'a', { flush: 1 }, cb]], ['writeFile', ['/x', 'a', { signal: 'no' }, cb]], ['writeFile', ['/x', 'a']],
  ['appendFile', ['/x', {}, cb]], ['appendFile', ['/x', 'a', 5, cb]],
];
for (const [name, args] of cases) {
  try {
    fs[name](...args);
    console.log(name, 'did not throw');
  } catch (err) {
    console.log(name, String(err), err.code);
  }
}
