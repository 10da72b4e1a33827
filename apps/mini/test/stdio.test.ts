/**
 * process.stdin/stdout/stderr and node:tty, on each kind of fd, against
 * node run the same way. The terminal cases run on a real pseudo-terminal
 * (fixtures/pty-drive.py: python3's pty module; it types input, resizes the
 * window, and prints what the terminal showed), where the transcript of
 * mini must be node's, byte for byte.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');
const NODE = process.execPath;
const FIXTURES = resolve(__dirname, 'fixtures', 'stdio');
const DRIVE = resolve(__dirname, 'fixtures', 'pty-drive.py');
const fixture = (name: string): string => resolve(FIXTURES, name);

type Step = { wait: string } | { send: string } | { resize: [number, number] };

/** The terminal's transcript of `command` on a cols x rows pty driven by `steps`. */
function onPty(command: string[], steps: Step[], cols = 80, rows = 24): string {
  return execFileSync('python3', [DRIVE, String(cols), String(rows), JSON.stringify(steps), '--', ...command], {
    encoding: 'utf8',
    timeout: 20_000,
  });
}

/** Both transcripts, node's first; they must be equal for any test to pass. */
function bothOnPty(args: string[], steps: Step[], cols?: number, rows?: number): string {
  const theirs = onPty([NODE, ...args], steps, cols, rows);
  const ours = onPty([MINI, ...args], steps, cols, rows);
  expect(ours).toBe(theirs);
  return ours;
}

describe('on a terminal', () => {
  it('mini with no script on a terminal is the REPL: our require and builtins, our timers, .exit', () => {
    const steps: Step[] = [
      { wait: '> ' },
      { send: '1 + 1\r' },
      { wait: '2' },
      { send: "[fs === require('fs'), typeof net.connect, require.resolve('fs')]\r" },
      // Each wait is for text only the answer holds, never the echo of what was typed.
      { wait: 'true' },
      // Awaited by its output, which the echoed input does not contain.
      { send: "setTimeout(() => console.log('timer', 'ran'), 10), 'scheduled'\r" },
      { wait: 'timer ran' },
      { send: '.exit\r' },
    ];
    // The greeting names the runtime; everything after it is the same session.
    const session = (transcript: string): string => transcript.slice(transcript.indexOf('more information.'));
    const ours = onPty([MINI], steps);
    expect(ours).toContain('Welcome to mini v');
    expect(session(ours)).toBe(session(onPty([NODE], steps)));
    expect(ours).toContain('EXIT 0');
  });

  it('stdio streams are tty streams: isatty, columns/rows, resize on SIGWINCH, raw mode', () => {
    const out = bothOnPty(
      [fixture('tty-basics.js')],
      [{ wait: 'ready\r\n' }, { send: 'ab\n' }, { wait: 'ready1' }, { resize: [100, 40] }, { wait: 'ready2' }, { send: 'x\u0003q' }],
      80,
      24,
    );
    expect(out).toContain('isatty true true true\r\n');
    expect(out).toContain('stdin ReadStream true  true false 0\r\n');
    expect(out).toContain('stdout WriteStream true tty false true 1\r\n');
    expect(out).toContain('size 80 24 [80,24] 80\r\n');
    // Cooked: the terminal echoes the line and hands it over at the newline.
    expect(out).toContain('ab\r\ndata "ab\\n" false\r\n');
    expect(out).toContain('resize 100 40\r\n');
    // Raw: no echo, no SIGINT for ^C, bytes as typed.
    expect(out).toContain('raw true ready2\r\ndata "x\\u0003q" true\r\n');
    // After pause() nothing keeps the process alive.
    expect(out).toMatch(/raw false\r\nexit\r\n\s*EXIT 0\n$/);
  });

  it('readline/promises asks, the user edits the line, and raw mode ends with the interface', () => {
    const out = bothOnPty(
      [fixture('tty-readline.js')],
      [{ wait: 'name?' }, { send: 'bob\u007fb\r' }, { wait: 'colour?' }, { send: 'red\r' }],
    );
    expect(out).toContain('got "bob" "red" raw after close: false');
  });

  it("keypresses: arrows, ^C as a key, and a lone ESC after readline's timeout (our timers)", () => {
    const out = bothOnPty(
      [fixture('tty-keypress.js')],
      [{ wait: 'ready' }, { send: '\u001b[A\u0003' }, { wait: 'key c' }, { send: '\u001b' }, { wait: 'key escape' }, { send: 'q' }],
    );
    expect(out).toContain('key up ctrl=false seq="\\u001b[A"\r\nkey c ctrl=true');
    expect(out).toContain('key escape ctrl=false seq="\\u001b"\r\nkey q');
    expect(out).toMatch(/EXIT 0\n$/);
  });

  it('a large write then process.exit() loses nothing: terminals are written synchronously', () => {
    const out = bothOnPty([fixture('big-write-exit.js')], []);
    expect(out.split('x').length - 1).toBe(1e6);
    expect(out).toContain('|tail\r\nWriteStream 0\r\n');
  });

  it("raw mode left on at exit: the terminal's settings are back afterwards", () => {
    const [before, raw, after] = onPty(['sh', '-c', `stty -g; "${MINI}" "${fixture('raw-then-exit.js')}"; stty -g`], []).split('\r\n');
    expect(raw).toBe('raw true');
    expect(after).toBe(before);
  });
});

describe('on pipes', () => {
  /** What a reader that starts only after `bin` has exited finds in the pipe, and what it said on stderr. */
  function readAfterExit(bin: string): { bytes: number; tail: boolean; stderr: string } {
    const py = [
      'import os, subprocess, sys',
      'r, w = os.pipe()',
      'p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)',
      'os.close(w)',
      'err = p.stderr.read(); p.wait()',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 1 << 20)',
      '    if not chunk: break',
      '    data += chunk',
      'print(len(data), data.endswith(b"|tail\\n"), err.decode().strip())',
    ].join('\n');
    const [bytes, tail, ...stderr] = execFileSync('python3', ['-c', py, bin, fixture('big-write-exit.js')], { encoding: 'utf8' })
      .trim()
      .split(' ');
    return { bytes: Number(bytes), tail: tail === 'True', stderr: stderr.join(' ') };
  }

  it('process.exit() right after a large write to a pipe ends as node ends: what the pipe took, no more', () => {
    const theirs = readAfterExit(NODE);
    const ours = readAfterExit(MINI);
    expect(ours).toEqual(theirs);
    // Node on Linux: the pipe's capacity arrives, the queued rest does not,
    // and writableLength still counts the whole first write.
    expect(theirs).toEqual({ bytes: 65536, tail: false, stderr: 'Socket 1000006' });
  });

  it('a shell pipeline into stdin: lines, then end', () => {
    const script =
      "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(process.stdin.constructor.name, JSON.stringify(s)))";
    const run = (bin: string) => execFileSync('sh', ['-c', `printf 'one\\ntwo\\n' | "${bin}" -e "$0"`, script], { encoding: 'utf8' });
    expect(run(MINI)).toBe(run(NODE));
    expect(run(MINI)).toBe('Socket "one\\ntwo\\n"\n');
  });
});

describe('on sockets', () => {
  it('stdin and stdout that are TCP connections', async () => {
    const run = async (bin: string): Promise<{ said: string; stderr: string; code: number | null }> => {
      const server = createServer();
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const accepted = once(server, 'connection') as Promise<[Socket]>;
      const client = connect(port, '127.0.0.1');
      await once(client, 'connect');
      const [peer] = await accepted;
      const child = spawn(bin, [fixture('stdin-socket.js')], { stdio: [client, client, 'pipe'] });
      client.destroy();
      let said = '';
      let stderr = '';
      peer.setEncoding('utf8');
      peer.on('data', (d: string) => (said += d));
      const peerClosed = once(peer, 'close');
      child.stderr!.on('data', (d: Buffer) => (stderr += d));
      peer.end('hello over tcp\n');
      const [code] = (await once(child, 'close')) as [number | null];
      await peerClosed;
      server.close();
      return { said, stderr, code };
    };
    const theirs = await run(NODE);
    const ours = await run(MINI);
    expect(ours).toEqual(theirs);
    expect(ours.said).toBe('Socket Socket pipe  got "hello over tcp\\n"\n');
  });
});
