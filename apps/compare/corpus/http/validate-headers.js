// validateHeaderName / validateHeaderValue and setHeader's checks.
const http = require('http');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, '-> ok');
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}
attempt('name ""', () => http.validateHeaderName(''));
attempt('name "a b"', () => http.validateHeaderName('a b'));
attempt('name "x-ok"', () => http.validateHeaderName('x-ok'));
attempt('name "ü"', () => http.validateHeaderName('\u00fc'));
attempt('name 5', () => http.validateHeaderName(5));
attempt('value undefined', () => http.validateHeaderValue('x', undefined));
attempt('value with newline', () => http.validateHeaderValue('x', 'a\nb'));
attempt('value fine', () => http.validateHeaderValue('x', 'a b\tc'));
const res = new http.ServerResponse(new http.IncomingMessage(null));
attempt('setHeader bad name', () => res.setHeader('bad name', 'v'));
attempt('setHeader bad value', () => res.setHeader('x', 'a\r\nb'));
attempt('setHeader undefined', () => res.setHeader('x', undefined));
attempt('getHeader 1', () => res.getHeader(1));
attempt('writeHead 99', () => res.writeHead(99));
attempt('writeHead 1000', () => res.writeHead(1000));
