/**
 * The internal module ids packages still require (`_http_agent`,
 * `_http_server`…): each the same classes and functions `node:http`
 * exports, under the names Node's internal modules give them.
 */
import { checkInvalidHeaderChar, checkIsHttpToken } from './common.js';
import * as http from './http.js';

export const httpInternalModules: Record<string, () => Record<string, unknown>> = {
  _http_agent: () => ({ Agent: http.Agent, globalAgent: http.globalAgent }),
  _http_client: () => ({ ClientRequest: http.ClientRequest }),
  _http_common: () => ({
    _checkInvalidHeaderChar: checkInvalidHeaderChar,
    _checkIsHttpToken: checkIsHttpToken,
    chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
    continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
    CRLF: '\r\n',
    // The parser's list, a different array from http.METHODS (Node's is a sorted copy).
    methods: [...http.METHODS],
  }),
  _http_incoming: () => ({ IncomingMessage: http.IncomingMessage }),
  _http_outgoing: () => ({
    OutgoingMessage: http.OutgoingMessage,
    validateHeaderName: http.validateHeaderName,
    validateHeaderValue: http.validateHeaderValue,
  }),
  _http_server: () => ({
    STATUS_CODES: http.STATUS_CODES,
    Server: http.Server,
    ServerResponse: http.ServerResponse,
    _connectionListener: http._connectionListener,
  }),
};
