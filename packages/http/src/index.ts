export * as http from './http.js';
// Which net the protocol runs over (ours by default; host node:net in some tests).
export { setTransport, getTransport, type Transport } from './transport.js';
