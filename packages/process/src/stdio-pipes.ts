/**
 * A child's stdio as the Process handle takes it. A 'pipe' slot is a Unix
 * socketpair, as libuv makes it: our end non-blocking inside a Pipe handle,
 * the child's end blocking (programs expect blocking stdio) and
 * close-on-exec here, so only the dup2 of the spawn gives it to the child;
 * we close our copy of it as soon as the child has started. An 'ipc' slot
 * is made the same way; the layer above puts the channel on it.
 */
import type { Loop } from '@mini/loop';
import { Pipe } from '@mini/net';
import {
  AF_UNIX,
  F_GETFL,
  F_SETFL,
  O_NONBLOCK,
  SOCK_CLOEXEC,
  SOCK_STREAM,
  SPAWN_STDIO_CLOSE,
  SPAWN_STDIO_DEVNULL,
  lastError,
  socket as sock,
  unistd,
} from '@mini/sys';
import type { StdioSpec } from './spawn-options.js';

export interface PreparedStdio {
  /** What the child's fd i becomes (see ProcessOptions.stdio). */
  slots: number[];
  /** Our end of each 'pipe' slot. */
  pipes: (Pipe | null)[];
  /** The child's ends, ours to close once it has started. */
  childEnds: number[];
}

const pair = new Int32Array(2);
const pairBytes = new Uint8Array(pair.buffer);

/** The slots for `specs`, pipes on `loop`; a negative errno when a socketpair cannot be made. */
export function prepareStdio(loop: Loop, specs: readonly StdioSpec[]): PreparedStdio | number {
  const out: PreparedStdio = { slots: [], pipes: [], childEnds: [] };
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i]!;
    if (s.type === 'fd') {
      // libuv makes a child's fds 0-2 blocking after the dup2; the file
      // description is shared, so clearing the flag here is the same
      // thing (and the same side effect on our copy), and it keeps
      // programs like cat from reading EAGAIN.
      if (i <= 2) {
        const flags = unistd.fcntl(s.fd, F_GETFL, 0);
        if (flags >= 0 && flags & O_NONBLOCK) unistd.fcntl(s.fd, F_SETFL, flags & ~O_NONBLOCK);
      }
      out.slots.push(s.fd);
      out.pipes.push(null);
    } else if (s.type === 'ignore') {
      out.slots.push(i < 3 ? SPAWN_STDIO_DEVNULL : SPAWN_STDIO_CLOSE);
      out.pipes.push(null);
    } else {
      if (sock.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pairBytes) < 0) {
        const err = lastError();
        releaseStdio(out);
        return err;
      }
      const ours = pair[0]!;
      unistd.fcntl(ours, F_SETFL, unistd.fcntl(ours, F_GETFL, 0) | O_NONBLOCK);
      out.pipes.push(new Pipe(loop, ours, s.type === 'ipc'));
      out.slots.push(pair[1]!);
      out.childEnds.push(pair[1]!);
    }
  }
  return out;
}

/** Close the child's ends (after the spawn, or when it failed). */
export function closeChildEnds(p: PreparedStdio): void {
  for (const fd of p.childEnds) unistd.close(fd);
  p.childEnds.length = 0;
}

/** Give everything back: the spawn did not happen. */
export function releaseStdio(p: PreparedStdio): void {
  closeChildEnds(p);
  for (const pipe of p.pipes) pipe?.close();
}
