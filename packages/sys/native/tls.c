/*
 * The record pump's steady state in one call per direction (packages/tls,
 * handles/tls-wrap.ts): the OpenSSL calls a request or a response costs,
 * made here rather than one FFI crossing each.
 *
 *   mini_tls_read   feed `len` received bytes to the SSL's read BIO, then
 *                   SSL_read cleartext into the read pool until OpenSSL
 *                   wants more, the pool is full, or a call fails
 *   mini_tls_write  SSL_write `len` bytes of cleartext, then BIO_read the
 *                   records it made into the out pool
 *
 * The pools and the report are the calling thread's, given once by
 * mini_tls_pools (buffers that live as long as the thread's tls module, and
 * a worker thread has its own): each call then takes only the SSL and its
 * input, the fewer arguments an FFI crossing costs less (measured through
 * koffi: 8 arguments ~130 ns a call, 3 ~50 ns).
 *
 * Both report through `info`: info[0] is SSL_get_error of the call that
 * stopped the work (0 when none failed), info[1] the bytes still waiting
 * in the write BIO (records for the peer: a session ticket, an alert, or
 * what did not fit in the pool). mini_tls_write also gives in info[2] what
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
static void *(*ssl_get_rbio)(const void *ssl);
static void *(*ssl_get_wbio)(const void *ssl);
static int (*bio_read)(void *bio, void *buf, int len);
static int (*bio_write)(void *bio, const void *buf, int len);
static long (*bio_ctrl)(void *bio, int cmd, long larg, void *parg);

/* One thread-local block: one TLS lookup a call. */
struct pools {
  char *read;
  int read_cap;
  char *out;
  int out_cap;
  int *info;
};
static __thread struct pools pools;

API int mini_tls_init(void) {
  if (ssl_read != NULL) return 0;
  ssl_write = (int (*)(void *, const void *, int))dlsym(RTLD_DEFAULT, "SSL_write");
  ssl_get_error = (int (*)(const void *, int))dlsym(RTLD_DEFAULT, "SSL_get_error");
  ssl_get_rbio = (void *(*)(const void *))dlsym(RTLD_DEFAULT, "SSL_get_rbio");
  ssl_get_wbio = (void *(*)(const void *))dlsym(RTLD_DEFAULT, "SSL_get_wbio");
  bio_read = (int (*)(void *, void *, int))dlsym(RTLD_DEFAULT, "BIO_read");
  bio_write = (int (*)(void *, const void *, int))dlsym(RTLD_DEFAULT, "BIO_write");
  bio_ctrl = (long (*)(void *, int, long, void *))dlsym(RTLD_DEFAULT, "BIO_ctrl");
  void *read = dlsym(RTLD_DEFAULT, "SSL_read");
  if (!ssl_write || !ssl_get_error || !ssl_get_rbio || !ssl_get_wbio || !bio_read || !bio_write || !bio_ctrl || !read) return -1;
  ssl_read = (int (*)(void *, void *, int))read;
  return 0;
}

API void mini_tls_pools(void *rpool, int rcap, void *opool, int ocap, void *report) {
  struct pools *p = &pools;
  p->read = rpool;
  p->read_cap = rcap;
  p->out = opool;
  p->out_cap = ocap;
  p->info = report;
}

API int mini_tls_read(void *ssl, const void *in, int len) {
  struct pools *p = &pools;
  int *info = p->info;
  if (len > 0) bio_write(ssl_get_rbio(ssl), in, len);
  int total = 0;
  info[0] = 0;
  while (total < p->read_cap) {
    int n = ssl_read(ssl, p->read + total, p->read_cap - total);
    if (n <= 0) {
      info[0] = ssl_get_error(ssl, n);
      break;
    }
    total += n;
  }
  info[1] = (int)bio_ctrl(ssl_get_wbio(ssl), BIO_CTRL_PENDING, 0, NULL);
  return total;
}

API int mini_tls_write(void *ssl, const void *data, int len) {
  struct pools *p = &pools;
  int *info = p->info;
  void *wbio = ssl_get_wbio(ssl);
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
  int n = bio_read(wbio, p->out, p->out_cap);
  info[1] = (int)bio_ctrl(wbio, BIO_CTRL_PENDING, 0, NULL);
  return n > 0 ? n : 0;
}
