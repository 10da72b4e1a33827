/**
 * What process.stdin, stdout and stderr are made of, without the rest of
 * the package: a program whose stdout is a pipe builds a net.Socket at its
 * first console.log, and loading the whole index (node:net's API module
 * and dgram with it) would put their cost on every such start. A terminal's
 * streams are node:tty's (`@mini/net/tty`), loaded only for a terminal.
 */
export { Socket } from './socket.js';
export { Pipe } from './handles/pipe.js';
export { TCP } from './handles/tcp.js';
export { guessHandleType, type HandleType } from './handles/tty.js';
