/**
 * The parent end of an IPC channel on our handles, with node children
 * (node's own channel on the other end): messages both ways in order,
 * disconnect, close, and no fd left behind.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { fork, type ChildProcess } from '../src/child_process.js';

const ECHO = join(__dirname, 'fixtures', 'ipc-echo.js');

function roundTrip(child: ChildProcess, messages: unknown[]): Promise<{ got: unknown[]; events: string[] }> {
  return new Promise((resolve) => {
    const got: unknown[] = [];
    const events: string[] = [];
    child.on('message', (m: unknown) => {
      got.push(m);
      if (got.length === messages.length) child.send!('bye');
    });
    child.on('disconnect', () => events.push('disconnect'));
    child.on('exit', (code: number | null) => events.push(`exit ${code}`));
    child.on('close', (code: number | null) => {
      events.push(`close ${code}`);
      resolve({ got, events });
    });
    for (const m of messages) child.send!(m);
  });
}

describe('fork', () => {
  it('carries messages both ways with a node child, then disconnects and closes', async () => {
    const messages = [{ a: 1, b: [true, null, 'é'] }, 'text', 7, 'x'.repeat(300000)];
    const child = fork(ECHO, [], { execArgv: [] });
    expect([child.connected, typeof child.send, child.stdio]).toEqual([true, 'function', [null, null, null, null]]);
    const { got, events } = await roundTrip(child, messages);
    expect(got).toEqual(messages.map((m) => ({ echo: m })));
    expect(events[events.length - 1]).toBe('close 0');
    expect(events).toContain('disconnect');
    expect(child.connected).toBe(false);
  });

  it('leaves the fd count unchanged after 20 fork cycles', async () => {
    await roundTrip(fork(ECHO, [], { execArgv: [] }), ['warm']);
    const before = openFdCount();
    for (let i = 0; i < 20; i++) await roundTrip(fork(ECHO, [], { execArgv: [] }), [i]);
    expect(openFdCount()).toBe(before);
  });
});
