/**
 * IncomingMessage: a request on the server, a response on the client. A
 * Readable of the body; the head is read from the parser lazily: `url`,
 * `rawHeaders` and `headers` become strings on first access (see
 * parser/raw-headers.ts for why).
 */
import { Readable } from 'node:stream';
import type { RawHeaders } from './parser/raw-headers.js';
import type { TransportSocket } from './transport.js';
import { adoptable } from '@mini/sys';

/** Headers whose duplicates Node drops (the first wins). */
const DROP_DUPLICATES = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/**
 * Node's rule for one more line into a headers object. With
 * joinDuplicateHeaders the headers whose duplicates are dropped are joined
 * with ', ' like any other.
 */
export function addHeaderLine(dest: Record<string, string | string[]>, name: string, value: string, join = false): void {
  const field = name.toLowerCase();
  const existing = dest[field];
  if (field === 'set-cookie') {
    if (existing === undefined) dest[field] = [value];
    else (existing as string[]).push(value);
  } else if (existing === undefined) {
    dest[field] = value;
  } else if (field === 'cookie') {
    dest[field] = `${existing as string}; ${value}`;
  } else if (join || !DROP_DUPLICATES.has(field)) {
    dest[field] = `${existing as string}, ${value}`;
  }
}

function toObject(raw: string[], join: boolean): Record<string, string | string[]> {
  const dest: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(dest, raw[i]!, raw[i + 1]!, join);
  return dest;
}

function toDistinct(raw: string[]): Record<string, string[]> {
  const dest: Record<string, string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!.toLowerCase();
    (dest[key] ??= []).push(raw[i + 1]!);
  }
  return dest;
}

const EMPTY: string[] = [];

export class IncomingMessage extends adoptable(Readable) {
  socket: TransportSocket | null;
  httpVersionMajor = 1;
  httpVersionMinor = 1;
  httpVersion = '1.1';
  complete = false;
  upgrade = false;
  aborted = false;
  method: string | null = null;
  /** Duplicates of headers Node would drop are joined instead (the server's or request's option). */
  joinDuplicateHeaders: boolean | null | undefined = false;
  statusCode: number | null = null;
  statusMessage: string | null = null;
  /** @internal the head, materialised on demand */
  _rawHead: RawHeaders | null = null;
  _rawTrailers: RawHeaders | null = null;
  _maxHeaders = 0;
  _urlSource: (() => string) | null = null;
  private _url: string | null = null;
  private _rawHeaders: string[] | null = null;
  private _headers: Record<string, string | string[]> | null = null;
  private _trailers: Record<string, string | string[]> | null = null;
  private _rawTrailersList: string[] | null = null;
  /** @internal set while the owner has flowed the socket into this message */
  _consuming = false;
  _dumped = false;
  /** @internal called when the reader wants more: resumes the socket */
  _onRead: (() => void) | null = null;

  constructor(socket: TransportSocket | null) {
    super(socket ? { highWaterMark: socket.readableHighWaterMark } : undefined);
    this.socket = socket;
  }

  get connection(): TransportSocket | null {
    return this.socket;
  }

  set connection(socket: TransportSocket | null) {
    this.socket = socket;
  }

  get url(): string {
    if (this._url === null) this._url = this._urlSource ? this._urlSource() : '';
    return this._url;
  }

  set url(value: string) {
    this._url = value;
  }

  get rawHeaders(): string[] {
    if (this._rawHeaders === null) this._rawHeaders = this._rawHead ? this._rawHead.strings(this._maxHeaders) : [];
    return this._rawHeaders;
  }

  set rawHeaders(value: string[]) {
    this._rawHeaders = value;
  }

  get headers(): Record<string, string | string[]> {
    if (this._headers === null) this._headers = toObject(this.rawHeaders, this.joinDuplicateHeaders === true);
    return this._headers;
  }

  set headers(value: Record<string, string | string[]>) {
    this._headers = value;
  }

  get headersDistinct(): Record<string, string[]> {
    return toDistinct(this.rawHeaders);
  }

  get rawTrailers(): string[] {
    if (this._rawTrailersList === null) {
      if (!this._rawTrailers) return EMPTY;
      this._rawTrailersList = this._rawTrailers.strings(this._maxHeaders);
    }
    return this._rawTrailersList;
  }

  set rawTrailers(value: string[]) {
    this._rawTrailersList = value;
  }

  get trailers(): Record<string, string | string[]> {
    if (this._trailers === null) {
      // Before the body ends the trailers are not known: Node shows {} and fills it later.
      if (!this.complete) return {};
      this._trailers = toObject(this.rawTrailers, this.joinDuplicateHeaders === true);
    }
    return this._trailers;
  }

  set trailers(value: Record<string, string | string[]>) {
    this._trailers = value;
  }

  get trailersDistinct(): Record<string, string[]> {
    return toDistinct(this.rawTrailers);
  }

  setTimeout(ms: number, cb?: () => void): this {
    if (cb) this.on('timeout', cb);
    this.socket?.setTimeout(ms);
    return this;
  }

  override read(size?: number): unknown {
    // A reader of its own: the server will not dump the body for it.
    this._consuming = true;
    return super.read(size);
  }

  override _read(): void {
    if (this._onRead) this._onRead();
  }

  /** Node's: destroying an incomplete message aborts it and destroys its socket. */
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    if (this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(err ?? undefined);
    }
    // Nobody listening for 'error': Node does not make an abort an uncaught
    // error. Settled one tick later, as Node's does: 'close' on a finished
    // request follows the response's.
    process.nextTick(() => cb(this.listenerCount('error') === 0 ? null : err));
  }

  /** Discard the body the handler did not read, so the next message on the socket can follow. */
  _dump(): void {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }
}
