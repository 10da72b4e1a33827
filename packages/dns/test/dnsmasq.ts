/**
 * A real DNS server for the tests: dnsmasq on 127.0.0.1 and a free port,
 * serving one record of every kind node:dns can ask for (NS and SOA as
 * raw --dns-rr records), with `.test` local so unknown names are NXDOMAIN.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promises as hostDns } from 'node:dns';

export const DNSMASQ = '/usr/sbin/dnsmasq';

/** How long a dnsmasq may take to answer its first query. */
const STARTUP_MS = 20_000;

// ns1.test, and an SOA (ns1.test hostmaster.test 2024010101 3600 600 86400 300), as wire rdata.
const NS_RDATA = '036e7331047465737400';
const SOA_RDATA = '036e73310474657374000a686f73746d617374657204746573740078a3f17500000e1000000258000151800000012c';

export const RECORDS = [
  '--local=/test/',
  '--local=/2.0.192.in-addr.arpa/',
  '--host-record=a.test,192.0.2.1,2001:db8::1,300',
  '--mx-host=mx.test,mail.a.test,10',
  '--txt-record=txt.test,v=spf1 -all,second',
  '--srv-host=_sip._tcp.srv.test,a.test,5060,10,20',
  '--cname=alias.test,a.test',
  '--ptr-record=ptr.test,a.test',
  '--caa-record=caa.test,0,issue,letsencrypt.org',
  '--naptr-record=naptr.test,100,10,S,SIP+D2U,,_sip._udp.srv.test',
  `--dns-rr=zone.test,2,${NS_RDATA}`,
  `--dns-rr=zone.test,6,${SOA_RDATA}`,
];

export interface Dnsmasq {
  port: number;
  server: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Thrown when dnsmasq exited before answering: most often its port was taken meanwhile. */
class ExitedEarly extends Error {}

/**
 * Start dnsmasq; one that exits at once (a port taken meanwhile: dnsmasq binds
 * TCP too) means another try on another port. Its exit is what counts, not its
 * message: the exit can be seen before the stderr that says why.
 */
export async function startDnsmasq(): Promise<Dnsmasq> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startOn(await freePort());
    } catch (err) {
      if (attempt >= 5 || !(err instanceof ExitedEarly)) throw err;
    }
  }
}

async function startOn(port: number): Promise<Dnsmasq> {
  const child: ChildProcess = spawn(
    DNSMASQ,
    [
      `--port=${port}`,
      '--listen-address=127.0.0.1',
      '--bind-interfaces',
      '--no-resolv',
      '--no-hosts',
      '--keep-in-foreground',
      '--conf-file=/dev/null',
      '--pid-file=',
      ...RECORDS,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const server = `127.0.0.1:${port}`;
  const probe = new hostDns.Resolver({ timeout: 200, tries: 1 });
  probe.setServers([server]);
  // A deadline, not a count of tries: a refused probe fails at once, and the
  // first start of a freshly installed dnsmasq on a cold machine can take
  // seconds before it binds its port.
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    try {
      await probe.resolve4('a.test');
      break;
    } catch (err) {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (exited || Date.now() > deadline) {
        child.kill('SIGKILL');
        const Failure = exited ? ExitedEarly : Error;
        throw new Failure(`dnsmasq did not start: ${stderr || String(err)}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
