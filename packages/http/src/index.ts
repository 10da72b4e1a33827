export * as http from './http.js';
// The net the protocol runs over: always ours (see transport.ts).
export { getTransport, type Transport } from './transport.js';
export { httpInternalModules } from './internal-modules.js';
