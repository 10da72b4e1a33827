/**
 * One HTTP/1 parser: a llhttp parser in wasm memory plus the state of the
 * message being parsed, in request or response mode.
 *
 * `execute(chunk)` runs llhttp over one socket read. Callbacks record
 * positions (see raw-headers.ts) and hand three events to the owner:
 * headers complete, a body slice (a view of `chunk`, no copy), message
 * complete. What llhttp does not enforce, Node's binding does, and so does
 * this class: the header size limit (`maxHeaderSize`, counted over the
 * request line, status line and header bytes, reported as
 * HPE_HEADER_OVERFLOW).
 */
import { ERROR, TYPE, cString, llhttp, stageInput, type LlhttpExports, type ParserCallbacks } from './llhttp.js';
import { RawHeaders, latin1 } from './raw-headers.js';

export const REQUEST = TYPE.REQUEST;
export const RESPONSE = TYPE.RESPONSE;

export interface ParserOwner {
  onMessageBegin?(): void;
  /** Return 0, 1 (no body: a response to HEAD) or 2 (no body, upgrade). */
  onHeadersComplete(parser: HTTPParser): number;
  onBody(chunk: Buffer): void;
  onMessageComplete(parser: HTTPParser): void;
}

/** Node's parse error: `Parse Error: <reason>` with code HPE_*. */
export interface ParseError extends Error {
  code: string;
  reason: string;
  bytesParsed: number;
  rawPacket: Buffer;
}

export type ExecuteResult = number | ParseError;

/**
 * insecureHTTPParser: every leniency llhttp has, as Node's kLenientAll
 * (invalid header bytes, Content-Length with chunked, bare LF or CR line
 * ends, data after Connection: close…). llhttp_reset keeps them.
 */
function setLenientAll(e: LlhttpExports, ptr: number): void {
  e.llhttp_set_lenient_headers(ptr, 1);
  e.llhttp_set_lenient_chunked_length(ptr, 1);
  e.llhttp_set_lenient_keep_alive(ptr, 1);
  e.llhttp_set_lenient_transfer_encoding(ptr, 1);
  e.llhttp_set_lenient_version(ptr, 1);
  e.llhttp_set_lenient_data_after_close(ptr, 1);
  e.llhttp_set_lenient_optional_lf_after_cr(ptr, 1);
  e.llhttp_set_lenient_optional_crlf_after_chunk(ptr, 1);
  e.llhttp_set_lenient_optional_cr_before_lf(ptr, 1);
  e.llhttp_set_lenient_spaces_after_chunk_size(ptr, 1);
}

let insecureFlag: boolean | undefined;
let warnedInsecure = false;

/**
 * `--insecure-http-parser` on the command line or in NODE_OPTIONS: the
 * default when an option does not say. The first parser it makes lenient
 * warns, as Node's does.
 */
export function insecureHTTPParserFlag(): boolean {
  if (insecureFlag === undefined) {
    const nodeOptions = process.env.NODE_OPTIONS ?? '';
    insecureFlag = process.execArgv.includes('--insecure-http-parser') || nodeOptions.split(/\s+/).includes('--insecure-http-parser');
  }
  if (insecureFlag && !warnedInsecure) {
    warnedInsecure = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return insecureFlag;
}

const EMPTY = Buffer.alloc(0);
/** The head between messages: llhttp begins every message (a fresh RawHeaders) before its first header. */
const NO_HEADERS = new RawHeaders();

export class HTTPParser implements ParserCallbacks {
  readonly type: number;
  owner: ParserOwner;
  maxHeaderSize: number;
  private ptr: number;
  private chunk: Buffer = EMPTY;

  // The message being parsed.
  headers = new RawHeaders();
  trailers: RawHeaders | null = null;
  headersDone = false;
  private headerBytes = 0;
  private urlBuf: Buffer = EMPTY;
  private urlStart = 0;
  private urlEnd = 0;
  private statusBuf: Buffer = EMPTY;
  private statusStart = 0;
  private statusEnd = 0;
  statusCode = 0;
  upgrade = false;
  shouldKeepAlive = false;
  /** Set when llhttp paused on an upgrade (or CONNECT): the rest belongs to another protocol. */
  upgraded = false;
  private userError: string | null = null;

  constructor(type: number, owner: ParserOwner, maxHeaderSize: number, lenient = false) {
    this.type = type;
    this.owner = owner;
    this.maxHeaderSize = maxHeaderSize;
    const exports = llhttp().exports;
    this.ptr = exports.llhttp_alloc(type);
    if (lenient) setLenientAll(exports, this.ptr);
  }

  get method(): string {
    const self = llhttp();
    return self.methods[self.exports.llhttp_get_method(this.ptr)]!;
  }

  get versionMajor(): number {
    return llhttp().exports.llhttp_get_http_major(this.ptr);
  }

  get versionMinor(): number {
    return llhttp().exports.llhttp_get_http_minor(this.ptr);
  }

  url(): string {
    return latin1(this.urlBuf, this.urlStart, this.urlEnd);
  }

  /** The URL of this message as a function that builds the string when called. */
  lazyUrl(): () => string {
    const buf = this.urlBuf;
    const start = this.urlStart;
    const end = this.urlEnd;
    return () => latin1(buf, start, end);
  }

  statusMessage(): string {
    return latin1(this.statusBuf, this.statusStart, this.statusEnd);
  }

  execute(chunk: Buffer): ExecuteResult {
    const self = llhttp();
    const input = stageInput(self, chunk);
    this.chunk = chunk;
    self.current = this;
    let ret: number;
    try {
      ret = self.exports.llhttp_execute(this.ptr, input, chunk.length);
    } finally {
      self.current = null;
      this.chunk = EMPTY;
    }
    if (ret === ERROR.OK) return chunk.length;
    const pos = self.exports.llhttp_get_error_pos(this.ptr) - input;
    if (ret === ERROR.PAUSED_UPGRADE) {
      this.upgraded = true;
      self.exports.llhttp_resume_after_upgrade(this.ptr);
      return pos;
    }
    return this.error(ret, pos, chunk);
  }

  /** The peer closed: a message that ends at EOF completes, a truncated one fails. */
  finish(): ExecuteResult {
    const self = llhttp();
    self.current = this;
    let ret: number;
    try {
      ret = self.exports.llhttp_finish(this.ptr);
    } finally {
      self.current = null;
    }
    if (ret === ERROR.OK) return 0;
    return this.error(ret, 0, EMPTY);
  }

  private error(ret: number, pos: number, chunk: Buffer): ParseError {
    const exports = llhttp().exports;
    let code: string;
    let reason: string;
    if (ret === ERROR.USER && this.userError !== null) {
      code = this.userError;
      reason = 'Header overflow';
    } else {
      code = cString(exports, exports.llhttp_errno_name(ret));
      reason = cString(exports, exports.llhttp_get_error_reason(this.ptr));
    }
    this.userError = null;
    const err = new Error(`Parse Error: ${reason}`) as ParseError;
    err.code = code;
    err.reason = reason;
    err.bytesParsed = pos;
    err.rawPacket = chunk;
    return err;
  }

  /** Start over (a new connection reusing this parser, or a new response on a kept socket). */
  reset(): void {
    llhttp().exports.llhttp_reset(this.ptr);
    this.upgraded = false;
    this.userError = null;
    this.beginMessage();
  }

  free(): void {
    if (this.ptr !== 0) {
      llhttp().exports.llhttp_free(this.ptr);
      this.ptr = 0;
    }
  }

  private beginMessage(): void {
    this.headers = new RawHeaders();
    this.trailers = null;
    this.headersDone = false;
    this.headerBytes = 0;
    this.urlBuf = EMPTY;
    this.urlStart = this.urlEnd = 0;
    this.statusBuf = EMPTY;
    this.statusStart = this.statusEnd = 0;
  }

  private track(len: number): number {
    this.headerBytes += len;
    if (this.headerBytes >= this.maxHeaderSize) {
      this.userError = 'HPE_HEADER_OVERFLOW';
      return -1;
    }
    return 0;
  }

  // llhttp callbacks (see llhttp.ts). Non-zero stops the parser.

  onMessageBegin(): number {
    this.beginMessage();
    this.owner.onMessageBegin?.();
    return 0;
  }

  onUrl(start: number, len: number): number {
    if (this.urlEnd === 0 && this.urlBuf === EMPTY) {
      this.urlBuf = this.chunk;
      this.urlStart = start;
      this.urlEnd = start + len;
    } else {
      this.urlBuf = Buffer.concat([this.urlBuf.subarray(this.urlStart, this.urlEnd), this.chunk.subarray(start, start + len)]);
      this.urlStart = 0;
      this.urlEnd = this.urlBuf.length;
    }
    return this.track(len);
  }

  onStatus(start: number, len: number): number {
    if (this.statusBuf === EMPTY) {
      this.statusBuf = this.chunk;
      this.statusStart = start;
      this.statusEnd = start + len;
    } else {
      this.statusBuf = Buffer.concat([this.statusBuf.subarray(this.statusStart, this.statusEnd), this.chunk.subarray(start, start + len)]);
      this.statusStart = 0;
      this.statusEnd = this.statusBuf.length;
    }
    return this.track(len);
  }

  onHeaderField(start: number, len: number): number {
    const list = this.headersDone ? (this.trailers ??= new RawHeaders()) : this.headers;
    // A name follows a value (or nothing); otherwise it continues across reads.
    if ((list.items & 1) === 0) list.push(this.chunk, start, start + len);
    else list.extend(this.chunk, start, start + len);
    return this.track(len);
  }

  onHeaderValue(start: number, len: number): number {
    const list = this.headersDone ? this.trailers! : this.headers;
    if ((list.items & 1) === 1) list.push(this.chunk, start, start + len);
    else list.extend(this.chunk, start, start + len);
    return this.track(len);
  }

  onHeadersComplete(statusCode: number, upgrade: boolean, shouldKeepAlive: boolean): number {
    this.statusCode = statusCode;
    this.upgrade = upgrade;
    this.shouldKeepAlive = shouldKeepAlive;
    this.headersDone = true;
    this.headerBytes = 0;
    return this.owner.onHeadersComplete(this);
  }

  onBody(start: number, len: number): number {
    this.owner.onBody(this.chunk.subarray(start, start + len));
    return 0;
  }

  onMessageComplete(): number {
    this.owner.onMessageComplete(this);
    // Until the next message begins (which starts these afresh), the parser
    // keeps no part of this one: its head and URL point into the read they
    // came in, and a kept connection would hold them across scavenges.
    this.headers = NO_HEADERS;
    this.trailers = null;
    this.urlBuf = EMPTY;
    this.statusBuf = EMPTY;
    return 0;
  }
}
