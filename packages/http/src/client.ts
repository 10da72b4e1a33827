/**
 * ClientRequest: an outgoing request and the parsing of its response.
 *
 * The socket comes from the agent (pooled) or from `createConnection`. It
 * is attached on the next tick (`onSocket`), when a response parser is
 * bound to it; writes made before then wait in outputData. When the
 * response has ended and the request finished, a keep-alive socket is
 * detached and emits 'free' for the agent to reuse.
 */
import { checkIsHttpToken, connResetException, errorCode } from './common.js';
import { Agent, globalAgent, type ConnectOptions } from './agent.js';
import type { IncomingMessage } from './incoming.js';
import { parserOnBody, parserOnHeadersComplete, parserOnMessageComplete } from './incoming-parser.js';
import { OutgoingMessage, type HeaderList, type HeaderValue, type HttpSocket } from './outgoing.js';
import { HTTPParser, RESPONSE, insecureHTTPParserFlag, type ParserOwner } from './parser/parser.js';
import { maxHeaderSize } from './common.js';
import { ReflectApply, codedError, copyProperties, invalidArgType, validateBoolean, validateString } from '@mini/sys';
import { getTransport, type TransportSocket } from './transport.js';

export interface RequestOptions extends ConnectOptions {
  protocol?: string | null;
  method?: string;
  path?: string | null;
  headers?: Record<string, HeaderValue> | HeaderList;
  insecureHTTPParser?: boolean;
  joinDuplicateHeaders?: boolean;
  auth?: string | null;
  agent?: Agent | boolean;
  defaultPort?: number;
  timeout?: number;
  setHost?: boolean;
  createConnection?: (options: ConnectOptions, cb?: () => void) => TransportSocket;
  maxHeaderSize?: number;
  signal?: AbortSignal;
}

type ResponseListener = (res: IncomingMessage) => void;

const NO_BODY_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
/** Node refuses a path with control characters or spaces in it. */
function hasUnescapedChar(path: string): boolean {
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) <= 0x20) return true;
  return false;
}

type ClientSocket = HttpSocket & { _hadError?: boolean; parser?: HTTPParser | null };

export class ClientRequest extends OutgoingMessage implements ParserOwner {
  method: string;
  path: string;
  host: string;
  protocol: string;
  res: IncomingMessage | null = null;
  aborted = false;
  reusedSocket = false;
  upgradeOrConnect = false;
  timeout: number | undefined;
  maxHeadersCount: number | null = null;
  insecureHTTPParser: boolean | undefined;
  joinDuplicateHeaders: boolean | undefined;
  override agent: Agent | undefined;
  _connectOptions: ConnectOptions;
  _createConnection: ((options: ConnectOptions, cb?: () => void) => TransportSocket) | undefined;
  private parser: HTTPParser | null = null;
  private readonly maxHeaderSize: number;
  private _error: Error | undefined;

  constructor(input: string | URL | RequestOptions, options?: RequestOptions | ResponseListener, cb?: ResponseListener) {
    super();
    let opts: RequestOptions;
    if (typeof input === 'string' || input instanceof URL) {
      opts = urlToOptions(typeof input === 'string' ? new URL(input) : input);
      if (typeof options === 'function') cb = options;
      else if (options) opts = copyProperties<RequestOptions>(opts, options);
    } else {
      if (typeof options === 'function') cb = options;
      opts = copyProperties(input);
    }

    let agent = opts.agent;
    // https.request passes its own global agent (and with it 'https:' and 443).
    const defaultAgent = (opts as { _defaultAgent?: Agent })._defaultAgent ?? globalAgent;
    if (agent === false) agent = new (defaultAgent.constructor as typeof Agent)();
    else if (agent === null || agent === undefined || agent === true) {
      if (typeof opts.createConnection !== 'function') agent = defaultAgent;
    }
    this.agent = agent instanceof Agent || (agent && typeof agent === 'object') ? (agent as Agent) : undefined;

    const expected = this.agent?.protocol ?? defaultAgent.protocol;
    const protocol = opts.protocol || expected;
    if (protocol !== expected) {
      throw errorCode(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expected}"`);
    }
    this.protocol = protocol;
    const defaultPort = opts.defaultPort || this.agent?.defaultPort || defaultAgent.defaultPort || 80;
    const port = (opts.port = opts.port || defaultPort || 80);
    const host = (opts.host = validateHost(opts.hostname, 'hostname') || validateHost(opts.host, 'host') || 'localhost');
    this.host = host;
    this.timeout = opts.timeout;
    this.maxHeaderSize = opts.maxHeaderSize ?? maxHeaderSize;
    if (opts.insecureHTTPParser !== undefined) validateBoolean(opts.insecureHTTPParser, 'options.insecureHTTPParser');
    this.insecureHTTPParser = opts.insecureHTTPParser;
    if (opts.joinDuplicateHeaders !== undefined) validateBoolean(opts.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
    this.joinDuplicateHeaders = opts.joinDuplicateHeaders;

    const path = opts.path || '/';
    if (hasUnescapedChar(path)) {
      throw errorCode(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    }
    this.path = path;

    // A method that is not a string is a type error; an empty one means GET.
    const method: unknown = opts.method;
    if (method != null) validateString(method, 'options.method');
    if (method && !checkIsHttpToken(method)) throw codedError('ERR_INVALID_HTTP_TOKEN', 'Method', method);
    this.method = method ? method.toUpperCase() : 'GET';
    this.useChunkedEncodingByDefault = !NO_BODY_BY_DEFAULT.has(this.method);

    if (cb) this.once('response', cb);

    if (this.agent) {
      // Keep-alive is only asked for when the agent will actually reuse the socket.
      if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
        this._last = true;
        this.shouldKeepAlive = false;
      } else {
        this._last = false;
        this.shouldKeepAlive = true;
      }
    } else {
      this.shouldKeepAlive = false;
    }

    const headers = opts.headers;
    if (Array.isArray(headers)) {
      // A list is the head as given: stored now, no Host or Authorization added.
      this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, headers, true);
    } else {
      if (headers) for (const key of Object.keys(headers)) this.setHeader(key, (headers as Record<string, HeaderValue>)[key]!);
      if (opts.setHost !== false && !this.getHeader('host')) {
        let hostHeader = host;
        // IPv6 literals are bracketed in Host.
        if (hostHeader.includes(':') && !hostHeader.startsWith('[')) hostHeader = `[${hostHeader}]`;
        if (port && +port !== defaultPort) hostHeader += ':' + String(port);
        this.setHeader('Host', hostHeader);
      }
      if (opts.auth && !this.getHeader('Authorization')) {
        this.setHeader('Authorization', 'Basic ' + Buffer.from(opts.auth).toString('base64'));
      }
      // Expect (100-continue) sends the head at once: the body waits for the go-ahead.
      if (this.getHeader('expect')) this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._outHeaders, false);
    }

    if (opts.signal) {
      const signal = opts.signal;
      if (signal.aborted) process.nextTick(() => this.destroy(abortError(signal)));
      else signal.addEventListener('abort', () => this.destroy(abortError(signal)), { once: true });
    }

    this._connectOptions = copyProperties<ConnectOptions>(opts, { host, port });
    this._createConnection = opts.createConnection;
    if (this.agent) {
      this.agent.addRequest(this, this._connectOptions);
    } else {
      const create = opts.createConnection ?? ((o: ConnectOptions) => getTransport().connect(o));
      this.onSocket(create(this._connectOptions) as HttpSocket);
    }
  }

  override _implicitHeader(): void {
    if (this._header) throw errorCode(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot render headers after they are sent to the client');
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._outHeaders, false);
  }

  onSocket(socket: HttpSocket, err?: Error): void {
    process.nextTick(() => this.tickOnSocket(socket as ClientSocket, err));
  }

  private tickOnSocket(socket: ClientSocket, err?: Error): void {
    if (err) {
      this.emit('error', err);
      return;
    }
    if (this.destroyed) {
      socket.destroy(this._error);
      this.socket = socket;
      this.attach(socket);
      return;
    }
    this.attach(socket);
    this.emit('socket', socket);
    this._flushOnAssign(socket);
  }

  private attach(socket: ClientSocket): void {
    const parser = new HTTPParser(RESPONSE, this, this.maxHeaderSize, this.insecureHTTPParser ?? insecureHTTPParserFlag());
    this.parser = parser;
    this.socket = socket;
    socket.parser = parser;
    socket._httpMessage = this;
    socket._hadError = false;
    socket.on('error', this.onSocketError);
    socket.on('data', this.onSocketData);
    socket.on('end', this.onSocketEnd);
    socket.on('close', this.onSocketClose);
    socket.on('drain', this.onSocketDrain);
    if (this.timeout !== undefined) this.setTimeout(this.timeout);
    else if (this.agent?.options.timeout) socket.on('timeout', this.onSocketTimeout);
  }

  private detach(socket: ClientSocket): void {
    socket.removeListener('error', this.onSocketError);
    socket.removeListener('data', this.onSocketData);
    socket.removeListener('end', this.onSocketEnd);
    socket.removeListener('close', this.onSocketClose);
    socket.removeListener('drain', this.onSocketDrain);
    socket.removeListener('timeout', this.onSocketTimeout);
    this.freeParser(socket);
  }

  private freeParser(socket: ClientSocket): void {
    if (this.parser !== null) {
      this.parser.free();
      this.parser = null;
    }
    socket.parser = null;
  }

  override setTimeout(ms: number, cb?: () => void): this {
    if (cb) this.once('timeout', cb);
    this.timeout = ms;
    const apply = (s: TransportSocket): void => {
      s.setTimeout(ms);
      s.removeListener('timeout', this.onSocketTimeout);
      if (ms > 0) s.on('timeout', this.onSocketTimeout);
    };
    if (this.socket) apply(this.socket);
    return this;
  }

  setNoDelay(noDelay?: boolean): void {
    this._deferToConnect('setNoDelay', [noDelay]);
  }

  setSocketKeepAlive(enable?: boolean, initialDelay?: number): void {
    this._deferToConnect('setKeepAlive', [enable, initialDelay]);
  }

  clearTimeout(cb?: () => void): void {
    this.setTimeout(0, cb);
  }

  /** A socket method called once the socket is there and writable (connected, or still connecting and buffering). */
  _deferToConnect(method: 'setNoDelay' | 'setKeepAlive' | null, args: unknown[]): void {
    const call = (): void => {
      if (method !== null) ReflectApply(this.socket![method] as (...a: unknown[]) => unknown, this.socket, args);
    };
    const onSocket = (): void => {
      if (this.socket!.writable) call();
      else this.socket!.once('connect', call);
    };
    if (this.socket === null) this.once('socket', onSocket);
    else onSocket();
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit('abort'));
    this.destroy();
  }

  override destroy(err?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res) this.res._dump();
    this._error = err;
    this.socket?.destroy(err);
    return this;
  }

  // Socket events

  private readonly onSocketTimeout = (): void => {
    this.emit('timeout');
  };

  private readonly onSocketDrain = (): void => {
    if (this._needDrain) {
      this._needDrain = false;
      this.emit('drain');
    }
  };

  private readonly onSocketError = (err: Error): void => {
    const socket = this.socket as ClientSocket;
    if (!socket._hadError) {
      socket._hadError = true;
      this.emit('error', err);
    }
    this.freeParser(socket);
    socket.destroy();
  };

  private readonly onSocketData = (d: Buffer): void => {
    const socket = this.socket as ClientSocket;
    const parser = this.parser;
    if (parser === null) return;
    const ret = parser.execute(d);
    if (typeof ret !== 'number') {
      this.freeParser(socket);
      socket.destroy();
      socket._hadError = true;
      this.emit('error', ret);
      return;
    }
    if (parser.upgraded && this.res !== null && this.res.upgrade) {
      const res = this.res;
      this.detach(socket);
      const head = d.subarray(ret);
      const event = this.method === 'CONNECT' ? 'connect' : 'upgrade';
      if (this.listenerCount(event) > 0) {
        this.upgradeOrConnect = true;
        socket.emit('agentRemove');
        socket._httpMessage = null;
        (socket as unknown as { readableFlowing: boolean | null }).readableFlowing = null;
        this.emit(event, res, socket, head);
        this.destroyed = true;
        this._closed = true;
        this.emit('close');
      } else {
        socket.destroy();
      }
    }
  };

  private readonly onSocketEnd = (): void => {
    const socket = this.socket as ClientSocket;
    if (!this.res && !socket._hadError) {
      socket._hadError = true;
      this.emit('error', connResetException('socket hang up'));
    }
    if (this.parser) this.parser.finish();
    this.freeParser(socket);
    socket.destroy();
  };

  private readonly onSocketClose = (): void => {
    const socket = this.socket as ClientSocket;
    const res = this.res;
    this.destroyed = true;
    if (res) {
      if (!res.complete) res.destroy(connResetException('aborted'));
      this._closed = true;
      this.emit('close');
      if (!res.aborted && res.readable) res.push(null);
    } else {
      if (!socket._hadError) {
        socket._hadError = true;
        this.emit('error', this._error ?? connResetException('socket hang up'));
      }
      this._closed = true;
      this.emit('close');
    }
    this.outputData = [];
    if (this.parser) this.parser.finish();
    this.freeParser(socket);
  };

  // Parser events (the response)

  onHeadersComplete(parser: HTTPParser): number {
    const socket = this.socket as ClientSocket;
    if (this.res) {
      // A second response to one request: the peer is not speaking HTTP to us.
      socket.destroy();
      return 0;
    }
    const res = parserOnHeadersComplete(parser, socket, this.maxHeadersCount, this.joinDuplicateHeaders);
    res.statusCode = parser.statusCode;
    res.statusMessage = parser.statusMessage();
    res.upgrade = parser.upgrade;
    this.res = res;
    if (res.upgrade) return 2;
    if (this.method === 'CONNECT') {
      res.upgrade = true;
      return 2;
    }
    const status = parser.statusCode;
    if (status >= 100 && status < 200 && status !== 101) {
      this.res = null;
      if (status === 100) this.emit('continue');
      this.emit('information', {
        statusCode: status,
        statusMessage: res.statusMessage,
        httpVersion: res.httpVersion,
        httpVersionMajor: res.httpVersionMajor,
        httpVersionMinor: res.httpVersionMinor,
        headers: res.headers,
        rawHeaders: res.rawHeaders,
      });
      return 1;
    }
    if (this.shouldKeepAlive && !parser.shouldKeepAlive && !this.upgradeOrConnect) this.shouldKeepAlive = false;
    (res as IncomingMessage & { req: ClientRequest }).req = this;
    res.on('end', this.onResponseEnd);
    this.on('finish', this.onRequestFinish);
    if (this.aborted || !this.emit('response', res)) res._dump();
    if (this.method === 'HEAD') return 1;
    if (status === 304) {
      res.complete = true;
      return 1;
    }
    return 0;
  }

  onBody(chunk: Buffer): void {
    parserOnBody(this.res, chunk);
  }

  onMessageComplete(parser: HTTPParser): void {
    if (this.res !== null) parserOnMessageComplete(this.res, parser);
  }

  private readonly onResponseEnd = (): void => {
    const socket = this.socket as ClientSocket | null;
    if (socket === null) return;
    if (!this.shouldKeepAlive) {
      if (socket.writable) {
        if (typeof socket.destroySoon === 'function') socket.destroySoon();
        else socket.end();
      }
    } else if (this.writableFinished && !this.aborted) {
      this.responseKeepAlive();
    }
  };

  private readonly onRequestFinish = (): void => {
    if (this.shouldKeepAlive && this.res?.readableEnded) this.responseKeepAlive();
  };

  private responseKeepAlive(): void {
    const socket = this.socket as ClientSocket | null;
    if (socket === null || socket._httpMessage !== this) return;
    this.detach(socket);
    socket.setTimeout(0);
    this.destroyed = true;
    process.nextTick(() => {
      this._closed = true;
      this.emit('close');
      socket._httpMessage = null;
      socket.emit('free', socket, this._connectOptions);
    });
  }
}

function validateHost(host: unknown, name: string): string | undefined {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw invalidArgType(`options.${name}`, 'string', host);
  }
  return host ?? undefined;
}

export function urlToOptions(url: URL): RequestOptions {
  const options: RequestOptions = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    path: `${url.pathname || ''}${url.search || ''}`,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

function abortError(signal: AbortSignal): Error {
  const err = new Error('The operation was aborted', { cause: signal.reason }) as Error & { code: string };
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

export function request(
  url: string | URL | RequestOptions,
  options?: RequestOptions | ResponseListener,
  cb?: ResponseListener,
): ClientRequest {
  return new ClientRequest(url, options, cb);
}

export function get(url: string | URL | RequestOptions, options?: RequestOptions | ResponseListener, cb?: ResponseListener): ClientRequest {
  const req = request(url, options, cb);
  req.end();
  return req;
}
