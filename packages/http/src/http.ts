/**
 * node:http on llhttp, over our own net (transport.ts: @mini/net or a load error).
 */
export { METHODS, STATUS_CODES, maxHeaderSize, validateHeaderName, validateHeaderValue } from './common.js';
export { IncomingMessage } from './incoming.js';
export { OutgoingMessage } from './outgoing.js';
export { ServerResponse } from './server-response.js';
export { Server, createServer } from './server.js';
export { setMaxIdleHTTPParsers } from './parser/pool.js';
export { Agent, globalAgent } from './agent.js';
export { ClientRequest, request, get, type RequestOptions } from './client.js';
export { type AgentOptions } from './agent.js';
export { type ServerOptions } from './server.js';
