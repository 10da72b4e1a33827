/**
 * What every part of http shares: Node's tables (METHODS, STATUS_CODES) and
 * header validation. http's errors are rows of @mini/sys's error table,
 * built with `codedError`.
 */
import { codedError, codedErrorWithMessage, connResetException, type ErrorCode, type NodeError, DateNow } from '@mini/sys';

export const METHODS = [
  'ACL',
  'BIND',
  'CHECKOUT',
  'CONNECT',
  'COPY',
  'DELETE',
  'GET',
  'HEAD',
  'LINK',
  'LOCK',
  'M-SEARCH',
  'MERGE',
  'MKACTIVITY',
  'MKCALENDAR',
  'MKCOL',
  'MOVE',
  'NOTIFY',
  'OPTIONS',
  'PATCH',
  'POST',
  'PROPFIND',
  'PROPPATCH',
  'PURGE',
  'PUT',
  'QUERY',
  'REBIND',
  'REPORT',
  'SEARCH',
  'SOURCE',
  'SUBSCRIBE',
  'TRACE',
  'UNBIND',
  'UNLINK',
  'UNLOCK',
  'UNSUBSCRIBE',
];

export const STATUS_CODES: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a Teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/** Node's default for --max-http-header-size. */
export const maxHeaderSize = 16384;

const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

export function checkIsHttpToken(value: string): boolean {
  return TOKEN.test(value);
}

export function checkInvalidHeaderChar(value: string): boolean {
  return INVALID_VALUE_CHAR.test(value);
}

export function validateHeaderName(name: unknown, label = 'Header name'): void {
  if (typeof name !== 'string' || !name || !TOKEN.test(name)) {
    throw codedError('ERR_INVALID_HTTP_TOKEN', label, name);
  }
}

export function validateHeaderValue(name: string, value: unknown): void {
  if (value === undefined) {
    throw codedError('ERR_HTTP_INVALID_HEADER_VALUE', value, name);
  }
  if (INVALID_VALUE_CHAR.test(String(value))) {
    throw codedError('ERR_INVALID_CHAR', 'header content', name);
  }
}

/** For client.ts, which imports it from here. */
export { connResetException };

/**
 * An error whose message the caller formatted, for the files that still
 * build them so (client.ts, server-connection.ts); the class comes from the
 * table, `_Base` is kept only so their calls read as before.
 * @deprecated use codedError(code, ...args) from @mini/sys.
 */
export function errorCode(
  _Base: ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor,
  code: ErrorCode,
  message: string,
): NodeError {
  return codedErrorWithMessage(code, message);
}

/** Date header value, recomputed at most once a second as Node does. */
let dateSecond = -1;
let dateValue = '';
export function utcDate(): string {
  const now = DateNow();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateValue = new Date(now).toUTCString();
  }
  return dateValue;
}
