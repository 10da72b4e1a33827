/**
 * The resolver against answers dnsmasq will not give: dns2's own UDP and
 * TCP servers on one loopback port, answering by the question's name with
 * a malformed message, a truncated one (then the full answer over TCP), an
 * error rcode, or nothing at all. Each outcome is compared with host node's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, shape } from './outcome.js';
import * as hostDns from 'node:dns';
import DNS from 'dns2';
import { PromisesResolver, Resolver } from '../src/resolver/index.js';
import { parseHosts, parseResolvConf } from '../src/resolver/config.js';
import { reverseName } from '../src/resolver/resolver.js';

const { Packet } = DNS;
type Send = (response: DNS.Packet | Buffer) => unknown;

const RCODES: Record<string, number> = { servfail: 2, notimp: 4, refused: 5, formerr: 1, nxdomain: 3 };

function answer(request: DNS.Packet, send: Send): void {
  const question = request.questions[0]!;
  const label = question.name.split('.')[0]!;
  const response = Packet.createResponseFromRequest(request);
  const a = (address: string) => ({ name: question.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address });
  if (label === 'silent') return;
  if (label === 'short') {
    send(response.toBuffer().subarray(0, 7));
    return;
  }
  if (label === 'badrec') {
    response.answers.push(a('10.0.0.1') as DNS.Packet.Resource);
    const wire = response.toBuffer();
    send(wire.subarray(0, wire.length - 2));
    return;
  }
  if (label === 'big') {
    for (let i = 0; i < 60; i++) response.answers.push(a(`10.0.${i >> 8}.${i & 255}`) as DNS.Packet.Resource);
  } else if (label in RCODES) {
    response.header.rcode = RCODES[label]!;
  } else {
    response.answers.push(a('10.9.9.9') as DNS.Packet.Resource);
  }
  send(response);
}

let udp: DNS.UDPServer;
let tcp: DNS.TCPServer;
let server: string;
let tcpQueries = 0;

/** Listen on `port` (UDP's) over TCP too; false when that TCP port is taken. */
function listenTcp(server: DNS.TCPServer, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
}

beforeAll(async () => {
  // One port number for both: the channel asks the same server over TCP.
  for (let attempt = 0; ; attempt++) {
    udp = DNS.createUDPServer((req, send) => answer(req, send as Send));
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const { port } = udp.address();
    tcp = DNS.createTCPServer((req, send) => {
      tcpQueries++;
      answer(req, send as Send);
    });
    if (await listenTcp(tcp, port)) {
      server = `127.0.0.1:${port}`;
      return;
    }
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (attempt === 10) throw new Error('no port free for both UDP and TCP');
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  await new Promise<void>((resolve) => tcp.close(() => resolve()));
});

const OPTIONS = { timeout: 100, tries: 2 };

async function both(name: string, servers = [server]): Promise<[unknown, unknown]> {
  const host = new hostDns.promises.Resolver(OPTIONS);
  host.setServers(servers);
  const mini = new PromisesResolver(OPTIONS);
  mini.setServers(servers);
  return Promise.all([settle(() => mini.resolve4(name)), settle(() => host.resolve4(name))]);
}

describe('answers from dns2 servers, as host node sees them', () => {
  for (const name of ['ok.x', 'silent.x', 'short.x', 'badrec.x', 'servfail.x', 'notimp.x', 'refused.x', 'formerr.x', 'nxdomain.x']) {
    it(name, async () => {
      const [actual, expected] = await both(name);
      expect(actual).toEqual(expected);
    });
  }

  it('a truncated answer is asked again over TCP', async () => {
    const before = tcpQueries;
    const [actual, expected] = await both('big.x');
    expect(tcpQueries - before).toBe(2);
    expect(actual).toEqual(expected);
    expect((actual as { ok: string[] }).ok).toHaveLength(60);
  });

  it('a refused port is ECONNREFUSED, fast', async () => {
    const [actual, expected] = await both('ok.x', ['127.0.0.1:9']);
    expect(actual).toEqual(expected);
  });

  it('a silent server then a live one: rotation to the next server', async () => {
    const host = new hostDns.promises.Resolver(OPTIONS);
    host.setServers(['127.0.0.1:9', server]);
    const mini = new PromisesResolver(OPTIONS);
    mini.setServers(['127.0.0.1:9', server]);
    expect(await settle(() => mini.resolve4('ok.x'))).toEqual(await settle(() => host.resolve4('ok.x')));
  });

  it('the timeout doubles per round: tries × servers attempts, then ETIMEOUT', async () => {
    let seen = 0;
    const counter = (req: DNS.Packet) => {
      if (req.questions[0]!.name === 'silent.x') seen++;
    };
    udp.on('request', counter);
    const r = new PromisesResolver({ timeout: 50, tries: 3 });
    r.setServers([server]);
    const start = Date.now();
    const out = await settle(() => r.resolve4('silent.x'));
    const took = Date.now() - start;
    udp.removeListener('request', counter);
    expect(out).toEqual({ err: expect.objectContaining({ code: 'ETIMEOUT', message: 'queryA ETIMEOUT silent.x' }) });
    expect(seen).toBe(3);
    // 50 + 100 + 200 ms
    expect(took).toBeGreaterThanOrEqual(340);
  });

  it('cancel ends every query in flight with ECANCELLED, after the call returns', async () => {
    const r = new Resolver();
    r.setServers([server]);
    const log: string[] = [];
    const done = Promise.all(
      ['resolve4', 'resolveMx', 'resolveTxt'].map(
        (m) =>
          new Promise<void>((resolve) =>
            (r as unknown as Record<string, (n: string, cb: (e: Error) => void) => void>)[m]!('silent.x', (e) => {
              log.push(shape(e).message as string);
              resolve();
            }),
          ),
      ),
    );
    r.cancel();
    log.push('after cancel');
    await done;
    expect(log).toEqual(['after cancel', 'queryA ECANCELLED silent.x', 'queryMx ECANCELLED silent.x', 'queryTxt ECANCELLED silent.x']);
  });
});

describe('servers', () => {
  it('setServers with queries in flight throws as node does, and changes nothing', async () => {
    const outcome = async (r: hostDns.promises.Resolver) => {
      r.setServers([server]);
      const pending = r.resolve4('silent.x').catch((e: Error & { code: string }) => e.code);
      let thrown: unknown;
      try {
        r.setServers(['192.0.2.1']);
      } catch (err) {
        const e = err as Error & { code: string };
        thrown = { name: e.name, code: e.code, message: e.message };
      }
      const servers = r.getServers();
      r.cancel();
      return [thrown, servers.length, await pending];
    };
    const mini = await outcome(new PromisesResolver() as unknown as hostDns.promises.Resolver);
    const host = await outcome(new hostDns.promises.Resolver());
    // The servers' port differs in nothing but the message's list, the same on both.
    expect(mini).toEqual(host);
  });

  it("a new Resolver starts with /etc/resolv.conf's servers, as node's does", () => {
    expect(new Resolver().getServers()).toEqual(new hostDns.Resolver().getServers());
  });

  it('resolv.conf: nameservers, options timeout/attempts/rotate, comments, scopes', () => {
    const conf = parseResolvConf(
      [
        '# a comment',
        'nameserver 192.0.2.53 ; trailing',
        'nameserver fe80::1%eth0',
        'nameserver bogus',
        'search example',
        'options timeout:3 attempts:5 rotate ndots:2',
      ].join('\n'),
    );
    expect(conf).toEqual({
      servers: [
        { family: 4, address: '192.0.2.53', port: 53 },
        { family: 6, address: 'fe80::1', port: 53 },
      ],
      timeout: 3000,
      attempts: 5,
      rotate: true,
    });
    expect(parseResolvConf('').servers).toEqual([{ family: 4, address: '127.0.0.1', port: 53 }]);
  });

  it('hosts: lines of one address merged in order, names once, IPv6 spellings as one', () => {
    const hosts = parseHosts(
      [
        '127.0.0.1 localhost',
        '127.0.0.1 runsc LOCALHOST # comment',
        '::1 ip6-localhost',
        '0:0::1 ip6-loopback',
        'bogus name',
        '10.0.0.1',
      ].join('\n'),
      reverseName,
    );
    expect(hosts.get(reverseName('127.0.0.1')!)).toEqual(['localhost', 'runsc']);
    expect(hosts.get(reverseName('::1')!)).toEqual(['ip6-localhost', 'ip6-loopback']);
    expect(hosts.size).toBe(2);
  });
});
