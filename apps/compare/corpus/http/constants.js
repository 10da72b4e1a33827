// http.STATUS_CODES and http.METHODS samples, and other exported values.
const http = require('http');
for (const code of [100, 101, 200, 201, 204, 301, 304, 400, 401, 404, 418, 429, 500, 503, 999]) {
  console.log(code, JSON.stringify(http.STATUS_CODES[code]));
}
console.log('status codes:', Object.keys(http.STATUS_CODES).length);
console.log('methods:', http.METHODS.length, http.METHODS.slice(0, 6).join(','), http.METHODS.includes('PATCH'), http.METHODS.includes('QUERY'));
console.log('sorted:', http.METHODS.join(',') === [...http.METHODS].sort().join(','));
console.log('maxHeaderSize:', http.maxHeaderSize);
console.log('globalAgent is an Agent:', http.globalAgent instanceof http.Agent);
console.log('exports:', ['Agent', 'ClientRequest', 'IncomingMessage', 'OutgoingMessage', 'Server', 'ServerResponse', 'createServer', 'get', 'request', 'validateHeaderName', 'validateHeaderValue', 'setMaxIdleHTTPParsers'].map((k) => `${k}:${typeof http[k]}`).join(' '));
