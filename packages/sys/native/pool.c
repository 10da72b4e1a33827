/*
 * The thread pool's native half: libuv's threadpool.c, reduced to what a
 * TypeScript loop needs from native threads.
 *
 * A request is one call of a C function with up to six word-sized
 * arguments, laid out by TypeScript: which function (an index into a table
 * filled by mini_work_fn), its arguments (numbers, or pointers to memory the
 * caller keeps alive until completion), and which loop to tell. A pool
 * thread runs the call, records its result and errno, and hands the request
 * to its loop's port:
 *
 *   mini_work_submit ─> queue (normal | slow) ─> thread: r = fn(a0..a5); err = errno
 *                                                   │ append to port->done,
 *                                                   │ write port's eventfd if it was empty
 *   loop, woken in epoll_wait <─────────────────────┘
 *     mini_port_drain: read the eventfd, copy every finished (slot, result,
 *     errno) into the caller's buffer, free the requests: one FFI call per
 *     wakeup, however many requests finished.
 *
 * One pool per process, shared by every loop (every worker thread's loop
 * has a port of its own). The threads start all at once on first submit,
 * with every signal blocked, so a signal meant for the loop thread can never
 * land on them. Slow work (getaddrinfo) may occupy at most (n + 1) / 2
 * threads, so lookups to a dead server cannot starve file system work.
 * The thread that goes idle last spins up to 50 us before it sleeps, so a
 * request that follows the previous one closely (a stream's next chunk)
 * costs the loop no futex wake.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

#define MAX_FNS 256
#define MAX_THREADS 1024

/* How the result register is read: an int (sign-extended), or a full word. */
enum { RESULT_INT = 0, RESULT_LONG = 1 };
enum { KIND_CPU = 0, KIND_FAST_IO = 1, KIND_SLOW_IO = 2 };

typedef intptr_t (*word_fn)(intptr_t, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t);

struct fn_entry {
  word_fn fn;
  int result;
};

struct port;

struct req {
  struct req *next;
  struct port *port;
  uint32_t slot;
  uint32_t fn;
  uint32_t kind;
  int32_t err;
  int64_t result;
  intptr_t args[6];
};

struct queue {
  struct req *head, *tail;
};

/* A loop's side: where its finished requests wait, and its wakeup. */
struct port {
  pthread_mutex_t lock;
  struct queue done;
  int wake_fd;
  uint32_t in_flight;
};

/* What mini_port_drain copies out per request: 16 bytes, read by TypeScript. */
struct completion {
  uint32_t slot;
  int32_t err;
  int64_t result;
};

static struct fn_entry fns[MAX_FNS];
static int nfns;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static struct queue normal_q, slow_q;
static unsigned pool_size, nthreads, idle_threads, slow_running, slow_limit;
/*
 * Signals sent to idle threads that have not woken yet. A woken thread only
 * leaves the idle count once it holds the lock again, so without this a
 * burst of submissions (64 callbacks each starting a stat) would signal, and
 * enter the kernel, once per request instead of once per sleeping thread.
 */
static unsigned wakeups;
/*
 * The thread that went idle last spins for a while before it sleeps, and
 * this is where a submit finds it (NULL: none spinning): the submit sets
 * the spinner's flag instead of signalling. A stream's next read is
 * usually submitted 10-40 us after the last one finished, and a signal to
 * a sleeping thread cost the loop ~10 us each (on two cores the wakee
 * often preempts the loop at once) plus the wakee's own wakeup latency.
 * One spinner at most, so the pool never takes both cores from the loop.
 */
static int *spinner;
/* How long an idle thread waits for work before it sleeps. */
#define SPIN_NS 50000
/* Requests waiting in normal_q and slow_q (a trace counter: the pool's queue depth). */
static unsigned queued_count;

/*
 * Tracing (mini --trace-loop): while on, each thread records when it ran
 * which function. Off, a thread pays one relaxed load per request.
 */
struct trace_record {
  int32_t tid;
  uint32_t fn;
  int64_t start_ns;
  int64_t end_ns;
};
#define TRACE_MAX (1 << 20)
static int tracing;
static pthread_mutex_t trace_lock = PTHREAD_MUTEX_INITIALIZER;
static struct trace_record *trace_buf;
static size_t trace_len, trace_cap;

static int64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void trace_append(int32_t tid, uint32_t fn, int64_t start, int64_t end) {
  pthread_mutex_lock(&trace_lock);
  if (trace_len == trace_cap && trace_cap < TRACE_MAX) {
    size_t cap = trace_cap ? trace_cap * 2 : 1024;
    struct trace_record *b = realloc(trace_buf, cap * sizeof *b);
    if (b) {
      trace_buf = b;
      trace_cap = cap;
    }
  }
  /* Full: the records are dropped, not the requests. */
  if (trace_len < trace_cap) trace_buf[trace_len++] = (struct trace_record){tid, fn, start, end};
  pthread_mutex_unlock(&trace_lock);
}

static void push(struct queue *q, struct req *r) {
  r->next = NULL;
  if (q->tail) q->tail->next = r;
  else q->head = r;
  q->tail = r;
}

static struct req *shift(struct queue *q) {
  struct req *r = q->head;
  if (r) {
    q->head = r->next;
    if (!q->head) q->tail = NULL;
  }
  return r;
}

/* Remove `slot` of `p` from `q`, if it is still there. */
static struct req *unlink_req(struct queue *q, struct port *p, uint32_t slot) {
  struct req *prev = NULL;
  for (struct req *r = q->head; r; prev = r, r = r->next) {
    if (r->port != p || r->slot != slot) continue;
    if (prev) prev->next = r->next;
    else q->head = r->next;
    if (q->tail == r) q->tail = prev;
    return r;
  }
  return NULL;
}

static void complete(struct req *r) {
  struct port *p = r->port;
  pthread_mutex_lock(&p->lock);
  int was_empty = p->done.head == NULL;
  push(&p->done, r);
  pthread_mutex_unlock(&p->lock);
  /* Only the first completion since the last drain needs to wake the loop:
   * the drain reads the eventfd before it takes the list, so nothing
   * appended after that read goes unnoticed. */
  if (was_empty) {
    uint64_t one = 1;
    while (write(p->wake_fd, &one, sizeof one) < 0 && errno == EINTR) {
    }
  }
}

/* The oldest runnable request: slow ones wait in place while the slow limit is reached. */
static struct req *take(void) {
  struct req *r;
  if (slow_q.head && slow_running < slow_limit) {
    slow_running++;
    r = shift(&slow_q);
  } else {
    r = shift(&normal_q);
  }
  if (r) queued_count--;
  return r;
}

static void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* Wait up to SPIN_NS for a submit to set `claimed`; yields the CPU as it goes, so a loop on the same core still runs. */
static void spin_for_work(int *claimed) {
  const int64_t until = monotonic_ns() + SPIN_NS;
  for (;;) {
    for (int i = 0; i < 64; i++) {
      if (__atomic_load_n(claimed, __ATOMIC_ACQUIRE)) return;
      cpu_relax();
    }
    if (monotonic_ns() >= until) return;
    sched_yield();
  }
}

static void *worker(void *arg) {
  (void)arg;
  const int32_t tid = (int32_t)gettid();
  /* Spin at most once per idle spell: a thread that spun in vain sleeps. */
  int spun = 0;
  pthread_mutex_lock(&lock);
  for (;;) {
    struct req *r;
    while ((r = take()) == NULL) {
      if (!spun && spinner == NULL) {
        int claimed = 0;
        spinner = &claimed;
        spun = 1;
        pthread_mutex_unlock(&lock);
        spin_for_work(&claimed);
        pthread_mutex_lock(&lock);
        /* Not claimed: no submit counts on this thread any more. Claimed:
         * the work is in the queue (or another thread already took it). */
        if (spinner == &claimed) spinner = NULL;
        continue;
      }
      idle_threads++;
      pthread_cond_wait(&cond, &lock);
      idle_threads--;
      if (wakeups > 0) wakeups--;
    }
    spun = 0;
    pthread_mutex_unlock(&lock);

    struct fn_entry *e = &fns[r->fn];
    const int traced = __atomic_load_n(&tracing, __ATOMIC_RELAXED);
    const int64_t start = traced ? monotonic_ns() : 0;
    errno = 0;
    intptr_t v = e->fn(r->args[0], r->args[1], r->args[2], r->args[3], r->args[4], r->args[5]);
    r->err = errno;
    if (traced) trace_append(tid, r->fn, start, monotonic_ns());
    r->result = e->result == RESULT_INT ? (int64_t)(int)v : (int64_t)v;

    /* Read before the request goes to its loop, which frees it. */
    const int slow = r->kind == KIND_SLOW_IO;
    complete(r);
    pthread_mutex_lock(&lock);
    /* No thread is woken for the slow request this frees room for: this
     * one takes it next (take() prefers runnable slow work), so a signal
     * would only wake a thread to find nothing and sleep again, a futex
     * round trip per lookup with 100 in flight. */
    if (slow) slow_running--;
  }
  return NULL;
}

/* Start the threads with every signal blocked: they inherit the creator's mask. */
static int start_threads(unsigned n) {
  sigset_t all, saved;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &saved);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  int rc = 0;
  for (unsigned i = 0; i < n; i++) {
    pthread_t t;
    rc = pthread_create(&t, &attr, worker, NULL);
    if (rc != 0) break;
    nthreads++;
  }
  pthread_attr_destroy(&attr);
  pthread_sigmask(SIG_SETMASK, &saved, NULL);
  return nthreads > 0 ? 0 : -rc;
}

/* Resolve a function for requests: libc and the node binary first, then ours. */
API int mini_work_fn(const char *name, int result) {
  static void *self;
  void *sym = dlsym(RTLD_DEFAULT, name);
  if (!sym) {
    Dl_info info;
    if (!self && dladdr((void *)mini_work_fn, &info)) self = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD);
    if (self) sym = dlsym(self, name);
  }
  if (!sym) return -ENOENT;
  pthread_mutex_lock(&lock);
  int id = -ENOSPC;
  for (int i = 0; i < nfns; i++) {
    if ((void *)fns[i].fn == sym && fns[i].result == result) {
      id = i;
      break;
    }
  }
  if (id < 0 && nfns < MAX_FNS) {
    fns[nfns].fn = (word_fn)sym;
    fns[nfns].result = result;
    id = nfns++;
  }
  pthread_mutex_unlock(&lock);
  return id;
}

/* Size the pool; the first call wins (UV_THREADPOOL_SIZE is read once). Returns the size. */
API int mini_pool_configure(unsigned size) {
  pthread_mutex_lock(&lock);
  if (pool_size == 0) {
    pool_size = size < 1 ? 1 : size > MAX_THREADS ? MAX_THREADS : size;
    slow_limit = (pool_size + 1) / 2;
  }
  int n = (int)pool_size;
  pthread_mutex_unlock(&lock);
  return n;
}

/* Threads running (0 before the first submit). */
API int mini_pool_threads(void) {
  pthread_mutex_lock(&lock);
  int n = (int)nthreads;
  pthread_mutex_unlock(&lock);
  return n;
}

API struct port *mini_port_open(int wake_fd) {
  struct port *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  pthread_mutex_init(&p->lock, NULL);
  p->wake_fd = wake_fd;
  return p;
}

/* Free a port; refused (-EBUSY) while any of its requests is in flight. */
API int mini_port_close(struct port *p) {
  if (__atomic_load_n(&p->in_flight, __ATOMIC_ACQUIRE)) return -EBUSY;
  pthread_mutex_destroy(&p->lock);
  free(p);
  return 0;
}

/*
 * A submission as TypeScript lays it out: 72 bytes, every argument already
 * a number (buffers as their addresses). `status` is written back: 0, or a
 * negative errno for a request that was not queued.
 */
struct submission {
  struct port *port;
  uint32_t slot;
  uint32_t fn;
  uint32_t kind;
  int32_t status;
  intptr_t args[6];
};

/* Take back requests that were never queued. */
static void unqueue(struct req *r) {
  while (r) {
    struct req *next = r->next;
    __atomic_sub_fetch(&r->port->in_flight, 1, __ATOMIC_RELAXED);
    free(r);
    r = next;
  }
}

/*
 * uv_queue_work for a batch: all of `subs` under one lock, and a signal for
 * no more sleeping threads than there is new work. A loop that runs 64
 * callbacks, each starting a request, submits them as one batch. Returns
 * how many were queued; the others carry their error in `status`.
 */
API int mini_work_submit(struct submission *subs, int n) {
  struct req *head = NULL, *tail = NULL, *slow_head = NULL, *slow_tail = NULL;
  int queued = 0, fast = 0;
  for (int i = 0; i < n; i++) {
    struct submission *s = &subs[i];
    struct req *r = s->fn < (uint32_t)nfns && s->kind <= KIND_SLOW_IO ? malloc(sizeof *r) : NULL;
    if (!r) {
      s->status = s->fn < (uint32_t)nfns && s->kind <= KIND_SLOW_IO ? -ENOMEM : -EINVAL;
      continue;
    }
    s->status = 0;
    r->next = NULL;
    r->port = s->port;
    r->slot = s->slot;
    r->fn = s->fn;
    r->kind = s->kind;
    r->err = 0;
    r->result = 0;
    memcpy(r->args, s->args, sizeof r->args);
    if (r->kind == KIND_SLOW_IO) {
      if (slow_tail) slow_tail->next = r;
      else slow_head = r;
      slow_tail = r;
    } else {
      if (tail) tail->next = r;
      else head = r;
      tail = r;
      fast++;
    }
    __atomic_add_fetch(&r->port->in_flight, 1, __ATOMIC_RELAXED);
    queued++;
  }
  if (queued == 0) return 0;

  pthread_mutex_lock(&lock);
  if (nthreads == 0) {
    if (pool_size == 0) {
      pool_size = 4;
      slow_limit = 2;
    }
    int rc = start_threads(pool_size);
    if (rc < 0) {
      pthread_mutex_unlock(&lock);
      unqueue(head);
      unqueue(slow_head);
      for (int i = 0; i < n; i++) {
        if (subs[i].status == 0) subs[i].status = rc;
      }
      return 0;
    }
  }
  queued_count += (unsigned)queued;
  /* Splice each list onto its queue in one step. */
  if (head) {
    if (normal_q.tail) normal_q.tail->next = head;
    else normal_q.head = head;
    normal_q.tail = tail;
  }
  if (slow_head) {
    if (slow_q.tail) slow_q.tail->next = slow_head;
    else slow_q.head = slow_head;
    slow_q.tail = slow_tail;
  }
  /* Slow requests beyond the slow limit cannot run yet: they need no thread
   * now (a thread woken for one would find nothing it may take and sleep
   * again; with 100 lookups in flight that was a futex wake per submit). */
  unsigned slow_free = slow_limit > slow_running ? slow_limit - slow_running : 0;
  unsigned slow_new = (unsigned)(queued - fast);
  unsigned runnable = (unsigned)fast + (slow_new < slow_free ? slow_new : slow_free);
  if (spinner != NULL && runnable > 0) {
    __atomic_store_n(spinner, 1, __ATOMIC_RELEASE);
    spinner = NULL;
    runnable--;
  }
  unsigned wake = 0;
  while (idle_threads > wakeups + wake && runnable > 0) {
    wake++;
    runnable--;
  }
  wakeups += wake;
  pthread_mutex_unlock(&lock);
  /* Signalled after the unlock: a thread woken while the loop still held
   * the lock could only block on it again, and on two cores the wakee
   * often preempts the loop right there, so each submit cost the loop two
   * switches. The count is taken under the lock; a thread that starts
   * waiting meanwhile just takes one of these signals and finds the work. */
  for (unsigned i = 0; i < wake; i++) pthread_cond_signal(&cond);
  return queued;
}

/*
 * uv_cancel: withdraw a request no thread has picked up. It is completed
 * with ECANCELED through the port, so its callback still runs in the loop's
 * poll phase, as libuv's does. -EBUSY once a thread has it.
 */
API int mini_work_cancel(struct port *p, uint32_t slot) {
  pthread_mutex_lock(&lock);
  struct req *r = unlink_req(&normal_q, p, slot);
  if (!r) r = unlink_req(&slow_q, p, slot);
  if (r) queued_count--;
  pthread_mutex_unlock(&lock);
  if (!r) return -EBUSY;
  r->err = ECANCELED;
  r->result = -ECANCELED;
  r->kind = KIND_CPU;
  complete(r);
  return 0;
}

/* Copy up to `max` finished requests into `out`; the rest stay for the next drain. */
API int mini_port_drain(struct port *p, struct completion *out, int max) {
  uint64_t count;
  while (read(p->wake_fd, &count, sizeof count) < 0 && errno == EINTR) {
  }
  pthread_mutex_lock(&p->lock);
  int n = 0;
  struct req *r;
  while (n < max && (r = shift(&p->done)) != NULL) {
    out[n].slot = r->slot;
    out[n].err = r->err;
    out[n].result = r->result;
    n++;
    free(r);
  }
  __atomic_sub_fetch(&p->in_flight, (uint32_t)n, __ATOMIC_RELAXED);
  /* Left over: make sure the loop comes back for them. */
  int more = p->done.head != NULL;
  pthread_mutex_unlock(&p->lock);
  if (more) {
    uint64_t one = 1;
    while (write(p->wake_fd, &one, sizeof one) < 0 && errno == EINTR) {
    }
  }
  return n;
}

/* Requests queued and not yet taken by a thread. */
API int mini_pool_queued(void) {
  pthread_mutex_lock(&lock);
  int n = (int)queued_count;
  pthread_mutex_unlock(&lock);
  return n;
}

/* Start (1) or stop (0) recording each request's run; returns the previous state. */
API int mini_trace_pool(int on) {
  return __atomic_exchange_n(&tracing, on ? 1 : 0, __ATOMIC_RELAXED);
}

/* Move up to `max` records (24 bytes each: tid, fn, start ns, end ns) into `out`; returns how many. */
API int mini_trace_take(struct trace_record *out, int max) {
  pthread_mutex_lock(&trace_lock);
  size_t n = trace_len < (size_t)max ? trace_len : (size_t)max;
  memcpy(out, trace_buf, n * sizeof *out);
  memmove(trace_buf, trace_buf + n, (trace_len - n) * sizeof *out);
  trace_len -= n;
  pthread_mutex_unlock(&trace_lock);
  return (int)n;
}

/*
 * A probe for tests and diagnostics: block for `ms`, counting in `counters`
 * how many probes run at once: [0] running now, [1] most ever, [2] started.
 * With `meet` > 0, first wait (up to 5 s) until that many have run at once
 * (the most-ever count, so the first to leave cannot strand the others), so
 * a concurrency test does not depend on how fast threads pick work up.
 */
API int mini_probe_sleep(int32_t *counters, int ms, int meet) {
  if (counters) {
    __atomic_add_fetch(&counters[2], 1, __ATOMIC_SEQ_CST);
    int now = __atomic_add_fetch(&counters[0], 1, __ATOMIC_SEQ_CST);
    int max = __atomic_load_n(&counters[1], __ATOMIC_SEQ_CST);
    while (now > max && !__atomic_compare_exchange_n(&counters[1], &max, now, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
    }
    for (int waited = 0; meet > 0 && __atomic_load_n(&counters[1], __ATOMIC_SEQ_CST) < meet && waited < 5000; waited++) {
      usleep(1000);
    }
  }
  if (ms > 0) usleep((useconds_t)ms * 1000);
  if (counters) __atomic_sub_fetch(&counters[0], 1, __ATOMIC_SEQ_CST);
  return (int)gettid();
}

/* A stable native address of a buffer koffi passes in (a typed array's backing store). */
API void *mini_address(void *p) {
  return p;
}
