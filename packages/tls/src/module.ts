/**
 * The objects require('tls'), require('_tls_common') and
 * require('_tls_wrap') return: plain objects as Node's, with
 * `rootCertificates` a getter (the list is built on first read) and the
 * DEFAULT_* settings read back from the object, so a program that assigns
 * tls.DEFAULT_MIN_VERSION changes the contexts made after.
 */
import * as tls from './tls.js';
import { translatePeerCertificate, useDefaultsFrom, type Defaults } from './secure-context.js';

/** node:tls's keys, in Node's order. */
const KEYS = [
  'CLIENT_RENEG_LIMIT',
  'CLIENT_RENEG_WINDOW',
  'DEFAULT_CIPHERS',
  'DEFAULT_ECDH_CURVE',
  'DEFAULT_MIN_VERSION',
  'DEFAULT_MAX_VERSION',
  'getCiphers',
  'rootCertificates',
  'convertALPNProtocols',
  'checkServerIdentity',
  'createSecureContext',
  'SecureContext',
  'TLSSocket',
  'Server',
  'createServer',
  'connect',
  'createSecurePair',
] as const;

export function createTls(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (key === 'rootCertificates') {
      Object.defineProperty(out, key, { configurable: false, enumerable: true, get: tls.rootCertificates });
      continue;
    }
    out[key] = (tls as Record<string, unknown>)[key];
  }
  useDefaultsFrom(out as unknown as Defaults);
  return out;
}

export function createTlsCommon(): Record<string, unknown> {
  return { SecureContext: tls.SecureContext, createSecureContext: tls.createSecureContext, translatePeerCertificate };
}

export function createTlsWrap(): Record<string, unknown> {
  return { TLSSocket: tls.TLSSocket, Server: tls.Server, createServer: tls.createServer, connect: tls.connect };
}
