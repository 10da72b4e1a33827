/**
 * fetch through the `mini` command, against a real server (host node's
 * http, in this test process): the bytes travel on our sockets only. The
 * proof is a host whose own net, tls and http are poisoned before mini
 * boots: node's fetch fails under that poison, ours does not notice it.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MINI = resolve(__dirname, '..', 'bin', 'mini');

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      done({ stdout, stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : null }),
    );
  });
}

let server: Server;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'mini-fetch-'));
const poison = join(dir, 'poison.cjs');
const poisonedNode = join(dir, 'poisoned-node');
const program = join(dir, 'program.js');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => res.end(`${req.method} ${req.url} ${body}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Every way the host's modules open a connection throws.
  writeFileSync(
    poison,
    `for (const id of ['net', 'tls', 'http', 'https']) {
      const m = require(id);
      for (const name of ['connect', 'createConnection', 'request', 'get']) {
        if (typeof m[name] === 'function') m[name] = () => { throw new Error('host ' + id + '.' + name + ' called'); };
      }
    }
    const { Socket } = require('net');
    Socket.prototype.connect = () => { throw new Error('host net.Socket.connect called'); };
    `,
  );
  writeFileSync(poisonedNode, `#!/bin/sh\nexec "${process.execPath}" -r "${poison}" "$@"\n`);
  chmodSync(poisonedNode, 0o755);
  writeFileSync(
    program,
    `fetch(process.argv[2] + '/path', { method: 'POST', body: 'sent' })
      .then((r) => r.text())
      .then((t) => console.log('answer:', t), (e) => console.log('failed:', e.message, e.cause && e.cause.message));`,
  );
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetch', () => {
  it('runs on our sockets: a host with its net, tls and http poisoned is never called', async () => {
    // The poison works: node's own fetch goes through the host's net and fails.
    const onNode = await run(poisonedNode, [program, url]);
    expect(onNode.stdout).toContain('failed: fetch failed host net.');
    const onMini = await run(MINI, [program, url], { MINI_HOST_NODE: poisonedNode });
    expect(onMini.stderr).toBe('');
    expect(onMini.stdout).toBe('answer: POST /path sent\n');
  });

  it('speaks https on our tls too: the poisoned host is never called, the CA comes from NODE_EXTRA_CA_CERTS', async () => {
    const pki = resolve(__dirname, '../../compare/corpus/tls/fixtures');
    const secure = createHttpsServer(
      { key: readFileSync(join(pki, 'server.key')), cert: readFileSync(join(pki, 'server.crt')) },
      (req, res) => res.end(`secure ${req.method} ${req.url}`),
    );
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    const secureUrl = `https://localhost:${(secure.address() as AddressInfo).port}`;
    const env = { NODE_EXTRA_CA_CERTS: join(pki, 'ca.crt') };
    const onNode = await run(poisonedNode, [program, secureUrl], env);
    expect(onNode.stdout).toContain('failed: fetch failed host tls.connect called');
    const onMini = await run(MINI, [program, secureUrl], { ...env, MINI_HOST_NODE: poisonedNode });
    await new Promise<void>((r) => secure.close(() => r()));
    expect(onMini.stderr).toBe('');
    expect(onMini.stdout).toBe('answer: secure POST /path\n');
  });

  it('loads the same undici as node 20.20 and says user-agent "node"', async () => {
    const probe = `const s = require('http').createServer((req, res) => { console.log(req.headers['user-agent'], typeof Response, Response.name); res.setHeader('connection', 'close'); res.end(); s.close(); });
      s.listen(0, '127.0.0.1', () => fetch('http://127.0.0.1:' + s.address().port + '/').then((r) => r.text()));`;
    writeFileSync(join(dir, 'ua.js'), probe);
    const [onMini, onNode] = await Promise.all([run(MINI, [join(dir, 'ua.js')]), run(process.execPath, [join(dir, 'ua.js')])]);
    expect(onMini.stdout).toBe('node function Response\n');
    expect(onMini.stdout).toBe(onNode.stdout);
    expect(process.versions['undici']).toBe('6.24.1');
  });
});
