// A watch that cannot start throws an error with Node's keys in Node's order
// (errno, syscall, code, path, filename), for a string and a Buffer path.
const fs = require('fs');
for (const p of ['/nonexistent-dir/x', Buffer.from('/nonexistent-dir/y')]) {
  try {
    fs.watch(p);
  } catch (err) {
    console.log(Object.keys(err), err.message, typeof err.path, Buffer.isBuffer(err.filename));
  }
}
