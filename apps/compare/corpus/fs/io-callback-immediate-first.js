// Inside an I/O callback the check phase is next, so setImmediate always
// runs before setTimeout(0).
const fs = require('fs');
fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
});
