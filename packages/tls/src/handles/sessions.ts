/**
 * New sessions: OpenSSL calls the hook when a session is made (a TLS 1.3
 * server's ticket arrives after the handshake, inside an SSL_read), with
 * the SSL it belongs to. The wrap of that SSL hears of it on the next tick,
 * outside OpenSSL, as its DER encoding (the 'session' event's Buffer).
 */
import type { Pointer } from '@mini/sys';
import { nativeCallback, sessionDer, ssl } from './openssl.js';

export interface SessionListener {
  onnewsession: ((session: Buffer) => void) | undefined;
}

/** Live connections by SSL address (added by TLSWrap, removed when its SSL is freed). */
export const bySsl = new Map<Pointer, SessionListener>();

export const newSessionCallback = nativeCallback('int mini_new_session(void *ssl, void *session)', ((
  s: Pointer,
  session: Pointer,
): number => {
  const listener = bySsl.get(s);
  // A resumed connection's fresh ticket is not announced, as on Node.
  if (listener?.onnewsession === undefined || ssl.SSL_session_reused(s) === 1) return 0;
  const der = sessionDer(session);
  process.nextTick(() => listener.onnewsession?.(der));
  // 0: we keep no reference to the session.
  return 0;
}) as (...args: never[]) => unknown);
