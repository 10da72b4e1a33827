/**
 * node:tls on our loop: TLSSocket over our net.Socket, Server over our
 * net.Server, OpenSSL (the node binary's own) through koffi for the
 * protocol. See handles/tls-wrap.ts for the record pump.
 */
import { callableClass, codedError, isIP, validateFunction } from '@mini/sys';
import { normalizeConnectArgs } from './args.js';
import { checkServerIdentity } from './check-server-identity.js';
import { cipherNames } from './handles/ciphers.js';
import { bundledRootCertificates } from './handles/secure-context.js';
import {
  createSecureContext,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE,
  DEFAULT_MAX_VERSION,
  DEFAULT_MIN_VERSION,
  SecureContext,
} from './secure-context.js';
import { Server as ServerClass, createServer } from './server.js';
import { convertALPNProtocols, onConnectEnd, TLSSocket as TLSSocketClass, type ConnectOptions } from './tls-socket.js';

export const TLSSocket = callableClass(TLSSocketClass, 'TLSSocket');
export const Server = callableClass(ServerClass, 'Server');
export type TLSSocket = TLSSocketClass;
export type Server = ServerClass;
export { createServer, createSecureContext, SecureContext, checkServerIdentity, convertALPNProtocols };
export { DEFAULT_CIPHERS, DEFAULT_ECDH_CURVE, DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION };
export const CLIENT_RENEG_LIMIT = 3;
export const CLIENT_RENEG_WINDOW = 600;

let ciphers: string[] | undefined;
export function getCiphers(): string[] {
  return (ciphers ??= cipherNames()).slice();
}

let roots: readonly string[] | undefined;
/** Node's bundled CA certificates, PEM, frozen. */
export function rootCertificates(): readonly string[] {
  return (roots ??= Object.freeze([...bundledRootCertificates()]));
}

let warnedInsecure = false;
let warnedIpServername = false;

/** NODE_TLS_REJECT_UNAUTHORIZED=0 turns verification off for every connection, with one warning. */
function allowUnauthorized(): boolean {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !warnedInsecure) {
    warnedInsecure = true;
    process.emitWarning(
      "Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification.",
    );
  }
  return allow;
}

export function connect(...args: unknown[]): TLSSocketClass {
  const [given, cb] = normalizeConnectArgs(args);
  const options: ConnectOptions = {
    rejectUnauthorized: !allowUnauthorized(),
    ciphers: DEFAULT_CIPHERS,
    checkServerIdentity,
    minDHSize: 1024,
    ...given,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  const context = options.secureContext ?? createSecureContext(options);
  const tlssock = new TLSSocketClass(options.socket ?? null, {
    ...(options.allowHalfOpen !== undefined ? { allowHalfOpen: options.allowHalfOpen } : {}),
    pipe: Boolean(options.path),
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    ...(options.session !== undefined ? { session: options.session } : {}),
    ALPNProtocols: options.ALPNProtocols,
    ...(options.highWaterMark !== undefined ? { highWaterMark: options.highWaterMark } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  tlssock._connectOptions = options;
  if (cb) tlssock.once('secureConnect', cb as () => void);
  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connect(options, () => tlssock._start());
  }
  tlssock._releaseControl();
  if (options.session) tlssock.setSession(options.session);
  if (options.servername) {
    if (!warnedIpServername && isIP(options.servername)) {
      process.emitWarning(
        'Setting the TLS ServerName to an IP address is not permitted by RFC 6066. This will be ignored in a future version.',
        'DeprecationWarning',
        'DEP0123',
      );
      warnedIpServername = true;
    }
    tlssock.setServername(options.servername);
  }
  if (options.socket) tlssock._start();
  tlssock.prependListener('end', onConnectEnd);
  return tlssock;
}

export function createSecurePair(): never {
  throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'tls.createSecurePair()');
}
