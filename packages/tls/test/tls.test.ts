import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tls } from '../src/index.js';
import { makePki } from './pki.js';

let pki: ReturnType<typeof makePki>;
const children: ChildProcess[] = [];

beforeAll(() => {
  pki = makePki();
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});
afterAll(() => {
  execFileSync('rm', ['-rf', pki.dir]);
});

function serverOptions(name = 'server'): { key: Buffer; cert: Buffer } {
  return { key: pki.read(`${name}.key`), cert: pki.read(`${name}.crt`) };
}

function listen(server: tls.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

function run(cmd: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(input);
  });
}

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('tls', () => {
  it('answers openssl s_client, which verifies our chain and gets ALPN', async () => {
    const server = tls.createServer({ ...serverOptions(), ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
      s.on('data', (d: Buffer) => s.end(`echo:${d.toString()}`));
    });
    const port = await listen(server);
    const out = await run(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-CAfile', `${pki.dir}/ca.crt`, '-alpn', 'http/1.1', '-ign_eof'],
      'ping\n',
    );
    server.close();
    expect(out).toContain('Verify return code: 0 (ok)');
    expect(out).toContain('ALPN protocol: http/1.1');
    expect(out).toContain('echo:ping');
  });

  it('talks to openssl s_server and to host node’s tls server as a client', async () => {
    const sServer = spawn(
      'openssl',
      ['s_server', '-accept', '0', '-key', `${pki.dir}/server.key`, '-cert', `${pki.dir}/server.crt`, '-rev'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(sServer);
    const sPort = await new Promise<number>((resolve) => {
      let buf = '';
      sServer.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /ACCEPT .*:(\d+)/.exec(buf);
        if (m) resolve(Number(m[1]));
      });
    });
    const reversed = await new Promise<string>((resolve, reject) => {
      const c = tls.connect({ port: sPort, host: 'localhost', ca: pki.read('ca.crt') }, () => {
        expect(c.authorized).toBe(true);
        c.write('olleh\n');
      });
      let got = '';
      c.on('data', (d: Buffer) => {
        got += d.toString();
        if (got.includes('hello')) {
          c.destroy();
          resolve(got);
        }
      });
      c.on('error', reject);
    });
    expect(reversed).toContain('hello');

    const nodeServer = spawn(
      process.execPath,
      [
        '-e',
        `const tls = require('tls'), fs = require('fs');
         const s = tls.createServer({ key: fs.readFileSync(process.argv[1] + '/server.key'), cert: fs.readFileSync(process.argv[1] + '/server.crt'), ALPNProtocols: ['x', 'y'] }, (c) => c.end('from node ' + c.alpnProtocol));
         s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
        pki.dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(nodeServer);
    const nPort = await new Promise<number>((resolve) => nodeServer.stdout.once('data', (d: Buffer) => resolve(Number(d.toString()))));
    const fromNode = await new Promise<string>((resolve, reject) => {
      const c = tls.connect({ port: nPort, host: '127.0.0.1', ca: pki.read('ca.crt'), ALPNProtocols: ['y'] });
      let got = '';
      c.on('data', (d: Buffer) => (got += d.toString()));
      c.on('end', () => resolve(`${got} ${String(c.alpnProtocol)}`));
      c.on('error', reject);
    });
    expect(fromNode).toBe('from node y y');
  });

  it('rejects bad peers with Node’s codes and keeps serving, leaking no descriptors', async () => {
    const server = tls.createServer(serverOptions(), (s) => s.end('ok'));
    const clientErrors: string[] = [];
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => clientErrors.push(String(err.code)));
    const port = await listen(server);
    const attempt = (opts: Record<string, unknown>): Promise<string> =>
      new Promise((resolve) => {
        const c = tls.connect({ port, host: '127.0.0.1', ...opts });
        let got = '';
        c.on('data', (d: Buffer) => (got += d.toString()));
        c.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${String(e.code)}`));
        c.on('close', () => resolve(got));
      });
    const plain = (bytes: string): Promise<void> =>
      new Promise((resolve) => {
        const c = net.connect(port, '127.0.0.1', () => c.end(bytes));
        c.on('error', () => {});
        c.on('close', () => resolve());
        c.resume();
      });
    // Warm up (the first handshake loads the root store and OpenSSL's tables), then count.
    expect(await attempt({ ca: pki.read('ca.crt') })).toBe('ok');
    const before = openFds();
    for (let i = 0; i < 40; i++) {
      expect(await attempt({})).toBe('error UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      expect(await attempt({ ca: pki.read('ca.crt'), servername: 'nope.example' })).toBe('error ERR_TLS_CERT_ALTNAME_INVALID');
      await plain('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      await plain('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03');
      expect(await attempt({ ca: pki.read('ca.crt') })).toBe('ok');
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(openFds()).toBeLessThanOrEqual(before + 2);
    expect(clientErrors.filter((c) => c === 'ERR_SSL_HTTP_REQUEST').length).toBe(40);
    expect(clientErrors.filter((c) => c === 'ECONNRESET').length).toBeGreaterThanOrEqual(40);
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('upgrades a plain socket in place (STARTTLS)', async () => {
    const context = tls.createSecureContext(serverOptions());
    const { net: ourNet } = await import('@mini/net');
    const srv = ourNet.createServer((raw) => {
      raw.once('data', (d: Buffer) => {
        expect(d.toString()).toBe('STARTTLS\n');
        raw.write('GO\n');
        const secure = new tls.TLSSocket(raw, { isServer: true, secureContext: context });
        secure.on('data', (x: Buffer) => secure.end(`secure:${x.toString()}`));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    const result = await new Promise<string>((resolve, reject) => {
      const raw = ourNet.connect(port, '127.0.0.1', () => raw.write('STARTTLS\n'));
      raw.once('data', (d: Buffer) => {
        expect(d.toString()).toBe('GO\n');
        const c = tls.connect({ socket: raw, ca: pki.read('ca.crt'), servername: 'localhost' }, () => c.write('hi'));
        let got = '';
        c.on('data', (x: Buffer) => (got += x.toString()));
        c.on('end', () => resolve(got));
        c.on('error', reject);
      });
    });
    srv.close();
    expect(result).toBe('secure:hi');
  });
});
