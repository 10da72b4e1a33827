/**
 * OutgoingMessage: what ServerResponse and ClientRequest share — header
 * storage, the head as Node lays it out, and the body framing (chunked,
 * Content-Length, or until close).
 *
 * Output goes to the socket only while this message owns it
 * (`socket._httpMessage === this`); before that (a pipelined response
 * waiting its turn, a request waiting for a pooled socket) writes collect
 * in `outputData` and are flushed on assignment. The head is kept as one
 * string and sent with the first body bytes in a single socket write.
 *
 * Like Node's, it is a legacy Stream (pipe-able), not a stream.Writable.
 */
import { Stream } from 'node:stream';
import { codedError, validateString, adoptable } from '@mini/sys';
import { checkInvalidHeaderChar, utcDate, validateHeaderName, validateHeaderValue } from './common.js';
import type { TransportSocket } from './transport.js';

export type HeaderValue = string | number | readonly string[];
/** Headers as a list: [[name, value], …] pairs or the flat [name, value, name, value, …]. */
export type HeaderList = readonly unknown[];
type WriteCallback = (err?: Error | null) => void;

/** Sockets carry the message that owns them, as in Node. */
export interface HttpSocket extends TransportSocket {
  _httpMessage?: OutgoingMessage | null;
}

interface Pending {
  data: string | Uint8Array;
  encoding: BufferEncoding | undefined;
  callback: WriteCallback | undefined;
}

const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const RE_TE_CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;
const CRLF = '\r\n';

interface HeadState {
  connection: boolean;
  contLen: boolean;
  te: boolean;
  date: boolean;
  expect: boolean;
  trailer: boolean;
  header: string;
}

export class OutgoingMessage extends adoptable(Stream) {
  socket: HttpSocket | null = null;
  outputData: Pending[] = [];
  outputSize = 0;
  writable = true;
  destroyed = false;
  finished = false;
  chunkedEncoding = false;
  useChunkedEncodingByDefault = true;
  shouldKeepAlive = true;
  sendDate = false;
  maxRequestsOnConnectionReached = false;
  _last = false;
  _hasBody = true;
  _contentLength: number | null = null;
  _header: string | null = null;
  _headerSent = false;
  _trailer = '';
  _removedConnection = false;
  _removedContLen = false;
  _removedTE = false;
  _defaultKeepAlive = true;
  _keepAliveTimeout = 0;
  _maxRequestsPerSocket = 0;
  _closed = false;
  _needDrain = false;
  _corked = 0;
  /** Lower-cased name → [name as given, value]. */
  _outHeaders: Record<string, [string, HeaderValue]> | null = null;
  /** Agent-side marker used by ClientRequest. */
  agent: unknown = undefined;
  _writableFinished = false;
  readonly writableHighWaterMark: number = 16 * 1024;

  // Node's accessor pair: nock and other interceptors assign both.
  get connection(): HttpSocket | null {
    return this.socket;
  }

  set connection(socket: HttpSocket | null) {
    this.socket = socket;
  }

  get headersSent(): boolean {
    return this._header !== null;
  }

  get writableEnded(): boolean {
    return this.finished;
  }

  get writableFinished(): boolean {
    return this._writableFinished;
  }

  get writableLength(): number {
    return this.outputSize + (this.socket ? this.socket.writableLength : 0);
  }

  get writableObjectMode(): boolean {
    return false;
  }

  get writableCorked(): number {
    return this._corked;
  }

  get writableNeedDrain(): boolean {
    return !this.destroyed && !this.finished && this._needDrain;
  }

  cork(): void {
    this._corked++;
    this.socket?.cork();
  }

  uncork(): void {
    if (this._corked > 0) this._corked--;
    this.socket?.uncork();
  }

  setTimeout(ms: number, cb?: () => void): this {
    if (cb) this.on('timeout', cb);
    if (this.socket) this.socket.setTimeout(ms);
    else this.once('socket', (s: TransportSocket) => s.setTimeout(ms));
    return this;
  }

  destroy(err?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy(err);
    else this.once('socket', (s: TransportSocket) => s.destroy(err));
    return this;
  }

  // Headers

  setHeader(name: string, value: HeaderValue): this {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    (this._outHeaders ??= Object.create(null) as Record<string, [string, HeaderValue]>)[name.toLowerCase()] = [name, value];
    return this;
  }

  appendHeader(name: string, value: HeaderValue): this {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const headers = (this._outHeaders ??= Object.create(null) as Record<string, [string, HeaderValue]>);
    const key = name.toLowerCase();
    const existing = headers[key];
    if (existing === undefined) {
      headers[key] = [name, value];
    } else {
      const prev = Array.isArray(existing[1]) ? existing[1] : [String(existing[1])];
      existing[1] = prev.concat(Array.isArray(value) ? value : [String(value)]);
    }
    return this;
  }

  getHeader(name: string): HeaderValue | undefined {
    validateString(name, 'name');
    const entry = this._outHeaders?.[name.toLowerCase()];
    return entry?.[1];
  }

  getHeaders(): Record<string, HeaderValue> {
    const out = Object.create(null) as Record<string, HeaderValue>;
    if (this._outHeaders) for (const key of Object.keys(this._outHeaders)) out[key] = this._outHeaders[key]![1];
    return out;
  }

  getHeaderNames(): string[] {
    return this._outHeaders ? Object.keys(this._outHeaders) : [];
  }

  getRawHeaderNames(): string[] {
    return this._outHeaders ? Object.values(this._outHeaders).map((e) => e[0]) : [];
  }

  hasHeader(name: string): boolean {
    return this._outHeaders !== null && this._outHeaders[name.toLowerCase()] !== undefined;
  }

  removeHeader(name: string): void {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'remove');
    const key = name.toLowerCase();
    switch (key) {
      case 'connection':
        this._removedConnection = true;
        break;
      case 'content-length':
        this._removedContLen = true;
        break;
      case 'transfer-encoding':
        this._removedTE = true;
        break;
      case 'date':
        this.sendDate = false;
        break;
    }
    if (this._outHeaders) delete this._outHeaders[key];
  }

  /**
   * `Headers` or `Map`: each entry set as setHeader() would; `set-cookie`
   * entries (the exact lower-case key) collected into one array, so a
   * Headers object's several cookies all go out.
   */
  setHeaders(headers: Headers | Map<string, HeaderValue>): this {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'set');
    if (!(headers instanceof Headers) && !(headers instanceof Map)) {
      throw codedError('ERR_INVALID_ARG_TYPE', 'headers', ['Headers', 'Map'], headers);
    }
    const cookies: string[] = [];
    for (const [key, value] of headers as Map<string, HeaderValue>) {
      if (key === 'set-cookie') {
        if (Array.isArray(value)) for (const v of value as readonly string[]) cookies.push(v);
        else cookies.push(value as string);
      } else {
        this.setHeader(key, value);
      }
    }
    if (cookies.length > 0) this.setHeader('set-cookie', cookies);
    return this;
  }

  /**
   * Replaces the trailers (each call starts over, as Node's does). An array
   * is read as [name, value] pairs: element 0 of each entry is the name.
   */
  addTrailers(headers: Record<string, HeaderValue> | readonly (readonly [string, HeaderValue])[]): void {
    this._trailer = '';
    const pairs = Array.isArray(headers);
    for (const key of Object.keys(headers)) {
      const entry = (headers as Record<string, unknown>)[key];
      const field = (pairs ? (entry as readonly unknown[])[0] : key) as string;
      const value = (pairs ? (entry as readonly unknown[])[1] : entry) as HeaderValue;
      validateHeaderName(field, 'Trailer name');
      if (Array.isArray(value) && value.length > 1) {
        for (const v of value) {
          if (checkInvalidHeaderChar(String(v))) throw codedError('ERR_INVALID_CHAR', 'trailer content', field);
          this._trailer += `${field}: ${String(v)}\r\n`;
        }
      } else {
        if (checkInvalidHeaderChar(String(value))) throw codedError('ERR_INVALID_CHAR', 'trailer content', field);
        this._trailer += `${field}: ${String(value)}\r\n`;
      }
    }
  }

  /** The head, given the first line and the headers (stored ones, or an object from writeHead). */
  _storeHeader(firstLine: string, headers: Record<string, [string, HeaderValue]> | HeaderList | null, validate: boolean): void {
    const state: HeadState = {
      connection: false,
      contLen: false,
      te: false,
      date: false,
      expect: false,
      trailer: false,
      header: firstLine,
    };
    if (headers !== null) {
      if (Array.isArray(headers)) {
        // [[name, value], …] pairs, or Node's flat [name, value, name, value, …].
        if (headers.length > 0 && Array.isArray(headers[0])) {
          for (const pair of headers as readonly (readonly unknown[])[])
            this._processHeader(state, pair[0] as string, pair[1] as HeaderValue, validate);
        } else {
          if (headers.length % 2 !== 0) throw codedError('ERR_INVALID_ARG_VALUE', 'headers', headers);
          for (let i = 0; i < headers.length; i += 2)
            this._processHeader(state, headers[i] as string, headers[i + 1] as HeaderValue, validate);
        }
      } else {
        for (const key in headers) {
          const entry = (headers as Record<string, [string, HeaderValue]>)[key]!;
          this._processHeader(state, entry[0], entry[1], validate);
        }
      }
    }
    let header = state.header;

    if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + CRLF;

    // A 204 or 304 cannot have a chunked body; Node closes instead of framing one.
    const status = (this as unknown as { statusCode?: number }).statusCode;
    if (this.chunkedEncoding && (status === 204 || status === 304)) {
      this.chunkedEncoding = false;
      this.shouldKeepAlive = false;
    }

    if (this._removedConnection) {
      this._last = !this.shouldKeepAlive;
    } else if (!state.connection) {
      const sendKeepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
      if (sendKeepAlive && this.maxRequestsOnConnectionReached) {
        header += 'Connection: close\r\n';
      } else if (sendKeepAlive) {
        header += 'Connection: keep-alive\r\n';
        if (this._keepAliveTimeout && this._defaultKeepAlive) {
          const max = this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
          header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
        }
      } else {
        this._last = true;
        header += 'Connection: close\r\n';
      }
    }

    if (!state.contLen && !state.te) {
      if (!this._hasBody) {
        this.chunkedEncoding = false;
      } else if (!this.useChunkedEncodingByDefault) {
        this._last = true;
      } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
        header += 'Content-Length: ' + this._contentLength + CRLF;
      } else if (!this._removedTE) {
        header += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    }

    if (this.chunkedEncoding !== true && state.trailer) {
      throw codedError('ERR_HTTP_TRAILER_INVALID');
    }
    this._header = header + CRLF;
    this._headerSent = false;
    // Expect: 100-continue sends the head at once, to get the go-ahead.
    if (state.expect) this._send('', 'latin1', undefined);
  }

  private _processHeader(state: HeadState, key: string, value: HeaderValue, validate: boolean): void {
    if (validate) validateHeaderName(key);
    if (Array.isArray(value)) {
      if ((value.length < 2 || !isCookieField(key)) && value.length > 0) {
        for (const v of value) this._processHeader(state, key, v as string, validate);
        return;
      }
      value = value.join('; ');
    }
    if (validate) validateHeaderValue(key, value);
    const str = String(value);
    state.header += key + ': ' + str + CRLF;
    switch (key.length) {
      case 4:
        if (key.toLowerCase() === 'date') state.date = true;
        break;
      case 6:
        if (key.toLowerCase() === 'expect') state.expect = true;
        break;
      case 7:
        if (key.toLowerCase() === 'trailer') state.trailer = true;
        break;
      case 10:
        if (key.toLowerCase() === 'connection') {
          state.connection = true;
          this._removedConnection = false;
          if (RE_CONN_CLOSE.test(str)) this._last = true;
          else this.shouldKeepAlive = true;
        } else if (key.toLowerCase() === 'keep-alive') {
          this._defaultKeepAlive = false;
        }
        break;
      case 14:
        if (key.toLowerCase() === 'content-length') {
          state.contLen = true;
          this._contentLength = +str;
          this._removedContLen = false;
        }
        break;
      case 17:
        if (key.toLowerCase() === 'transfer-encoding') {
          state.te = true;
          this._removedTE = false;
          if (RE_TE_CHUNKED.test(str)) this.chunkedEncoding = true;
        }
        break;
    }
  }

  /** The headers as an object keyed by the names as given (what the head would carry). */
  _renderHeaders(): Record<string, HeaderValue> {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'render');
    const headers: Record<string, HeaderValue> = {};
    if (this._outHeaders !== null) for (const key in this._outHeaders) headers[this._outHeaders[key]![0]] = this._outHeaders[key]![1];
    return headers;
  }

  /** A message is written to, never read: piping from it is an error, as in Node. */
  override pipe<T extends NodeJS.WritableStream>(_destination: T): T {
    this.emit('error', codedError('ERR_STREAM_CANNOT_PIPE'));
    return undefined as unknown as T;
  }

  /** Subclasses build the head here from their defaults (status, request line). */
  _implicitHeader(): void {
    throw codedError('ERR_METHOD_NOT_IMPLEMENTED', '_implicitHeader()');
  }

  // Body

  write(chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const ret = this._write(chunk, encoding, callback, false);
    if (!ret) this._needDrain = true;
    return ret;
  }

  private _write(
    chunk: string | Uint8Array,
    encoding: BufferEncoding | undefined,
    callback: WriteCallback | undefined,
    fromEnd: boolean,
  ): boolean {
    if (this.finished || this.destroyed) {
      const err = this.destroyed ? codedError('ERR_STREAM_DESTROYED', 'write') : codedError('ERR_STREAM_WRITE_AFTER_END');
      process.nextTick(() => {
        if (callback) callback(err);
        if (!this.destroyed) this.emit('error', err);
      });
      return false;
    }
    if (chunk === null) throw codedError('ERR_STREAM_NULL_VALUES');
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw codedError('ERR_INVALID_ARG_TYPE', 'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    if (!this._header) {
      if (fromEnd) this._contentLength = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
      this._implicitHeader();
    }
    if (!this._hasBody) {
      // A response to HEAD, a 204 or a 304 carries no body: Node drops it.
      if (callback) process.nextTick(callback);
      return true;
    }
    const len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
    if (!fromEnd && this.socket !== null && !this.socket.writableCorked) {
      this.socket.cork();
      process.nextTick(uncorkSocket, this.socket);
    }
    if (this.chunkedEncoding && len !== 0) {
      if (typeof chunk === 'string' && (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'latin1')) {
        return this._send(len.toString(16) + CRLF + chunk + CRLF, encoding, callback);
      }
      this._send(len.toString(16) + CRLF, 'latin1', undefined);
      this._send(chunk, encoding, undefined);
      return this._send(CRLF, 'latin1', callback);
    }
    if (this.chunkedEncoding) {
      // An empty chunk would end a chunked body.
      if (callback) process.nextTick(callback);
      return true;
    }
    return this._send(chunk, encoding, callback);
  }

  end(chunk?: string | Uint8Array | WriteCallback, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): this {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
      encoding = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (this.finished) {
      if (callback) {
        if (!this._writableFinished) this.once('finish', callback);
        else process.nextTick(callback, codedError('ERR_STREAM_ALREADY_FINISHED', 'end'));
      }
      return this;
    }
    if (this.socket) this.socket.cork();
    if (chunk !== undefined && chunk !== null) {
      this._write(chunk, encoding, undefined, true);
    } else if (!this._header) {
      this._contentLength = 0;
      this._implicitHeader();
    }
    if (callback) this.once('finish', callback);
    const finish = (): void => this._onFinish();
    if (this._hasBody && this.chunkedEncoding) {
      this._send('0\r\n' + this._trailer + CRLF, 'latin1', finish);
    } else if (!this._headerSent || this.writableLength || chunk) {
      this._send('', 'latin1', finish);
    } else {
      process.nextTick(finish);
    }
    if (this.socket) {
      // Flush what end() queued, in one write, whatever cork depth the handler left.
      while (this.socket.writableCorked > 0) this.socket.uncork();
    }
    this.finished = true;
    if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
    return this;
  }

  _onFinish(): void {
    if (this._writableFinished) return;
    this._writableFinished = true;
    this.emit('finish');
  }

  _finish(): void {
    this.emit('prefinish');
  }

  flushHeaders(): void {
    if (!this._header) this._implicitHeader();
    this._send('', 'latin1', undefined);
  }

  _send(data: string | Uint8Array, encoding: BufferEncoding | undefined, callback: WriteCallback | undefined): boolean {
    if (!this._headerSent && this._header !== null) {
      if (typeof data === 'string' && (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'latin1')) {
        data = this._header + data;
      } else {
        this.outputData.unshift({ data: this._header, encoding: 'latin1', callback: undefined });
        this.outputSize += this._header.length;
      }
      this._headerSent = true;
    }
    return this._writeRaw(data, encoding, callback);
  }

  _writeRaw(data: string | Uint8Array, encoding: BufferEncoding | undefined, callback: WriteCallback | undefined): boolean {
    const conn = this.socket;
    if (conn !== null && conn.destroyed) {
      // Node silently drops writes to a destroyed socket.
      return false;
    }
    if (conn !== null && conn._httpMessage === this && conn.writable) {
      if (this.outputData.length) this._flushOutput(conn);
      if (data.length === 0 && callback === undefined) return true;
      return conn.write(data, encoding as BufferEncoding, callback);
    }
    this.outputData.push({ data, encoding, callback });
    this.outputSize += data.length;
    return this.outputSize < this.writableHighWaterMark;
  }

  /** A socket arrived: what was written before it goes out now, and 'finish'/'drain' follow as due. */
  _flushOnAssign(socket: HttpSocket): void {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this._needDrain) {
      this._needDrain = false;
      this.emit('drain');
    }
  }

  _flushOutput(socket: HttpSocket): boolean | undefined {
    const data = this.outputData;
    if (data.length === 0) return undefined;
    socket.cork();
    let ret: boolean | undefined;
    for (const { data: d, encoding, callback } of data) ret = socket.write(d, encoding as BufferEncoding, callback);
    socket.uncork();
    this.outputData = [];
    this.outputSize = 0;
    return ret;
  }
}

function uncorkSocket(socket: TransportSocket): void {
  socket.uncork();
}

function isCookieField(s: string): boolean {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

export function isAllowedStatusMessage(msg: string): boolean {
  return !checkInvalidHeaderChar(msg);
}
