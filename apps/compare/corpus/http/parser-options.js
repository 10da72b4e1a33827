// insecureHTTPParser and joinDuplicateHeaders: checked as booleans, kept on
// the server, the request and the message as Node keeps them.
const http = require('http');
for (const v of [1, 'yes', null, {}]) {
  for (const name of ['insecureHTTPParser', 'joinDuplicateHeaders']) {
    try {
      http.createServer({ [name]: v });
      console.log('server ok', name, v);
    } catch (e) {
      console.log('server', e.name, e.code, e.message);
    }
    try {
      http.request({ port: 1, [name]: v }).on('error', () => {}).destroy();
      console.log('request ok', name, v);
    } catch (e) {
      console.log('request', e.name, e.code, e.message);
    }
  }
}
console.log('server', http.createServer().insecureHTTPParser, http.createServer().joinDuplicateHeaders);
const s = http.createServer({ insecureHTTPParser: true, joinDuplicateHeaders: false });
console.log('server', s.insecureHTTPParser, s.joinDuplicateHeaders);
const r = http.request({ port: 1, insecureHTTPParser: false, joinDuplicateHeaders: true });
r.on('error', () => {});
console.log('request', r.insecureHTTPParser, r.joinDuplicateHeaders);
r.destroy();
const r2 = http.request({ port: 1 });
r2.on('error', () => {});
console.log('request', r2.insecureHTTPParser, r2.joinDuplicateHeaders);
r2.destroy();
const m = new http.IncomingMessage(null);
console.log('message', m.joinDuplicateHeaders, Object.keys(m).includes('joinDuplicateHeaders'));
console.log('http.insecureHTTPParser', 'insecureHTTPParser' in http);
