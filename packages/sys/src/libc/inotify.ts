import { bindTable } from '../ffi.js';

/**
 * <sys/inotify.h>: file system events as records read from an fd.
 *
 *   struct inotify_event {        offset
 *     int      wd;                0   the watch it belongs to (-1 for IN_Q_OVERFLOW)
 *     uint32_t mask;              4
 *     uint32_t cookie;            8   pairs IN_MOVED_FROM with IN_MOVED_TO
 *     uint32_t len;               12  bytes of name[], NUL padded
 *     char     name[];            16  the entry's name, for events on a folder's children
 *   };
 */
export const inotify = bindTable({
  inotify_init1: 'int inotify_init1(int flags)',
  // The path is a NUL-terminated byte string: names need not be UTF-8.
  inotify_add_watch: 'int inotify_add_watch(int fd, const void *path, uint32_t mask)',
  inotify_rm_watch: 'int inotify_rm_watch(int fd, int wd)',
});

export const INOTIFY_EVENT_SIZE = 16;

export const IN_NONBLOCK = 0o4000;
export const IN_CLOEXEC = 0o2000000;

export const IN_ACCESS = 0x1;
export const IN_MODIFY = 0x2;
export const IN_ATTRIB = 0x4;
export const IN_CLOSE_WRITE = 0x8;
export const IN_CLOSE_NOWRITE = 0x10;
export const IN_OPEN = 0x20;
export const IN_MOVED_FROM = 0x40;
export const IN_MOVED_TO = 0x80;
export const IN_CREATE = 0x100;
export const IN_DELETE = 0x200;
export const IN_DELETE_SELF = 0x400;
export const IN_MOVE_SELF = 0x800;
export const IN_UNMOUNT = 0x2000;
export const IN_Q_OVERFLOW = 0x4000;
export const IN_IGNORED = 0x8000;
export const IN_ONLYDIR = 0x1000000;
export const IN_DONT_FOLLOW = 0x2000000;
export const IN_MASK_ADD = 0x20000000;
export const IN_ISDIR = 0x40000000;
