/**
 * https on our tls: curl verifying our server against the test CA, our
 * client against host node's https server, axios through an https.Agent,
 * got 11 with the test CA.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as https from '../src/https.js';
import { both } from './helpers.js';

const PKI = resolve(__dirname, '../../../apps/compare/corpus/tls/fixtures');
const read = (name: string): Buffer => readFileSync(resolve(PKI, name));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

function curl(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('curl', ['-s', '-S', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

describe('https', () => {
  it('serves curl --cacert, keeps alive, and refuses curl without the CA', async () => {
    const server = https.createServer({ key: read('server.key'), cert: read('server.crt') }, (req, res) => {
      res.setHeader('x-alpn', String((req.socket as unknown as { alpnProtocol: unknown }).alpnProtocol));
      res.end(`hello ${req.url}\n`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const ok = await curl(['-i', '--cacert', `${PKI}/ca.crt`, `https://localhost:${port}/a`, `https://localhost:${port}/b`]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('hello /a');
    expect(ok.out).toContain('hello /b');
    expect(ok.out.toLowerCase()).toContain('x-alpn: http/1.1');
    const refused = await curl([`https://localhost:${port}/c`]);
    expect(refused.code).toBe(60);
    const again = await curl(['--cacert', `${PKI}/ca.crt`, `https://127.0.0.1:${port}/d`]);
    expect(again.out).toBe('hello /d\n');
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('requests from host node’s https server, with and without the CA', async () => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const https = require('https'), fs = require('fs');
         const s = https.createServer({ key: fs.readFileSync(process.argv[1] + '/server.key'), cert: fs.readFileSync(process.argv[1] + '/server.crt') }, (q, r) => r.end('node says ' + q.method));
         s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
        PKI,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    const port = await new Promise<number>((r) => child.stdout!.once('data', (d: Buffer) => r(Number(d.toString()))));
    const body = await new Promise<string>((done, fail) => {
      https
        .get({ host: 'localhost', port, path: '/', ca: read('ca.crt'), agent: false }, (res) => {
          let b = '';
          res.on('data', (d: Buffer) => (b += d.toString()));
          res.on('end', () => done(b));
        })
        .on('error', fail);
    });
    expect(body).toBe('node says GET');
    const err = await new Promise<NodeJS.ErrnoException>((done) => {
      https.get({ host: '127.0.0.1', port, path: '/', agent: false }, () => {}).on('error', done);
    });
    expect(err.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('got 11 gets, posts, streams and retries against a local https server on mini as on node', () => {
    const { ours, theirs } = both('got-https.js');
    expect(theirs.stdout).toContain('retried 200 1');
    expect(theirs.stdout).toContain('error RequestError DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('axios fetches from a local https server on mini as on node', () => {
    const { ours, theirs } = both('axios-https.js');
    expect(theirs.stdout).toContain('error DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
