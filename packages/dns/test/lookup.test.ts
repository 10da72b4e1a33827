/**
 * Failing names here are ones glibc refuses itself (an empty label, a name
 * too long): they fail without a query, so no test sends anything to the
 * machine's configured name server.
 */
import * as nodeDns from 'node:dns';
import { describe, expect, it } from 'vitest';
import { openFdCount } from '@mini/sys';
import { defaultLoop } from '@mini/loop';
import { createDns } from '../src/index.js';
import { getaddrinfo } from '../src/handles/getaddrinfo.js';

const dns = createDns() as unknown as typeof nodeDns;

type Answer = { err: Record<string, unknown> | null; args: unknown[] };

function shape(err: unknown): Record<string, unknown> | null {
  if (err === null) return null;
  const e = err as NodeJS.ErrnoException & { hostname?: string };
  return { name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, hostname: e.hostname, keys: Object.keys(e) };
}

function call(f: (...a: never[]) => unknown, ...args: unknown[]): Promise<Answer> {
  return new Promise((resolve) => {
    (f as (...a: unknown[]) => unknown)(...args, (err: unknown, ...rest: unknown[]) => resolve({ err: shape(err), args: rest }));
  });
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { name: e.name, code: e.code, message: e.message };
  }
  return 'no throw';
}

describe('dns.lookup on our pool', () => {
  it('answers as node does: /etc/hosts names, families, all, order, literals', async () => {
    const cases: unknown[][] = [
      ['localhost'],
      ['localhost', { all: true }],
      ['localhost', 4],
      ['localhost', 6],
      ['localhost', { family: 'IPv6', all: true }],
      ['localhost', { hints: nodeDns.ADDRCONFIG }],
      ['localhost', { order: 'ipv6first', all: true }],
      ['127.0.0.1'],
      ['::1', { all: true }],
      ['no-such-host..invalid'],
      ['no-such-host..invalid', { all: true }],
      // A name longer than 255 bytes: libuv refuses it before any query (EINVAL).
      [`${'a'.repeat(300)}.test`],
    ];
    for (const args of cases) {
      expect(await call(dns.lookup, ...args), JSON.stringify(args)).toEqual(await call(nodeDns.lookup, ...args));
    }
  });

  it('lookupService answers as node does', async () => {
    for (const args of [
      ['127.0.0.1', 22],
      ['127.0.0.1', 0],
      ['::1', 80],
    ]) {
      expect(await call(dns.lookupService, ...args), JSON.stringify(args)).toEqual(await call(nodeDns.lookupService, ...args));
    }
  });

  it('the promise forms resolve and reject as node’s', async () => {
    expect(await dns.promises.lookup('localhost', { all: true })).toEqual(await nodeDns.promises.lookup('localhost', { all: true }));
    expect(await dns.promises.lookupService('127.0.0.1', 22)).toEqual(await nodeDns.promises.lookupService('127.0.0.1', 22));
    const ours = await dns.promises.lookup('no-such-host..invalid').catch(shape);
    const theirs = await nodeDns.promises.lookup('no-such-host..invalid').catch(shape);
    expect(ours).toEqual(theirs);
  });

  it('refuses bad arguments as node does', () => {
    const cb = () => {};
    const cases: [string, unknown[]][] = [
      ['lookup', [42, cb]],
      ['lookup', ['localhost', 5, cb]],
      ['lookup', ['localhost', 'x', cb]],
      ['lookup', ['localhost']],
      ['lookup', ['localhost', { hints: 12345 }, cb]],
      ['lookup', ['localhost', { family: 'IPv5' }, cb]],
      ['lookup', ['localhost', { all: 'yes' }, cb]],
      ['lookup', ['localhost', { order: 'x' }, cb]],
      ['lookupService', ['127.0.0.1', 22]],
      ['lookupService', ['localhost', 22, cb]],
      ['lookupService', ['127.0.0.1', -1, cb]],
      ['setDefaultResultOrder', ['x']],
    ];
    for (const [name, args] of cases) {
      const f = (m: typeof nodeDns) => () => (m[name as 'lookup'] as (...a: unknown[]) => unknown)(...args);
      expect(thrown(f(dns)), `${name}(${args.map(String).join(', ')})`).toEqual(thrown(f(nodeDns)));
    }
  });

  it('leaves no descriptor behind after 1000 lookups, failures included', async () => {
    await call(dns.lookup, 'localhost');
    const before = openFdCount();
    const all: Promise<Answer>[] = [];
    for (let i = 0; i < 500; i++) all.push(call(dns.lookup, 'localhost', { all: true }), call(dns.lookup, 'no-such-host..invalid'));
    const answers = await Promise.all(all);
    expect(answers.filter((a) => a.err === null)).toHaveLength(500);
    expect(openFdCount()).toBe(before);
  });

  it('has no function left that would run on the host', () => {
    const host = nodeDns as unknown as Record<string, unknown>;
    const hostPromises = nodeDns.promises as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(dns)) if (typeof value === 'function') expect(value, key).not.toBe(host[key]);
    for (const [key, value] of Object.entries(dns.promises)) {
      if (typeof value === 'function') expect(value, `promises.${key}`).not.toBe(hostPromises[key]);
    }
  });
  it('asks again, with room for every address, when the first answer has too little', async () => {
    const ask = (capacity?: number): Promise<[number, unknown]> =>
      new Promise((resolve) => getaddrinfo(defaultLoop(), 'localhost', 0, 0, (status, found) => resolve([status, found]), capacity));
    const full = await ask();
    expect(full[0]).toBe(0);
    expect((full[1] as unknown[]).length).toBeGreaterThan(0);
    expect(await ask(0)).toEqual(full);
  });
});
