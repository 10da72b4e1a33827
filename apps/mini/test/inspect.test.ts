/**
 * --inspect and --inspect-brk with a real debugger: a Chrome DevTools
 * Protocol client on a WebSocket to the URL the inspector's /json/list
 * gives, driving a program that sits in our loop's epoll_wait (a long
 * timer and nothing else), compared with the same session against node.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');

interface WebSocketLike {
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const WebSocket = require('ws') as new (url: string) => WebSocketLike;

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: unknown;
}

/** One debugger session: calls, and the events they bring, awaited by name. */
class Session {
  private nextId = 0;
  private readonly calls = new Map<number, (message: CdpMessage) => void>();
  private readonly seen: CdpMessage[] = [];
  private waiting: { method: string; resolve: (message: CdpMessage) => void } | undefined;
  /** Each script's URL by its id, from Debugger.scriptParsed. */
  readonly scripts = new Map<string, string>();

  constructor(private readonly socket: WebSocketLike) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as CdpMessage;
      if (message.method === 'Debugger.scriptParsed') {
        this.scripts.set(String(message.params!['scriptId']), String(message.params!['url']));
      } else if (message.id !== undefined) {
        this.calls.get(message.id)?.(message);
        this.calls.delete(message.id);
      } else if (this.waiting !== undefined && this.waiting.method === message.method) {
        const waiter = this.waiting;
        this.waiting = undefined;
        waiter.resolve(message);
      } else {
        this.seen.push(message);
      }
    });
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.calls.set(id, (message) =>
        message.error === undefined ? resolve(message.result ?? {}) : reject(new Error(JSON.stringify(message.error))),
      );
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The next event by that name (one already received counts). */
  event(method: string): Promise<Record<string, unknown>> {
    const index = this.seen.findIndex((message) => message.method === method);
    if (index >= 0) return Promise.resolve(this.seen.splice(index, 1)[0]!.params ?? {});
    return new Promise((resolve) => {
      this.waiting = { method, resolve: (message) => resolve(message.params ?? {}) };
    });
  }

  async evaluate(expression: string): Promise<unknown> {
    const reply = await this.call('Runtime.evaluate', { expression, returnByValue: true });
    return (reply['result'] as { value?: unknown }).value;
  }
}

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

const PROGRAM = [
  'globalThis.counter = 0;',
  'globalThis.tick = function tick() {',
  '  counter += 1;',
  "  console.log('tick', counter);",
  '};',
  // Nothing else: the loop waits in epoll_wait for a minute unless a debugger's message wakes it.
  'const keepAlive = setTimeout(() => {}, 60_000);',
  'globalThis.finish = () => clearTimeout(keepAlive);',
  "console.log('ready', process.execArgv);",
].join('\n');

/** Starts the program under `cmd` with `flag`, debugs it, and says what it saw. */
async function debug(cmd: string, flag: '--inspect=0' | '--inspect-brk=0', name = 'app.js'): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mini-inspect-'));
  const file = join(dir, name);
  writeFileSync(file, PROGRAM);
  const url = pathToFileURL(file).href;
  const child = spawn(cmd, [flag, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // 'close', not 'exit': by then the child's stdout has all been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const port = await new Promise<string>((resolve) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (found) resolve(found[1]!);
    });
  });
  // The target's title and url are the host's first argument: on mini the launcher's entry (dist/main.js).
  // The program runs on its own (without -brk, or once resumed): what follows waits until it has.
  const printed = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => (stdout.includes(text) ? resolve() : setTimeout(check, 10));
      check();
    });
  const ran = () => printed('ready');
  if (flag === '--inspect=0') await ran();
  const targets = (await getJson(`http://127.0.0.1:${port}/json/list`)) as Array<{ type: string; webSocketDebuggerUrl: string }>;
  const saw: unknown[] = [targets.map((target) => target.type)];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve) => socket.on('open', resolve));
  const session = new Session(socket);
  await session.call('Runtime.enable');
  await session.call('Debugger.enable');
  await session.call('Runtime.runIfWaitingForDebugger');
  if (flag === '--inspect-brk=0') {
    const paused = await session.event('Debugger.paused');
    const frame = (paused['callFrames'] as Array<{ location: { scriptId: string; lineNumber: number } }>)[0]!;
    saw.push(['paused', paused['reason'], session.scripts.get(frame.location.scriptId) === url, frame.location.lineNumber, stdout]);
    saw.push(['before the first line', await session.evaluate('typeof counter')]);
    await session.call('Debugger.resume');
    await ran();
  }
  // Answered while the program's loop waits for its minute-long timer.
  saw.push(['evaluate', await session.evaluate('counter + 41')]);
  const breakpoint = await session.call('Debugger.setBreakpointByUrl', { url, lineNumber: 2 });
  saw.push(['breakpoint', (breakpoint['locations'] as Array<{ lineNumber: number }>).map((l) => l.lineNumber)]);
  // The timer is the program's own (on mini, ours): the breakpoint is hit from our loop.
  saw.push(['schedule', await session.evaluate("setTimeout(tick, 5), 'scheduled'")]);
  const hit = await session.event('Debugger.paused');
  const frames = hit['callFrames'] as Array<{ callFrameId: string; functionName: string; location: { lineNumber: number } }>;
  const onFrame = await session.call('Debugger.evaluateOnCallFrame', {
    callFrameId: frames[0]!.callFrameId,
    expression: 'counter',
    returnByValue: true,
  });
  saw.push([
    'hit',
    (hit['hitBreakpoints'] as string[]).length,
    frames[0]!.functionName,
    frames[0]!.location.lineNumber,
    (onFrame['result'] as { value: unknown }).value,
  ]);
  await session.call('Debugger.resume');
  // Once the callback has gone on past the breakpoint (an evaluation sent at once may still meet the pause).
  await printed('tick 1');
  saw.push(['after resume', await session.evaluate('counter')]);
  await session.evaluate('finish()');
  socket.close();
  saw.push(['exit', await exited, stdout, stderr.split('\n')[0]!.replace(/:\d+\/[\w-]+$/, '')]);
  return saw;
}

describe('a debugger on a program running on our loop', () => {
  it('--inspect: evaluates, stops at a breakpoint hit from a timer, resumes, as on node', { timeout: 90_000 }, async () => {
    const theirs = await debug(process.execPath, '--inspect=0');
    expect(theirs).toEqual([
      ['node'],
      ['evaluate', 41],
      ['breakpoint', [2]],
      ['schedule', 'scheduled'],
      ['hit', 1, 'tick', 2, 0],
      ['after resume', 1],
      ['exit', 0, "ready [ '--inspect=0' ]\ntick 1\n", 'Debugger listening on ws://127.0.0.1'],
    ]);
    expect(await debug(MINI, '--inspect=0')).toEqual(theirs);
  });

  it("--inspect-brk: waits for the debugger and pauses on the program's first line, not on mini's", { timeout: 90_000 }, async () => {
    const theirs = await debug(process.execPath, '--inspect-brk=0');
    expect(theirs.slice(0, 3)).toEqual([['node'], ['paused', 'Break on start', true, 0, ''], ['before the first line', 'undefined']]);
    expect(await debug(MINI, '--inspect-brk=0')).toEqual(theirs);
  });

  it('--inspect-brk with an ES module main: the pause is on its first line too', { timeout: 90_000 }, async () => {
    const theirs = await debug(process.execPath, '--inspect-brk=0', 'app.mjs');
    expect(theirs.slice(1, 2)).toEqual([['paused', 'Break on start', true, 0, '']]);
    expect(await debug(MINI, '--inspect-brk=0', 'app.mjs')).toEqual(theirs);
  });
});
