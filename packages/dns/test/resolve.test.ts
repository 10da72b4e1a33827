import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostDns from 'node:dns';
import { Resolver, PromisesResolver } from '../src/resolver/index.js';
import { startDnsmasq, type Dnsmasq } from './dnsmasq.js';

let dnsmasq: Dnsmasq;
beforeAll(async () => {
  dnsmasq = await startDnsmasq();
});
afterAll(async () => {
  await dnsmasq?.stop();
});

type Outcome = { ok: unknown } | { err: Record<string, unknown> };

function shape(err: unknown): Record<string, unknown> {
  const e = err as Error & Record<string, unknown>;
  return { name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, hostname: e.hostname };
}

async function settle(p: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: await p() };
  } catch (err) {
    return { err: shape(err) };
  }
}

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

  it('reverse', async () => {
    for (const ip of ['192.0.2.1', '192.0.2.77']) {
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
