/**
 * tls.createSecureContext and the SecureContext it returns (Node's
 * _tls_common): options checked and applied to one SecureContextHandle.
 */
import { constants as cryptoConstants, X509Certificate } from 'node:crypto';
import { codedError, validateString } from '@mini/sys';
import { PROTOCOL_VERSIONS, SecureContextHandle } from './handles/secure-context.js';

export const DEFAULT_CIPHERS: string = cryptoConstants.defaultCipherList;
export const DEFAULT_ECDH_CURVE = 'auto';
export const DEFAULT_MIN_VERSION = 'TLSv1.2';
export const DEFAULT_MAX_VERSION = 'TLSv1.3';

/** The settings tls.DEFAULT_* hold now: the program may change them. */
export interface Defaults {
  DEFAULT_CIPHERS: string;
  DEFAULT_ECDH_CURVE: string;
  DEFAULT_MIN_VERSION: string;
  DEFAULT_MAX_VERSION: string;
}

let defaults: Defaults = { DEFAULT_CIPHERS, DEFAULT_ECDH_CURVE, DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION };

/** node:tls's exports object, whose DEFAULT_* the program may assign. */
export function useDefaultsFrom(holder: Defaults): void {
  defaults = holder;
}

type Pem = string | Buffer;
type KeyOption = Pem | { pem: Pem; passphrase?: string };

export interface SecureContextOptions {
  ca?: Pem | Pem[];
  cert?: Pem | Pem[];
  key?: KeyOption | KeyOption[];
  passphrase?: string;
  ciphers?: string;
  ecdhCurve?: string;
  honorCipherOrder?: boolean;
  minVersion?: string;
  maxVersion?: string;
  secureProtocol?: string;
  sessionIdContext?: string;
  pfx?: unknown;
}

export class SecureContext {
  readonly context: SecureContextHandle;

  constructor(secureProtocol?: string, _secureOptions?: number, minVersion?: string, maxVersion?: string) {
    const min = minVersion ?? (secureProtocol ? undefined : defaults.DEFAULT_MIN_VERSION);
    const max = maxVersion ?? (secureProtocol ? undefined : defaults.DEFAULT_MAX_VERSION);
    if (secureProtocol !== undefined && (minVersion !== undefined || maxVersion !== undefined))
      throw codedError('ERR_TLS_PROTOCOL_VERSION_CONFLICT', (minVersion ?? maxVersion)!, secureProtocol);
    this.context = new SecureContextHandle();
    if (min !== undefined) this.context.setMinProto(protocolVersion(min, 'minimum'));
    if (max !== undefined) this.context.setMaxProto(protocolVersion(max, 'maximum'));
  }
}

function protocolVersion(version: string, which: 'minimum' | 'maximum'): number {
  const v = PROTOCOL_VERSIONS[version];
  if (v === undefined) throw codedError('ERR_TLS_INVALID_PROTOCOL_VERSION', version, which);
  return v;
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function validatePem(value: unknown, name: string): asserts value is Pem {
  if (typeof value !== 'string' && !Buffer.isBuffer(value) && !ArrayBuffer.isView(value))
    throw codedError('ERR_INVALID_ARG_TYPE', name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

export function createSecureContext(options: SecureContextOptions = {}): SecureContext {
  if (options === null || typeof options !== 'object') options = {};
  const sc = new SecureContext(options.secureProtocol, 0, options.minVersion, options.maxVersion);
  const c = sc.context;
  if (options.honorCipherOrder) c.setHonorCipherOrder();
  const ca = toArray(options.ca);
  if (ca.length > 0) {
    ca.forEach((v, i) => validatePem(v, Array.isArray(options.ca) ? `options.ca[${i}]` : 'options.ca'));
    for (const v of ca) c.addCACert(v);
  } else {
    c.addRootCerts();
  }
  for (const [i, cert] of toArray(options.cert).entries()) {
    validatePem(cert, Array.isArray(options.cert) ? `options.cert[${i}]` : 'options.cert');
    c.setCert(cert);
  }
  for (const key of toArray(options.key)) {
    if (typeof key === 'object' && !Buffer.isBuffer(key) && !ArrayBuffer.isView(key)) {
      c.setKey(key.pem, key.passphrase ?? options.passphrase);
    } else {
      validatePem(key, 'options.key');
      c.setKey(key, options.passphrase);
    }
  }
  let ciphers = options.ciphers;
  if (ciphers != null) validateString(ciphers, 'options.ciphers');
  else ciphers = defaults.DEFAULT_CIPHERS;
  // TLS 1.3 suites and older ciphers are set apart in OpenSSL; a list with no TLS_* entry disables TLS 1.3, as on Node.
  const entries = ciphers.split(':');
  const suites = entries.filter((e) => e.startsWith('TLS_')).join(':');
  const list = entries.filter((e) => !e.startsWith('TLS_') && e !== '').join(':');
  c.setCipherSuites(suites);
  if (list !== '') c.setCiphers(list);
  const curve = options.ecdhCurve ?? defaults.DEFAULT_ECDH_CURVE;
  validateString(curve, 'options.ecdhCurve');
  c.setEcdhCurve(curve);
  if (options.sessionIdContext !== undefined) c.setSessionIdContext(options.sessionIdContext);
  return sc;
}

/** One certificate as getPeerCertificate gives it (the legacy object), from its DER. */
export function legacyCertificate(der: Buffer): Record<string, unknown> {
  return (new X509Certificate(der) as unknown as { toLegacyObject(): Record<string, unknown> }).toLegacyObject();
}

/**
 * The peer's chain, leaf first, as linked legacy objects: each one's
 * `issuerCertificate` is the next; a self-issued top is its own issuer.
 */
export function translatePeerCertificate(chain: Buffer[], detailed: boolean): Record<string, unknown> {
  if (chain.length === 0) return {};
  const certs = chain.map(legacyCertificate);
  const leaf = certs[0]!;
  if (!detailed) return leaf;
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i]!;
    if (i + 1 < certs.length) cert.issuerCertificate = certs[i + 1];
    else if (new X509Certificate(chain[i]!).checkIssued(new X509Certificate(chain[i]!))) cert.issuerCertificate = cert;
  }
  return leaf;
}
