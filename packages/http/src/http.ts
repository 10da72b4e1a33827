/**
 * node:http on llhttp, over our own net (transport.ts: @mini/net or a load error).
 */
import { callableClass, type CallableClass } from '@mini/sys';
import { Agent as AgentClass } from './agent.js';
import { ClientRequest as ClientRequestClass } from './client.js';
import { IncomingMessage as IncomingMessageClass } from './incoming.js';
import { OutgoingMessage as OutgoingMessageClass } from './outgoing.js';
import { ServerResponse as ServerResponseClass } from './server-response.js';
import { Server as ServerClass } from './server.js';

export { METHODS, STATUS_CODES, maxHeaderSize, validateHeaderName, validateHeaderValue } from './common.js';
export { createServer, _connectionListener } from './server.js';
export { setMaxIdleHTTPParsers } from './parser/pool.js';
export { globalAgent } from './agent.js';
export { request, get, type RequestOptions } from './client.js';
export { type AgentOptions } from './agent.js';
export { type ServerOptions } from './server.js';

// The classes as Node exports them: callable without `new` and inheritable
// the old way, `util.inherits(X, http.Server)` with `http.Server.call(this)`.
export const Agent: CallableClass<typeof AgentClass> = callableClass(AgentClass, 'Agent');
export const ClientRequest: CallableClass<typeof ClientRequestClass> = callableClass(ClientRequestClass, 'ClientRequest');
export const IncomingMessage: CallableClass<typeof IncomingMessageClass> = callableClass(IncomingMessageClass, 'IncomingMessage');
export const OutgoingMessage: CallableClass<typeof OutgoingMessageClass> = callableClass(OutgoingMessageClass, 'OutgoingMessage');
export const ServerResponse: CallableClass<typeof ServerResponseClass> = callableClass(ServerResponseClass, 'ServerResponse');
export const Server: CallableClass<typeof ServerClass> = callableClass(ServerClass, 'Server');
export type Agent = AgentClass;
export type ClientRequest = ClientRequestClass;
export type IncomingMessage = IncomingMessageClass;
export type OutgoingMessage = OutgoingMessageClass;
export type ServerResponse = ServerResponseClass;
export type Server = ServerClass;
