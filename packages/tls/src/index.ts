// The handle layer (OpenSSL binding, SecureContext, the TLSWrap record pump) and node:tls built on it.
export * as tls from './tls.js';
export { TLSSocket as TLSSocketClass } from './tls-socket.js';
export { Server as TLSServerClass, type TLSServerOptions } from './server.js';
export { TLSWrap } from './handles/tls-wrap.js';
export { JSStreamHandle } from './handles/js-stream.js';
export { SecureContextHandle } from './handles/secure-context.js';
export { SecureContext, createSecureContext, translatePeerCertificate } from './secure-context.js';
export { createTls, createTlsCommon, createTlsWrap } from './module.js';
