import { bindTable } from '../ffi.js';

/**
 * <termios.h>, <sys/ioctl.h>: terminals. A `struct termios` travels as
 * TERMIOS_SIZE bytes, read and written at the offsets below (glibc,
 * x86_64: four 32-bit flag words, c_line, c_cc[32], then the two speeds).
 * ioctl is variadic in C; TIOCGWINSZ passes one pointer, which the x86_64
 * calling convention hands over the same way as a fixed parameter.
 */
function bindTermios() {
  return bindTable({
    tcgetattr: 'int tcgetattr(int fd, _Out_ void *termios)',
    tcsetattr: 'int tcsetattr(int fd, int action, const void *termios)',
    ioctl: 'int ioctl(int fd, unsigned long request, _Out_ void *arg)',
    /** Returns 0 or an errno (positive), not -1: glibc's convention for the _r calls. */
    ttyname_r: 'int ttyname_r(int fd, _Out_ void *buf, size_t len)',
  });
}

let table: ReturnType<typeof bindTermios> | undefined;

/** Bound on first use: only a program on a terminal needs these, and binding costs every start. */
export function termios(): ReturnType<typeof bindTermios> {
  return (table ??= bindTermios());
}

export const TERMIOS_SIZE = 60;
export const TERMIOS_IFLAG = 0;
export const TERMIOS_OFLAG = 4;
export const TERMIOS_CFLAG = 8;
export const TERMIOS_LFLAG = 12;
/** Offset of c_cc, the control characters. */
export const TERMIOS_CC = 17;

// c_iflag
export const BRKINT = 0o2;
export const INPCK = 0o20;
export const ISTRIP = 0o40;
export const ICRNL = 0o400;
export const IXON = 0o2000;
// c_oflag
export const ONLCR = 0o4;
// c_cflag
export const CS8 = 0o60;
// c_lflag
export const ISIG = 0o1;
export const ICANON = 0o2;
export const ECHO = 0o10;
export const IEXTEN = 0o100000;
// c_cc indices
export const VTIME = 5;
export const VMIN = 6;

export const TCSANOW = 0;
export const TCSADRAIN = 1;

/** ioctl: struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }. */
export const TIOCGWINSZ = 0x5413;
export const WINSIZE_SIZE = 8;
