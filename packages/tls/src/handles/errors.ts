/**
 * OpenSSL's failures as Node reports them.
 *
 * - A failed handshake or record (SSL_ERROR_SSL): an Error whose message
 *   is OpenSSL's error queue as ERR_print_errors writes it (thread id,
 *   code, library, function, reason, source line), decorated with the
 *   first error's `library` and `reason`, and `code` 'ERR_SSL_' + the
 *   reason in capitals ("wrong version number" → ERR_SSL_WRONG_VERSION_NUMBER).
 * - A certificate that does not verify: the X509_V_ERR_* name as `code`
 *   (DEPTH_ZERO_SELF_SIGNED_CERT, …) and OpenSSL's text as the message.
 * - A bad key, certificate or cipher list while building a context: the
 *   same decoration, with the library in the code (ERR_OSSL_PEM_…, but
 *   ERR_SSL_… for the SSL library's own), as Node throws from its crypto layer.
 */
import { drainBio, newMemBio, ssl } from './openssl.js';

export interface OpenSSLError extends Error {
  library?: string;
  reason?: string;
  code?: string;
}

function codeText(reason: string): string {
  return reason.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** The error queue as one Error (empties the queue). */
export function sslError(): OpenSSLError {
  const first = ssl.ERR_peek_error();
  const bio = newMemBio();
  ssl.ERR_print_errors(bio);
  const message = drainBio(bio).toString('latin1');
  ssl.BIO_free(bio);
  const err: OpenSSLError = new Error(message);
  if (first !== 0) {
    const library = ssl.ERR_lib_error_string(first);
    const reason = ssl.ERR_reason_error_string(first);
    if (library !== null) err.library = library;
    if (reason !== null) {
      err.reason = reason;
      err.code = `ERR_SSL_${codeText(reason)}`;
    }
  }
  return err;
}

/** ERR_GET_LIB's numbers to the names Node puts in ERR_OSSL_<LIB>_<REASON>. */
const LIBRARIES: Record<number, string> = {
  2: 'SYS',
  3: 'BN',
  4: 'RSA',
  5: 'DH',
  6: 'EVP',
  7: 'BUF',
  8: 'OBJ',
  9: 'PEM',
  10: 'DSA',
  11: 'X509',
  13: 'ASN1',
  14: 'CONF',
  15: 'CRYPTO',
  16: 'EC',
  20: 'SSL',
  32: 'BIO',
  33: 'PKCS7',
  34: 'X509V3',
  35: 'PKCS12',
  36: 'RAND',
  37: 'DSO',
  38: 'ENGINE',
  39: 'OCSP',
  40: 'UI',
  41: 'COMP',
  42: 'ECDSA',
  43: 'ECDH',
  44: 'OSSL_STORE',
  45: 'FIPS',
  46: 'CMS',
  47: 'TS',
  48: 'HMAC',
  50: 'CT',
  51: 'ASYNC',
  52: 'KDF',
  53: 'SM2',
  128: 'USER',
};

/**
 * The newest error of the queue as the crypto layer throws it: the
 * message "error:<code>:<library>::<reason>", then library, reason and
 * code ERR_OSSL_<LIB>_<REASON> (empties the queue). `fallback` when the
 * queue is empty.
 */
export function cryptoError(fallback: string): OpenSSLError {
  let e = 0;
  for (let next = ssl.ERR_get_error(); next !== 0; next = ssl.ERR_get_error()) e = next;
  if (e === 0) return new Error(fallback);
  const library = ssl.ERR_lib_error_string(e);
  const reason = ssl.ERR_reason_error_string(e);
  const err: OpenSSLError = new Error(`error:${e.toString(16).toUpperCase().padStart(8, '0')}:${library ?? ''}::${reason ?? ''}`);
  if (library !== null) err.library = library;
  if (reason !== null) err.reason = reason;
  const lib = LIBRARIES[(e >>> 23) & 0xff];
  // Node names the SSL library's errors ERR_SSL_*, the others ERR_OSSL_<LIB>_*, unknown libraries ERR_OSSL_*.
  if (reason !== null) {
    const text = codeText(reason);
    err.code = lib === 'SSL' ? `ERR_SSL_${text}` : lib !== undefined ? `ERR_OSSL_${lib}_${text}` : `ERR_OSSL_${text}`;
  }
  return err;
}

/** X509_V_ERR_* (x509_vfy.h) by number: the names Node gives as error codes. */
const VERIFY_CODES: Record<number, string> = {
  1: 'UNSPECIFIED',
  2: 'UNABLE_TO_GET_ISSUER_CERT',
  3: 'UNABLE_TO_GET_CRL',
  4: 'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  5: 'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  6: 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  7: 'CERT_SIGNATURE_FAILURE',
  8: 'CRL_SIGNATURE_FAILURE',
  9: 'CERT_NOT_YET_VALID',
  10: 'CERT_HAS_EXPIRED',
  11: 'CRL_NOT_YET_VALID',
  12: 'CRL_HAS_EXPIRED',
  13: 'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  14: 'ERROR_IN_CERT_NOT_AFTER_FIELD',
  15: 'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  16: 'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  17: 'OUT_OF_MEM',
  18: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  19: 'SELF_SIGNED_CERT_IN_CHAIN',
  20: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  21: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  22: 'CERT_CHAIN_TOO_LONG',
  23: 'CERT_REVOKED',
  24: 'INVALID_CA',
  25: 'PATH_LENGTH_EXCEEDED',
  26: 'INVALID_PURPOSE',
  27: 'CERT_UNTRUSTED',
  28: 'CERT_REJECTED',
  62: 'HOSTNAME_MISMATCH',
};

export const X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT = 2;

export interface VerifyError extends Error {
  code: string;
}

/** A verify result as Node's verifyError(): undefined when it verified. */
export function verifyError(result: number): VerifyError | undefined {
  if (result === 0) return undefined;
  const err = new Error(ssl.X509_verify_cert_error_string(result) ?? 'unknown certificate verification error') as VerifyError;
  err.code = VERIFY_CODES[result] ?? 'UNSPECIFIED';
  return err;
}
