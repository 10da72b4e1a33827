/**
 * A name server for the dns benchmarks: dnsmasq on a free loopback port,
 * answering one name from its command line and nothing else (no upstream,
 * no hosts file), started for the run and stopped after it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';

const DNSMASQ = '/usr/sbin/dnsmasq';

export interface BenchDns {
  server: string;
  stop(): void;
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Started and answering, or an Error saying why not (the dns rows then fail with it). */
export async function startBenchDns(): Promise<BenchDns | Error> {
  if (!existsSync(DNSMASQ)) return new Error(`${DNSMASQ} is not installed (Debian dnsmasq-base)`);
  const port = await freeUdpPort();
  const args = [
    '--keep-in-foreground',
    '--conf-file=/dev/null',
    '--no-resolv',
    '--no-hosts',
    '--bind-interfaces',
    '--listen-address=127.0.0.1',
    `--port=${port}`,
    '--address=/bench.test/127.0.0.1',
  ];
  const child: ChildProcess = spawn(DNSMASQ, args, { stdio: 'ignore' });
  // Ready once it has bound: give it a moment, then check it is still running.
  await new Promise((r) => setTimeout(r, 200));
  if (child.exitCode !== null) return new Error(`dnsmasq exited with ${child.exitCode}`);
  return { server: `127.0.0.1:${port}`, stop: () => child.kill() };
}
