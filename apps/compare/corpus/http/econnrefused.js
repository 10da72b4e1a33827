// http.get to a closed port: 'error' on the request with ECONNREFUSED.
const http = require('http');
const req = http.get('http://127.0.0.1:1/', () => console.log('unexpected response'));
req.on('error', (e) => {
  console.log('message:', e.message);
  console.log('code:', e.code, 'errno:', e.errno, 'syscall:', e.syscall, 'address:', e.address, 'port:', e.port);
});
req.on('close', () => console.log('request close, destroyed:', req.destroyed));
