import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, shape, type Outcome } from './outcome.js';
import * as hostDns from 'node:dns';
import { createSocket, type Socket } from 'node:dgram';
import { createRequire } from 'node:module';
import { openFdCount } from '@mini/sys';
import { Resolver, PromisesResolver, resolverApi, resolverPromisesApi } from '../src/resolver/index.js';
import { startDnsmasq, type Dnsmasq } from './dnsmasq.js';

let dnsmasq: Dnsmasq;
beforeAll(async () => {
  dnsmasq = await startDnsmasq();
});
afterAll(async () => {
  await dnsmasq?.stop();
});

/** The same call on host node's Resolver and ours, against the same dnsmasq. */
async function both(call: (r: hostDns.promises.Resolver) => Promise<unknown>): Promise<[Outcome, Outcome]> {
  const host = new hostDns.promises.Resolver();
  host.setServers([dnsmasq.server]);
  const mini = new PromisesResolver();
  mini.setServers([dnsmasq.server]);
  const expected = await settle(() => call(host));
  const actual = await settle(() => call(mini as unknown as hostDns.promises.Resolver));
  return [actual, expected];
}

const CASES: [string, string][] = [
  ['a.test', 'A'],
  ['a.test', 'AAAA'],
  ['mx.test', 'MX'],
  ['txt.test', 'TXT'],
  ['_sip._tcp.srv.test', 'SRV'],
  ['alias.test', 'CNAME'],
  ['alias.test', 'A'],
  ['ptr.test', 'PTR'],
  ['zone.test', 'NS'],
  ['zone.test', 'SOA'],
  ['caa.test', 'CAA'],
  ['naptr.test', 'NAPTR'],
  ['a.test', 'ANY'],
  ['nope.test', 'A'],
  ['nope.test', 'MX'],
  ['a.test', 'MX'],
  ['a.test', 'TXT'],
  // Names c-ares sends as they are, trims, or refuses (EBADNAME).
  ['a.test.', 'A'],
  ['A.TeSt', 'A'],
  ['', 'A'],
  ['.', 'A'],
  ['a..test', 'A'],
  [`${'x'.repeat(64)}.test`, 'A'],
  [`${'abcdefghi.'.repeat(26)}test`, 'A'],
  ['a b.test', 'MX'],
  ['a@b.test', 'A'],
  ['*.test', 'A'],
  ['-a_b/c.test', 'A'],
  ['bücher.test', 'A'],
];

describe('resolve against dnsmasq, as host node answers', () => {
  for (const [name, type] of CASES) {
    it(`${type} ${name}`, async () => {
      const [actual, expected] = await both((r) => r.resolve(name, type) as Promise<unknown>);
      expect(actual).toEqual(expected);
    });
  }

  it('resolve4/resolve6 with ttl', async () => {
    for (const m of ['resolve4', 'resolve6'] as const) {
      const [actual, expected] = await both((r) => r[m]('a.test', { ttl: true }));
      expect(actual).toEqual(expected);
    }
  });

  it('an answer the same as the last one for its question gives an equal result that shares no object with it', async () => {
    const r = new PromisesResolver();
    r.setServers([dnsmasq.server]);
    const objects = (value: unknown, into: unknown[] = []): unknown[] => {
      if (typeof value === 'object' && value !== null) {
        into.push(value);
        for (const v of Object.values(value)) objects(v, into);
      }
      return into;
    };
    // The answers of the first 13 cases (every kind): dnsmasq gives each the same bytes every time.
    for (const [name, type] of CASES.slice(0, 13)) {
      const [first, expected] = await both((h) => h.resolve(name, type) as Promise<unknown>);
      expect(first).toEqual(expected);
      if (!('ok' in first)) continue;
      const second = await r.resolve(name, type);
      expect(second).toEqual(first.ok);
      const seen = new Set(objects(first.ok));
      for (const o of objects(second)) expect(seen.has(o)).toBe(false);
    }
  });

  it('reverse', async () => {
    // 127.0.0.1 and ::1 are answered from /etc/hosts when it names them.
    for (const ip of ['192.0.2.1', '192.0.2.77', '::1', '2001:db8::1', '::ffff:192.0.2.1', '1.2.3.4', '127.0.0.1', '0:0:0:0:0:0:0:1']) {
      const [actual, expected] = await both((r) => r.reverse(ip));
      expect(actual).toEqual(expected);
    }
  });

  it('the callback forms, and their return value', async () => {
    const r = new Resolver();
    r.setServers([dnsmasq.server]);
    const got = await new Promise((resolve) => {
      const req = r.resolveMx('mx.test', (err: unknown, res: unknown) => resolve([err, res]));
      expect(req.constructor.name).toBe('QueryReqWrap');
    });
    expect(got).toEqual([null, [{ exchange: 'mail.a.test', priority: 10 }]]);
    const err = await new Promise((resolve) => r.resolve4('nope.test', resolve));
    expect(shape(err)).toEqual({
      name: 'Error',
      message: 'queryA ENOTFOUND nope.test',
      code: 'ENOTFOUND',
      errno: undefined,
      syscall: 'queryA',
      hostname: 'nope.test',
    });
  });
});

describe('load', () => {
  let silent: Socket;
  beforeAll(async () => {
    // A server that never answers: a bound socket nobody reads.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => silent.close());

  it('10^4 resolves with answers, timeouts and cancels leave the fd count unchanged', async () => {
    const silentServer = `127.0.0.1:${silent.address().port}`;
    const live = new PromisesResolver({ timeout: 1000, tries: 1 });
    live.setServers([dnsmasq.server]);
    const dead = new PromisesResolver({ timeout: 20, tries: 2 });
    dead.setServers([silentServer]);
    // The loop's own fds (epoll, timerfd) exist once it has run.
    await live.resolve4('a.test');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = openFdCount();
    const N = 10000;
    const BATCH = 200;
    const counts = { ok: 0, ETIMEOUT: 0, ECANCELLED: 0, other: 0 };
    const start = Date.now();
    for (let i = 0; i < N; i += BATCH) {
      const batch: Promise<unknown>[] = [];
      const cancelRound = (i / BATCH) % 5 === 4;
      for (let j = 0; j < BATCH; j++) {
        const r = j % 4 === 0 ? dead : live;
        batch.push(
          r.resolve4('a.test').then(
            () => counts.ok++,
            (e: { code: keyof typeof counts }) => (e.code in counts ? counts[e.code]++ : counts.other++),
          ),
        );
      }
      if (cancelRound) {
        live.cancel();
        dead.cancel();
      }
      await Promise.all(batch);
      expect(live._handle.pending + dead._handle.pending).toBe(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    console.log(`${N} resolves in ${Date.now() - start} ms: ${JSON.stringify(counts)}; fds ${before} -> ${openFdCount()}`);
    expect(counts.ok + counts.ETIMEOUT + counts.ECANCELLED).toBe(N);
    expect(counts.ETIMEOUT).toBeGreaterThan(0);
    expect(counts.ECANCELLED).toBeGreaterThan(0);
    expect(openFdCount()).toBe(before);
  }, 60_000);
});

describe('arguments and servers, as host node checks them', () => {
  function thrown(fn: () => unknown): unknown {
    try {
      fn();
      return 'no throw';
    } catch (err) {
      const e = err as Error & Record<string, unknown>;
      return { name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, str: String(e) };
    }
  }
  const noop = () => {};
  type AnyResolver = Record<string, (...args: unknown[]) => unknown>;
  const calls: [string, (r: AnyResolver) => unknown][] = [
    ['resolve4(1)', (r) => r.resolve4!(1, noop)],
    ['resolve4 without callback', (r) => r.resolve4!('a.test')],
    ['resolve with a bad rrtype', (r) => r.resolve!('a.test', 'BAD', noop)],
    ['resolve with rrtype 1', (r) => r.resolve!('a.test', 1, noop)],
    ['resolve without rrtype nor callback', (r) => r.resolve!('a.test')],
    ['reverse of a non-address', (r) => r.reverse!('x', noop)],
    ['setServers("x")', (r) => r.setServers!('x')],
    ['setServers([1])', (r) => r.setServers!([1])],
    ['setServers(["x"])', (r) => r.setServers!(['x'])],
    ['setServers(["1.2.3.4:x"])', (r) => r.setServers!(['1.2.3.4:x'])],
    ['setLocalAddress("x")', (r) => r.setLocalAddress!('x')],
    ['setLocalAddress(1)', (r) => r.setLocalAddress!(1)],
    ['setLocalAddress two v4', (r) => r.setLocalAddress!('127.0.0.1', '127.0.0.2')],
    ['setLocalAddress v4 then v6', (r) => r.setLocalAddress!('127.0.0.1', '::1')],
  ];
  for (const [label, call] of calls) {
    it(label, () => {
      const host = new hostDns.Resolver() as unknown as AnyResolver;
      const mini = new Resolver() as unknown as AnyResolver;
      expect(thrown(() => call(mini))).toEqual(thrown(() => call(host)));
    });
  }

  it('constructor options', () => {
    for (const options of [
      { timeout: 'x' },
      { timeout: -2 },
      { timeout: 1.5 },
      { tries: 0 },
      { tries: 'x' },
      { timeout: 10, tries: 2 },
      undefined,
    ]) {
      expect(thrown(() => new Resolver(options))).toEqual(thrown(() => new hostDns.Resolver(options as hostDns.ResolverOptions)));
    }
  });

  it('setServers/getServers with ports and IPv6 brackets', () => {
    const servers = ['1.2.3.4', '1.2.3.4:53', '5.6.7.8:5353', '::1', '[::1]', '[::1]:53', '[fe80::2]:5353', '[::3]:x'];
    const host = new hostDns.Resolver();
    const mini = new Resolver();
    host.setServers(servers);
    mini.setServers(servers);
    expect(mini.getServers()).toEqual(host.getServers());
  });

  it('the promises forms reject as node does; reverse of a non-address rejects', async () => {
    const host = new hostDns.promises.Resolver();
    const mini = new PromisesResolver();
    for (const call of [
      (r: AnyResolver) => r.reverse!('x'),
      (r: AnyResolver) => r.resolve!('a.test', 'BAD'),
      (r: AnyResolver) => r.resolve4!(5),
    ]) {
      const outcome = async (r: unknown) => {
        try {
          return await (call(r as AnyResolver) as Promise<unknown>);
        } catch (err) {
          const e = err as Error & Record<string, unknown>;
          return { message: e.message, code: e.code, errno: e.errno };
        }
      };
      expect(await outcome(mini)).toEqual(await outcome(host));
    }
  });
});

describe('the module-level functions', () => {
  it("node:dns' setServers sets both default resolvers; node:dns/promises' only its own", () => {
    const dns = resolverApi() as unknown as typeof hostDns;
    const promises = resolverPromisesApi() as unknown as typeof hostDns.promises;
    const seen = (d: typeof hostDns, p: typeof hostDns.promises) => {
      const out: string[][] = [];
      p.setServers(['192.0.2.3']);
      d.setServers(['192.0.2.4']);
      out.push(d.getServers(), p.getServers());
      p.setServers(['192.0.2.5']);
      out.push(d.getServers(), p.getServers());
      return out;
    };
    // The CommonJS view: node:dns reassigns its exports when setServers replaces the default resolver.
    const cjs = createRequire(__filename)('node:dns') as typeof hostDns;
    expect(seen(dns, promises)).toEqual(seen(cjs, cjs.promises));
  });

  it('answer on the default resolvers', async () => {
    const dns = resolverApi() as unknown as typeof hostDns;
    const promises = resolverPromisesApi() as unknown as typeof hostDns.promises;
    dns.setServers([dnsmasq.server]);
    expect(await promises.resolveMx('mx.test')).toEqual([{ exchange: 'mail.a.test', priority: 10 }]);
    const v4 = await new Promise((resolve) => dns.resolve4('a.test', (err, a) => resolve([err, a])));
    expect(v4).toEqual([null, ['192.0.2.1']]);
    expect(dns.NOTFOUND).toBe(hostDns.NOTFOUND);
    expect(dns.CANCELLED).toBe(hostDns.CANCELLED);
  });
});
