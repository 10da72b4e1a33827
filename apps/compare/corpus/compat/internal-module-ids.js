// The internal module ids packages require are the classes node:http
// exports; http2 loads (its functions throw until it is ours), and the
// old stream ids are node:stream's classes.
const http = require('http');
const pairs = [
  ['_http_agent', 'Agent'],
  ['_http_client', 'ClientRequest'],
  ['_http_incoming', 'IncomingMessage'],
  ['_http_outgoing', 'OutgoingMessage'],
  ['_http_server', 'Server'],
  ['_http_server', 'ServerResponse'],
];
for (const [id, name] of pairs) console.log(id, name, require(id)[name] === http[name]);
console.log('_http_agent globalAgent', require('_http_agent').globalAgent === http.globalAgent);
const common = require('_http_common');
console.log('_http_common', common.methods === http.METHODS, common._checkIsHttpToken('Content-Type'), common._checkIsHttpToken('bad header'), JSON.stringify(common.CRLF));
console.log('_http_common expressions', common.chunkExpression.test('gzip, chunked'), common.continueExpression.test('100-continue'));
const stream = require('stream');
for (const [id, name] of [['_stream_readable', 'Readable'], ['_stream_writable', 'Writable'], ['_stream_duplex', 'Duplex'], ['_stream_transform', 'Transform'], ['_stream_passthrough', 'PassThrough']]) {
  console.log(id, require(id) === stream[name]);
}
const http2 = require('http2');
console.log('http2 loads', typeof http2.createServer, typeof http2.constants, http2.constants.HTTP2_HEADER_STATUS);
