/*
 * File system calls that are more than one libc call on the pool thread.
 * Each is what one libuv uv_fs_* request does on its thread (scandir,
 * copyfile, mkdtemp, realpath), or one step of Node that would otherwise
 * cost a pool round trip per path component or per entry (mkdir -p, and the
 * tree removal under rm -r). Each returns >= 0 on success, or -1 with errno
 * set, so the pool reports failures as it does for plain libc calls.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

#ifndef FICLONE
#define FICLONE _IOW(0x94, 9, int)
#endif

/* Node's UV_FS_COPYFILE_* flags. */
#define COPYFILE_EXCL 1
#define COPYFILE_FICLONE 2
#define COPYFILE_FICLONE_FORCE 4

static int skip_dots(const struct dirent *d) {
  return !(d->d_name[0] == '.' && (d->d_name[1] == 0 || (d->d_name[1] == '.' && d->d_name[2] == 0)));
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * uv_fs_scandir: the entries of a folder but . and .., sorted by strcmp as
 * libuv sorts them, written to `out` as (d_type byte, name, NUL) records.
 * An unknown d_type is settled with an lstat here rather than one more
 * request per entry. Returns the bytes the records need: when that is more
 * than `cap`, nothing useful was written and the caller asks again with a
 * buffer that big.
 */
API long mini_fs_scandir(const char *path, char *out, long cap) {
  struct dirent **list;
  int n = scandir(path, &list, skip_dots, by_name);
  if (n < 0) return -1;
  int dfd = -1;
  long used = 0;
  for (int i = 0; i < n; i++) {
    size_t len = strlen(list[i]->d_name);
    unsigned char type = list[i]->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (dfd < 0) dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dfd >= 0 && fstatat(dfd, list[i]->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = IFTODT(st.st_mode);
    }
    if (used + (long)len + 2 <= cap) {
      out[used] = (char)type;
      memcpy(out + used + 1, list[i]->d_name, len + 1);
    }
    used += (long)len + 2;
    free(list[i]);
  }
  free(list);
  if (dfd >= 0) close(dfd);
  errno = 0;
  return used;
}

/* mkdir that counts an existing folder as done: 1 made, 0 there already, -1 with errno (EEXIST for a non-folder). */
static int mkdir_once(const char *path, int mode) {
  if (mkdir(path, mode) == 0) return 1;
  if (errno != EEXIST) return -1;
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
  errno = EEXIST;
  return -1;
}

/*
 * Node's MKDirpAsync in one request: make `path` and any missing parents.
 * The shallowest folder made is copied to `first` (empty when all existed);
 * an existing non-folder at `path` is EEXIST, one on the way ENOTDIR.
 */
static int mkdirp(char *path, size_t len, int mode, char *first, size_t cap) {
  int r = mkdir_once(path, mode);
  if (r >= 0 || errno != ENOENT) goto done;
  size_t cut = len;
  while (cut > 0 && path[cut - 1] == '/') cut--;
  while (cut > 0 && path[cut - 1] != '/') cut--;
  while (cut > 1 && path[cut - 1] == '/') cut--;
  if (cut == 0 || (cut == 1 && path[0] == '/')) {
    errno = ENOENT;
    return -1;
  }
  char saved = path[cut];
  path[cut] = 0;
  r = mkdirp(path, cut, mode, first, cap);
  path[cut] = saved;
  if (r < 0) return -1;
  r = mkdir_once(path, mode);
done:
  if (r < 0) return -1;
  if (r == 1 && first[0] == 0 && len < cap) memcpy(first, path, len + 1);
  return 0;
}

API int mini_fs_mkdirp(const char *path, int mode, char *first, long cap) {
  size_t len = strlen(path);
  char *copy = malloc(len + 1);
  if (copy == NULL) return -1;
  memcpy(copy, path, len + 1);
  first[0] = 0;
  int r = mkdirp(copy, len, mode, first, (size_t)cap);
  int saved = errno;
  free(copy);
  errno = r < 0 ? saved : 0;
  return r;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st;
  (void)ftw;
  return type == FTW_DP ? rmdir(path) : unlink(path);
}

/* The tree under and including `path`, deepest first, never following links. */
API int mini_fs_rmtree(const char *path) {
  return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * uv_fs_copyfile: a folder source is EISDIR; the destination is made with the source's mode and
 * truncated (unless it is the source itself), cloned when asked, then
 * filled with sendfile.
 */
API int mini_fs_copyfile(const char *src, const char *dst, int flags) {
  int in = open(src, O_RDONLY | O_CLOEXEC);
  if (in < 0) return -1;
  int out = -1, err = 0;
  struct stat sst, dst_st;
  if (fstat(in, &sst) < 0) goto fail;
  if (S_ISDIR(sst.st_mode)) {
    errno = EISDIR;
    goto fail;
  }
  out = open(dst, O_WRONLY | O_CREAT | O_CLOEXEC | ((flags & COPYFILE_EXCL) ? O_EXCL : 0), sst.st_mode);
  if (out < 0) goto fail;
  if (fstat(out, &dst_st) < 0) goto fail;
  if (sst.st_dev == dst_st.st_dev && sst.st_ino == dst_st.st_ino) goto done;
  if (ftruncate(out, 0) < 0 || fchmod(out, sst.st_mode) < 0) goto fail;
  if (flags & (COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE)) {
    if (ioctl(out, FICLONE, in) == 0) goto done;
    if (flags & COPYFILE_FICLONE_FORCE) goto fail;
  }
  for (off_t left = sst.st_size; left > 0;) {
    ssize_t n = sendfile(out, in, NULL, left > 0x7ffff000 ? 0x7ffff000 : (size_t)left);
    if (n < 0) {
      if (errno == EINTR) continue;
      goto fail;
    }
    if (n == 0) break;
    left -= n;
  }
done:
  close(in);
  if (close(out) < 0) return -1;
  errno = 0;
  return 0;
fail:
  err = errno;
  close(in);
  if (out >= 0) {
    close(out);
    unlink(dst);
  }
  errno = err;
  return -1;
}

/* mkdtemp answers a pointer: this answers 0 or -1, the template filled in place. */
API int mini_fs_mkdtemp(char *tmpl) {
  return mkdtemp(tmpl) == NULL ? -1 : 0;
}

/* realpath answers a pointer: this answers the length written to `out` (PATH_MAX bytes). */
API long mini_fs_realpath(const char *path, char *out) {
  if (realpath(path, out) == NULL) return -1;
  return (long)strlen(out);
}

/* opendir answers a pointer, NULL on failure: this answers it as a number, or -1. */
API long mini_fs_opendir(const char *path) {
  DIR *d = opendir(path);
  return d == NULL ? -1 : (long)(intptr_t)d;
}

/*
 * uv_fs_readdir: up to `max` entries but . and .., in the order the file
 * system gives them, as (d_type byte, name, NUL) records in `out`, which
 * holds `max` names of NAME_MAX bytes. Answers the bytes written; 0 at the
 * end of the folder.
 */
API long mini_fs_readdir(long handle, char *out, long max) {
  DIR *d = (DIR *)(intptr_t)handle;
  long used = 0;
  for (long n = 0; n < max;) {
    errno = 0;
    struct dirent *e = readdir(d);
    if (e == NULL) {
      if (errno != 0) return -1;
      break;
    }
    if (!skip_dots(e)) continue;
    size_t len = strlen(e->d_name);
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = IFTODT(st.st_mode);
    }
    out[used] = (char)type;
    memcpy(out + used + 1, e->d_name, len + 1);
    used += (long)len + 2;
    n++;
  }
  errno = 0;
  return used;
}

API int mini_fs_closedir(long handle) {
  return closedir((DIR *)(intptr_t)handle);
}
