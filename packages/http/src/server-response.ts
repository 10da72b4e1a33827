/**
 * ServerResponse: the answer to one request, with Node's defaults (Date,
 * keep-alive and its timeout, chunked unless the length is known when the
 * head is made).
 */
import { codedError, validateObject } from '@mini/sys';
import { STATUS_CODES, checkInvalidHeaderChar } from './common.js';
import type { IncomingMessage } from './incoming.js';
import { OutgoingMessage, type HeaderList, type HeaderValue, type HttpSocket } from './outgoing.js';

const RE_TE_CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;
/** One Link value: `<uri-reference>` then `; name` or `; name=value` parameters, the value bare or quoted. */
const RE_LINK_VALUE = /^<[^>]*>(?:\s*;\s*[^\s;"]+(?:=(?:"[^\s;"]*"|[^\s;"]*))?)*$/;
const LINK_FORMAT = 'must be an array or string of format "</styles.css>; rel=preload; as=style"';

function checkLinkValue(value: unknown): string {
  if (typeof value !== 'string' || !RE_LINK_VALUE.test(value)) throw codedError('ERR_INVALID_ARG_VALUE', 'hints', value, LINK_FORMAT);
  return value;
}

/** The Link header of early hints: one value, or a list joined with ', '. */
function linkHeaderValue(link: unknown): string {
  if (typeof link === 'string') return checkLinkValue(link);
  if (!Array.isArray(link)) throw codedError('ERR_INVALID_ARG_VALUE', 'hints', link, LINK_FORMAT);
  let out = '';
  for (let i = 0; i < link.length; i++) out += (i === 0 ? '' : ', ') + checkLinkValue(link[i]);
  return out;
}

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

  /**
   * A 103 Early Hints ahead of the response: `hints.link` (a Link value or a
   * list of them, each `<uri>; param…`) and any other hints as header lines.
   * Nothing goes out without a link.
   */
  writeEarlyHints(hints: Record<string, unknown>, cb?: () => void): void {
    validateObject(hints, 'hints');
    if (hints.link === null || hints.link === undefined) return;
    const link = linkHeaderValue(hints.link);
    if (link.length === 0) return;
    let head = 'HTTP/1.1 103 Early Hints\r\nLink: ' + link + '\r\n';
    for (const key of Object.keys(hints)) {
      if (key !== 'link') head += key + ': ' + String(hints[key]) + '\r\n';
    }
    this._writeRaw(head + '\r\n', 'ascii', cb);
  }

  override _implicitHeader(): void {
    this.writeHead(this.statusCode);
  }

  writeHead(
    statusCode: number,
    reason?: string | Record<string, HeaderValue> | HeaderList,
    obj?: Record<string, HeaderValue> | HeaderList,
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

    let headers: Record<string, [string, HeaderValue]> | HeaderList | null = this._outHeaders;
    let validate = false;
    if (obj) {
      if (this._outHeaders) {
        // Headers set with setHeader() are merged, those given here win. A
        // list is read flat here, pairs or not, as Node reads it.
        if (Array.isArray(obj)) {
          if (obj.length % 2 !== 0) throw codedError('ERR_INVALID_ARG_VALUE', 'headers', obj);
          for (let i = 0; i < obj.length; i += 2) {
            const k = obj[i] as string;
            if (k) this.setHeader(k, obj[i + 1] as HeaderValue);
          }
        } else {
          for (const k of Object.keys(obj)) if (k) this.setHeader(k, (obj as Record<string, HeaderValue>)[k]!);
        }
        headers = this._outHeaders;
      } else if (Array.isArray(obj)) {
        headers = obj;
        validate = true;
      } else {
        const pairs: [string, HeaderValue][] = [];
        for (const key of Object.keys(obj)) pairs.push([key, (obj as Record<string, HeaderValue>)[key]!]);
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
