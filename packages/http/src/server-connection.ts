/**
 * One accepted connection on an http Server: its parser, the requests that
 * arrived and are not answered yet, and the responses waiting for the
 * socket.
 *
 *   socket ──data──▶ parser ──headers──▶ IncomingMessage + ServerResponse
 *                                        ('request' / 'checkContinue')
 *   responses answer in arrival order: only `outgoing`'s head owns the
 *   socket; each 'finish' hands it to the next (pipelining), or arms the
 *   keep-alive timeout, or ends the connection.
 *
 * Malformed input (llhttp errors, oversized heads, expired timeouts) goes
 * to `socketOnError`: 'clientError' if anyone listens, else Node's canned
 * 400/408/413/431 and a destroy.
 */
import { errorCode } from './common.js';
import type { IncomingMessage } from './incoming.js';
import { parserOnBody, parserOnHeadersComplete, parserOnMessageComplete } from './incoming-parser.js';
import type { HttpSocket } from './outgoing.js';
import { HTTPParser, REQUEST, insecureHTTPParserFlag, type ParseError, type ParserOwner } from './parser/parser.js';
import { ServerResponse } from './server-response.js';
import type { Server } from './server.js';
import { DateNow } from '@mini/sys';
import { SocketClass, consumeData } from '@mini/net';

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const HEADER_TOO_LARGE = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const CHUNK_EXT_TOO_LARGE = 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';
const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

const RE_CONTINUE = /(?:^|\W)100-continue(?:$|\W)/i;

export class ServerConnection implements ParserOwner {
  readonly server: Server;
  readonly socket: HttpSocket;
  parser: HTTPParser | null;
  /** Requests whose responses have not finished, oldest first. */
  readonly incoming: IncomingMessage[] = [];
  /** Responses waiting for the socket behind the one that has it. */
  readonly outgoing: ServerResponse[] = [];
  /** The message being parsed (its body goes here). */
  current: IncomingMessage | null = null;
  /** When the message in progress (or the connection) started: the clock for headersTimeout/requestTimeout. */
  messageStart: number;
  active = true;
  headersDone = false;
  keepAliveTimeoutSet = false;
  requestsCount = 0;

  private readonly onData = (d: Buffer): void => this.data(d);
  private readonly onEnd = (): void => this.end();
  private readonly onError = (e: Error): void => this.socketOnError(e);
  private readonly onClose = (): void => this.close();
  private readonly onTimeout = (): void => this.timeout();
  private readonly onDrain = (): void => {
    const msg = this.socket._httpMessage;
    if (msg && msg._needDrain) {
      msg._needDrain = false;
      msg.emit('drain');
    }
  };

  constructor(server: Server, socket: HttpSocket) {
    this.server = server;
    this.socket = socket;
    this.parser = new HTTPParser(REQUEST, this, server.maxHeaderSize, server.insecureHTTPParser ?? insecureHTTPParserFlag());
    this.messageStart = DateNow();
    if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
    socket.on('timeout', this.onTimeout);
    socket.on('data', this.onData);
    // While nothing else listens, the reads come to the parser without a 'data' event, as in Node.
    if (socket instanceof SocketClass) consumeData(socket, this.onData);
    socket.on('end', this.onEnd);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('drain', this.onDrain);
    (socket as unknown as { server: Server }).server = server;
  }

  // Socket events

  private data(d: Buffer): void {
    const parser = this.parser;
    if (parser === null) return;
    if (this.keepAliveTimeoutSet) {
      this.socket.setTimeout(this.server.timeout || 0);
      this.keepAliveTimeoutSet = false;
    }
    const ret = parser.execute(d);
    if (typeof ret !== 'number') {
      this.socketOnError(ret);
      return;
    }
    if (parser.upgraded && this.current !== null && this.current.upgrade) this.upgrade(this.current, d.subarray(ret));
    else if (parser.upgraded && ret < d.length && this.parser !== null) {
      // An Upgrade nobody takes: the connection stays HTTP.
      parser.upgraded = false;
      this.data(d.subarray(ret));
    }
  }

  private end(): void {
    const parser = this.parser;
    if (parser !== null) {
      const ret = parser.finish();
      if (typeof ret !== 'number') {
        this.socketOnError(ret);
        return;
      }
    }
    const socket = this.socket;
    if (!this.server.httpAllowHalfOpen) {
      if (socket.writable) socket.end();
    } else if (this.outgoing.length) {
      this.outgoing[this.outgoing.length - 1]!._last = true;
    } else if (socket._httpMessage) {
      socket._httpMessage._last = true;
    } else if (socket.writable) {
      socket.end();
    }
  }

  private close(): void {
    this.server.httpConnections.delete(this);
    this.freeParser();
    // Requests still in flight lose their connection.
    while (this.incoming.length) {
      const req = this.incoming.shift()!;
      const err = new Error('aborted') as Error & { code: string };
      err.code = 'ECONNRESET';
      req.destroy(err);
    }
  }

  private timeout(): void {
    const req = this.current;
    const reqTimeout = req !== null && !req.complete && req.emit('timeout', this.socket);
    const res = this.socket._httpMessage;
    const resTimeout = res != null && res.emit('timeout', this.socket);
    const serverTimeout = this.server.emit('timeout', this.socket);
    if (!reqTimeout && !resTimeout && !serverTimeout) this.socket.destroy();
  }

  socketOnError(e: Error & { code?: string }): void {
    const socket = this.socket;
    // Later errors on this socket are not reported again.
    socket.removeListener('error', this.onError);
    if (socket.listenerCount('error') === 0) socket.on('error', noop);
    this.freeParser();
    if (!this.server.emit('clientError', e, socket)) {
      // Answer only if no response has started on the wire.
      if (socket.writable && (!socket._httpMessage || !socket._httpMessage._headerSent)) {
        let response: string;
        switch (e.code) {
          case 'HPE_HEADER_OVERFLOW':
            response = HEADER_TOO_LARGE;
            break;
          case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
            response = CHUNK_EXT_TOO_LARGE;
            break;
          case 'ERR_HTTP_REQUEST_TIMEOUT':
            response = REQUEST_TIMEOUT;
            break;
          default:
            response = BAD_REQUEST;
        }
        socket.write(response);
      }
      socket.destroy(e);
    }
  }

  /** headersTimeout / requestTimeout expired (from the server's periodic check). */
  requestTimedOut(): void {
    this.active = false;
    this.socketOnError(errorCode(Error, 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
  }

  private freeParser(): void {
    if (this.parser !== null) {
      this.parser.free();
      this.parser = null;
    }
    this.active = false;
  }

  private upgrade(req: IncomingMessage, head: Buffer): void {
    const socket = this.socket;
    socket.removeListener('data', this.onData);
    if (socket instanceof SocketClass) consumeData(socket, undefined);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('close', this.onClose);
    socket.removeListener('drain', this.onDrain);
    socket.removeListener('timeout', this.onTimeout);
    socket.removeListener('error', this.onError);
    this.freeParser();
    this.server.httpConnections.delete(this);
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (this.server.listenerCount(event) > 0) {
      // The handler decides how the socket is read now.
      (socket as unknown as { readableFlowing: boolean | null }).readableFlowing = null;
      this.server.emit(event, req, socket, head);
    } else {
      socket.destroy();
    }
  }

  // Parser events

  onHeadersComplete(parser: HTTPParser): number {
    const socket = this.socket;
    // Node's request shows the server's setting when it is true, else null.
    const req = parserOnHeadersComplete(parser, socket, this.server.maxHeadersCount, this.server.joinDuplicateHeaders || null);
    req.method = parser.method;
    req._urlSource = parser.lazyUrl();
    this.current = req;
    this.headersDone = true;

    if (this.keepAliveTimeoutSet) {
      socket.setTimeout(0);
      this.keepAliveTimeoutSet = false;
    }
    if (parser.upgrade) {
      req.upgrade = req.method === 'CONNECT' || this.server.listenerCount('upgrade') > 0;
      if (req.upgrade) return 2;
    }
    this.incoming.push(req);
    this.requestsCount++;

    const res = new ServerResponse(req);
    res._keepAliveTimeout = this.server.keepAliveTimeout;
    res._maxRequestsPerSocket = this.server.maxRequestsPerSocket;
    res.shouldKeepAlive = parser.shouldKeepAlive;
    const maxRequests = this.server.maxRequestsPerSocket;
    if (maxRequests > 0 && this.requestsCount >= maxRequests) res.maxRequestsOnConnectionReached = true;

    if (socket._httpMessage) this.outgoing.push(res);
    else res.assignSocket(socket);
    res.on('finish', () => this.resOnFinish(req, res));

    const headers = parser.headers;
    let expect = -1;
    let host = false;
    for (let i = 0; i < headers.items; i += 2) {
      if (expect === -1 && headers.itemIs(i, 'expect')) expect = i;
      else if (!host && headers.itemIs(i, 'host') && headers.itemLength(i + 1) > 0) host = true;
    }
    const http11 = req.httpVersionMajor === 1 && req.httpVersionMinor === 1;
    if (!host && http11 && this.server.requireHostHeader) {
      // HTTP/1.1 makes Host mandatory; Node refuses the request before any handler sees it.
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    if (expect !== -1 && headers.items > expect + 1) {
      const value = headers.item(expect + 1);
      if (http11 && RE_CONTINUE.test(value)) {
        res._expect_continue = true;
        if (this.server.listenerCount('checkContinue') > 0) {
          this.server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          this.server.emit('request', req, res);
        }
      } else if (this.server.listenerCount('checkExpectation') > 0) {
        this.server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    } else {
      this.server.emit('request', req, res);
    }
    return 0;
  }

  onBody(chunk: Buffer): void {
    parserOnBody(this.current, chunk);
  }

  onMessageComplete(parser: HTTPParser): void {
    const req = this.current;
    this.active = false;
    this.headersDone = false;
    if (req === null) return;
    parserOnMessageComplete(req, parser);
    // The connection no longer holds a request it has received whole (an
    // upgrade's is still wanted by data()): kept until the next one, each
    // connection's last request outlived a scavenge and was copied by it.
    if (!req.upgrade) this.current = null;
    // The next message's clock starts with its first byte.
    this.messageStart = 0;
  }

  /** Called by the parser's message-begin through the server's check: see Server. */
  onMessageBegin(): void {
    this.active = true;
    this.messageStart = DateNow();
  }

  private resOnFinish(req: IncomingMessage, res: ServerResponse): void {
    const socket = this.socket;
    if (this.incoming[0] === req) this.incoming.shift();
    // A body nobody reads is drained so the next request can be parsed.
    if (!req._consuming && !(req as unknown as { _readableState: { resumeScheduled: boolean } })._readableState.resumeScheduled)
      req._dump();
    res.detachSocket(socket);
    process.nextTick(() => res._emitClose());
    if (res._last) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
    } else if (this.outgoing.length === 0) {
      if (this.server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
        socket.setTimeout(this.server.keepAliveTimeout);
        this.keepAliveTimeoutSet = true;
      }
    } else {
      this.outgoing.shift()!.assignSocket(socket);
    }
  }

  /** Idle: no request being received or answered. */
  get idle(): boolean {
    return this.incoming.length === 0 && !this.active && this.socket._httpMessage == null;
  }
}

function noop(): void {}

export type { ParseError };
