/**
 * From parser events to an IncomingMessage: the half of Node's
 * `_http_common` that the server (a request) and the client (a response)
 * share. Each side's ParserOwner calls these and keeps only what is its own:
 * method and URL, or status and the response rules.
 *
 *   headers complete ─▶ parserOnHeadersComplete: a new message, the head
 *                       kept unparsed (strings on first access)
 *   body slice       ─▶ parserOnBody: pushed; a full buffer pauses the socket
 *   message complete ─▶ parserOnMessageComplete: trailers, then EOF
 *
 * The body and completion steps run per parser callback: they allocate
 * nothing.
 */
import { IncomingMessage } from './incoming.js';
import type { HTTPParser } from './parser/parser.js';
import type { TransportSocket } from './transport.js';

/** Node's default for `maxHeadersCount` (server and request alike). */
const MAX_HEADERS_COUNT = 2000;

/** The version string without a template for the two versions there are. */
function versionString(major: number, minor: number): string {
  if (major === 1 && minor === 1) return '1.1';
  if (major === 1 && minor === 0) return '1.0';
  return `${major}.${minor}`;
}

/** A message for the head the parser just completed; the caller adds method and URL, or status. */
export function parserOnHeadersComplete(
  parser: HTTPParser,
  socket: TransportSocket,
  maxHeadersCount: number | null,
  joinDuplicateHeaders: boolean | null | undefined,
): IncomingMessage {
  const msg = new IncomingMessage(socket);
  msg.joinDuplicateHeaders = joinDuplicateHeaders;
  const major = parser.versionMajor;
  const minor = parser.versionMinor;
  msg.httpVersionMajor = major;
  msg.httpVersionMinor = minor;
  msg.httpVersion = versionString(major, minor);
  msg._rawHead = parser.headers;
  msg._maxHeaders = maxHeadersCount ?? MAX_HEADERS_COUNT;
  // The reader wants more: the socket, paused by backpressure, flows again.
  msg._onRead = () => socket.resume();
  return msg;
}

/**
 * A body slice (a view of the socket's read) into the message. A dumped
 * message (nobody reads it) takes nothing, as in Node; one whose buffer is
 * full pauses the socket until it is read (`_onRead`).
 */
export function parserOnBody(msg: IncomingMessage | null, chunk: Buffer): void {
  if (msg === null || msg._dumped) return;
  if (!msg.push(chunk)) msg.socket?.pause();
}

/** The message ended: its trailers, then the end of its body. */
export function parserOnMessageComplete(msg: IncomingMessage, parser: HTTPParser): void {
  msg.complete = true;
  msg._rawTrailers = parser.trailers;
  msg.push(null);
}
