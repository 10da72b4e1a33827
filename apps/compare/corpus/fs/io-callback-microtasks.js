// Microtasks drain after each I/O callback.
const fs = require('fs');
// Two reads in flight at once complete in either order, so they are chained.
function read(n) {
  fs.readFile(__filename, (err, data) => {
    console.log('read', n, err, data.length > 0);
    process.nextTick(() => console.log('tick after read', n));
    Promise.resolve().then(() => console.log('promise after read', n));
    if (n < 2) read(n + 1);
    else fs.promises.readFile(__filename).then((d) => console.log('promises api', d.length > 0));
  });
}
read(1);
