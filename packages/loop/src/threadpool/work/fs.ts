/**
 * File system work run on pool threads: blocking open/read/close, errors as
 * Node reports them ("ENOENT: no such file or directory, open '/x'").
 */
import { EINTR, O_CLOEXEC, O_RDONLY, SEEK_END, SEEK_SET, lastErrno, unistd, uvException } from '@mini/sys';

/** Size of each read when the file's size is unknown (pipes, /proc files). */
const CHUNK = 64 * 1024;
/** Node's kIoMaxLength: readFile refuses bigger files. */
const IO_MAX_LENGTH = 2 ** 31 - 1;

/** The whole contents of `path`. */
export function readFile(path: string): Uint8Array {
  const fd = unistd.open(path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) throw uvException(lastErrno(), { syscall: 'open', path });
  try {
    return readAll(fd);
  } finally {
    unistd.close(fd);
  }
}

function readAll(fd: number): Uint8Array {
  // A regular file tells its size, so one buffer and usually one read do;
  // a file that does not (size 0 in /proc, a pipe) is read until EOF.
  // (A 64-bit offset past 2^53 comes back from koffi as a BigInt.)
  const end = Number(unistd.lseek(fd, 0, SEEK_END));
  if (end > 0 && Number(unistd.lseek(fd, 0, SEEK_SET)) !== 0) throw uvException(lastErrno(), { syscall: 'read' });
  if (end > IO_MAX_LENGTH) tooLarge(fd, end);
  const known = end > 0 ? end : -1;
  let buf = new Uint8Array(known > 0 ? known : CHUNK);
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (n === known) return buf;
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
    const r = unistd.read(fd, buf.subarray(n), buf.length - n);
    if (r < 0) {
      const errno = lastErrno();
      if (errno === EINTR) continue;
      throw uvException(errno, { syscall: 'read' });
    }
    if (r === 0) return n === buf.length ? buf : buf.slice(0, n);
    n += r;
  }
}

/**
 * A directory reports an absurd size (ext4 says LLONG_MAX), so read one
 * byte first: a directory then fails with EISDIR as in Node, and only a
 * real file gets Node's ERR_FS_FILE_TOO_LARGE.
 */
function tooLarge(fd: number, size: number): never {
  const probe = new Uint8Array(1);
  while (unistd.read(fd, probe, 1) < 0) {
    const errno = lastErrno();
    if (errno !== EINTR) throw uvException(errno, { syscall: 'read' });
  }
  const err = new RangeError(`File size (${size}) is greater than 2 GiB`) as RangeError & { code: string };
  err.code = 'ERR_FS_FILE_TOO_LARGE';
  throw err;
}
