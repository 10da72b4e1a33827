// options.method: a string that is an HTTP token (upper-cased), an empty or
// missing one meaning GET; anything else is a type error, a bad token its
// own error, both thrown before any socket is made.
const http = require('http');
const tries = [5, {}, true, 'GE T', 'get\n', '', null, undefined, 'patch', 'M-SEARCH'];
for (const method of tries) {
  try {
    const req = http.request({ host: '127.0.0.1', port: 1, method, agent: false });
    console.log(JSON.stringify(method), '->', req.method);
    req.on('error', () => {});
    req.destroy();
  } catch (err) {
    console.log(JSON.stringify(method), '->', err.name, err.code, err.message);
  }
}
