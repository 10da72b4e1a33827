/**
 * A child's stdio as the Process handle takes it. A 'pipe' slot is a Unix
 * socketpair, as libuv makes it: our end non-blocking inside a Pipe handle,
 * the child's end blocking (programs expect blocking stdio). The spawn
 * itself makes the pairs (SPAWN_STDIO_PIPE), gives the child its end and
 * closes our copy of it, all in its one FFI call; the Pipe handles are made
 * before it, as Node makes them, and open on our ends after it. An 'ipc'
 * slot is made the same way; the layer above puts the channel on it.
 */
import type { Loop } from '@mini/loop';
import { Pipe } from '@mini/net';
import { F_GETFL, F_SETFL, O_NONBLOCK, SPAWN_STDIO_CLOSE, SPAWN_STDIO_DEVNULL, SPAWN_STDIO_PIPE, unistd } from '@mini/sys';
import type { StdioSpec } from './spawn-options.js';

export interface PreparedStdio {
  /** What the child's fd i becomes (see ProcessOptions.stdio); after the spawn, our end of each pipe. */
  slots: Int32Array;
  /** The handle of each 'pipe' and 'ipc' slot. */
  pipes: (Pipe | null)[];
}

/** The slots for `specs`, with a Pipe handle on `loop` for each one the spawn makes a socketpair for. */
export function prepareStdio(loop: Loop, specs: readonly StdioSpec[]): PreparedStdio {
  const slots = new Int32Array(specs.length);
  const pipes: (Pipe | null)[] = [];
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
      slots[i] = s.fd;
      pipes.push(null);
    } else if (s.type === 'ignore') {
      slots[i] = i < 3 ? SPAWN_STDIO_DEVNULL : SPAWN_STDIO_CLOSE;
      pipes.push(null);
    } else {
      slots[i] = SPAWN_STDIO_PIPE;
      pipes.push(new Pipe(loop, -1, s.type === 'ipc'));
    }
  }
  return { slots, pipes };
}

/**
 * After the spawn: each pipe handle takes our end of its socketpair. False
 * when the spawn could not make them; the handles are then closed.
 */
export function openPipes(p: PreparedStdio): boolean {
  let made = true;
  p.pipes.forEach((pipe, i) => {
    if (pipe === null) return;
    const fd = p.slots[i]!;
    if (fd >= 0) pipe.open(fd);
    else made = false;
  });
  if (!made) releaseStdio(p);
  return made;
}

/** Close every pipe handle (and the socket it holds). */
export function releaseStdio(p: PreparedStdio): void {
  for (const pipe of p.pipes) if (pipe !== null && !pipe.isClosing()) pipe.close();
}
