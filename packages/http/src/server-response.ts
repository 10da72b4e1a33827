/**
 * ServerResponse: the answer to one request, with Node's defaults (Date,
 * keep-alive and its timeout, chunked unless the length is known when the
 * head is made).
 */
import { codedError } from '@mini/sys';
import { STATUS_CODES, checkInvalidHeaderChar } from './common.js';
import type { IncomingMessage } from './incoming.js';
import { OutgoingMessage, type HeaderValue, type HttpSocket } from './outgoing.js';

const RE_TE_CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;

export class ServerResponse extends OutgoingMessage {
  statusCode = 200;
  statusMessage: string | undefined = undefined;
  req: IncomingMessage;
  _sent100 = false;
  _expect_continue = false;
  private readonly onSocketClose = (): void => {
    this._closed = true;
    this.destroyed = true;
    this.emit('close');
  };

  constructor(req: IncomingMessage) {
    super();
    this.req = req;
    this.sendDate = true;
    if (req.method === 'HEAD') this._hasBody = false;
    if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
      this.useChunkedEncodingByDefault = RE_TE_CHUNKED.test(String(req.headers['te'] ?? ''));
      this.shouldKeepAlive = false;
    }
  }

  assignSocket(socket: HttpSocket): void {
    if (socket._httpMessage) throw codedError('ERR_HTTP_SOCKET_ASSIGNED');
    socket._httpMessage = this;
    socket.on('close', this.onSocketClose);
    this.socket = socket;
    this.emit('socket', socket);
    this._flushOnAssign(socket);
  }

  detachSocket(socket: HttpSocket): void {
    socket.removeListener('close', this.onSocketClose);
    socket._httpMessage = null;
    this.socket = null;
  }

  writeContinue(cb?: () => void): void {
    this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
    this._sent100 = true;
  }

  writeProcessing(cb?: () => void): void {
    this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
  }

  override _implicitHeader(): void {
    this.writeHead(this.statusCode);
  }

  writeHead(
    statusCode: number,
    reason?: string | Record<string, HeaderValue> | HeaderValue[],
    obj?: Record<string, HeaderValue> | HeaderValue[],
  ): this {
    if (this._header) throw codedError('ERR_HTTP_HEADERS_SENT', 'write');
    const original = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) {
      throw codedError('ERR_HTTP_INVALID_STATUS_CODE', original);
    }
    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
      obj ??= reason;
    }
    this.statusCode = statusCode;

    let headers: Record<string, [string, HeaderValue]> | [string, HeaderValue][] | null = this._outHeaders;
    let validate = false;
    if (obj) {
      const pairs: [string, HeaderValue][] = [];
      if (Array.isArray(obj)) {
        if (obj.length % 2 !== 0) throw codedError('ERR_INVALID_ARG_VALUE', 'headers', obj);
        for (let i = 0; i < obj.length; i += 2) pairs.push([String(obj[i]), obj[i + 1] as HeaderValue]);
      } else {
        for (const key of Object.keys(obj)) pairs.push([key, obj[key]!]);
      }
      if (this._outHeaders) {
        // Headers set with setHeader() are merged, those given here win.
        for (const [k, v] of pairs) if (k) this.setHeader(k, v);
        headers = this._outHeaders;
      } else {
        headers = pairs;
        validate = true;
      }
    }
    if (checkInvalidHeaderChar(this.statusMessage)) {
      throw codedError('ERR_INVALID_CHAR', 'statusMessage');
    }
    const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
    // Without the go-ahead the client may still send the body: the connection cannot be reused.
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    this._storeHeader(statusLine, headers, validate);
    return this;
  }

  /** `res.writeHeader` is Node's old alias. */
  writeHeader(statusCode: number, reason?: string | Record<string, HeaderValue>, obj?: Record<string, HeaderValue>): this {
    return this.writeHead(statusCode, reason, obj);
  }

  _emitClose(): void {
    if (!this._closed) {
      this.destroyed = true;
      this._closed = true;
      this.emit('close');
    }
  }
}
