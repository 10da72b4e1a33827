// An fs error in a callback: code, syscall, errno sign.
const fs = require('fs');
fs.readFile(__dirname + '/no-such-file', (err) => {
  console.log(err.code, err.syscall, err.errno < 0, err.message.split(__dirname).join('.'));
});
try {
  fs.readFileSync(__dirname + '/no-such-file');
} catch (e) {
  console.log('sync', e.code, e.message.split(__dirname).join('.'));
}
