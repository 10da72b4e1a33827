/*
 * The record pump's steady state in one call per direction (packages/tls,
 * handles/tls-wrap.ts): the OpenSSL calls a request or a response costs,
 * made here rather than one FFI crossing each.
 *
 *   mini_tls_read   feed `len` received bytes to the read BIO, then
 *                   SSL_read cleartext into `out` until OpenSSL wants
 *                   more, `out` is full, or a call fails
 *   mini_tls_write  SSL_write `len` bytes of cleartext, then BIO_read the
 *                   records it made into `out`
 *
 * Both report through `info`: info[0] is SSL_get_error of the call that
 * stopped the work (0 when none failed), info[1] the bytes still waiting
 * in the write BIO (records for the peer: a session ticket, an alert, or
 * what did not fit in `out`). mini_tls_write also gives in info[2] what
 * SSL_write returned.
 *
 * OpenSSL is the node binary's own, found with dlsym: this library does
 * not link against it. mini_tls_init says whether every function is there.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#define API __attribute__((visibility("default")))

/* bio.h (OpenSSL 3.0). */
#define BIO_CTRL_PENDING 10

static int (*ssl_read)(void *ssl, void *buf, int num);
static int (*ssl_write)(void *ssl, const void *buf, int num);
static int (*ssl_get_error)(const void *ssl, int ret);
static int (*bio_read)(void *bio, void *buf, int len);
static int (*bio_write)(void *bio, const void *buf, int len);
static long (*bio_ctrl)(void *bio, int cmd, long larg, void *parg);

API int mini_tls_init(void) {
  if (ssl_read != NULL) return 0;
  ssl_write = (int (*)(void *, const void *, int))dlsym(RTLD_DEFAULT, "SSL_write");
  ssl_get_error = (int (*)(const void *, int))dlsym(RTLD_DEFAULT, "SSL_get_error");
  bio_read = (int (*)(void *, void *, int))dlsym(RTLD_DEFAULT, "BIO_read");
  bio_write = (int (*)(void *, const void *, int))dlsym(RTLD_DEFAULT, "BIO_write");
  bio_ctrl = (long (*)(void *, int, long, void *))dlsym(RTLD_DEFAULT, "BIO_ctrl");
  void *read = dlsym(RTLD_DEFAULT, "SSL_read");
  if (!ssl_write || !ssl_get_error || !bio_read || !bio_write || !bio_ctrl || !read) return -1;
  ssl_read = (int (*)(void *, void *, int))read;
  return 0;
}

API int mini_tls_read(void *ssl, void *rbio, void *wbio, const void *in, int len, void *out, int cap, int *info) {
  if (len > 0) bio_write(rbio, in, len);
  int total = 0;
  info[0] = 0;
  while (total < cap) {
    int n = ssl_read(ssl, (char *)out + total, cap - total);
    if (n <= 0) {
      info[0] = ssl_get_error(ssl, n);
      break;
    }
    total += n;
  }
  info[1] = (int)bio_ctrl(wbio, BIO_CTRL_PENDING, 0, NULL);
  return total;
}

API int mini_tls_write(void *ssl, void *wbio, const void *data, int len, void *out, int cap, int *info) {
  info[0] = 0;
  info[2] = 0;
  if (len > 0) {
    int n = ssl_write(ssl, data, len);
    info[2] = n;
    if (n <= 0) {
      info[0] = ssl_get_error(ssl, n);
      info[1] = (int)bio_ctrl(wbio, BIO_CTRL_PENDING, 0, NULL);
      return 0;
    }
  }
  int n = bio_read(wbio, out, cap);
  info[1] = (int)bio_ctrl(wbio, BIO_CTRL_PENDING, 0, NULL);
  return n > 0 ? n : 0;
}
