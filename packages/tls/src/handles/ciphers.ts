/**
 * tls.getCiphers(): what a default context offers, plus every TLS 1.3
 * suite OpenSSL implements (a default context enables only three of the
 * five), lowercased and sorted, as Node lists them.
 */
import { ssl, stackItems } from './openssl.js';

const TLS13_SUITES = [
  'TLS_AES_128_CCM_8_SHA256',
  'TLS_AES_128_CCM_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
];

export function cipherNames(): string[] {
  const ctx = ssl.SSL_CTX_new(ssl.TLS_method()!)!;
  const s = ssl.SSL_new(ctx)!;
  const names = new Set<string>();
  for (const c of stackItems(ssl.SSL_get_ciphers(s))) names.add((ssl.SSL_CIPHER_get_name(c) ?? '').toLowerCase());
  for (const suite of TLS13_SUITES) names.add(suite.toLowerCase());
  ssl.SSL_free(s);
  ssl.SSL_CTX_free(ctx);
  return [...names].sort();
}
