/**
 * Our client, on our own net (driven by the host loop, as when @mini/http is
 * imported into a plain Node program), against host Node's http server as
 * the real peer.
 */
import nodeHttp from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as http from '../src/http.js';
import { closed, listening, portOf } from './helpers.js';

interface Got {
  status: number;
  message: string;
  headers: Record<string, string | string[]>;
  body: string;
  trailers: Record<string, string | string[]>;
  reused: boolean;
}

function fetchWith(options: http.RequestOptions, body?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          message: res.statusMessage!,
          headers: res.headers,
          body: text,
          trailers: res.trailers,
          reused: req.reusedSocket,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('client against a host Node server', () => {
  let server: nodeHttp.Server;
  const heads: string[] = [];
  const ports: number[] = [];
  beforeAll(async () => {
    server = await listening(
      nodeHttp.createServer((req, res) => {
        heads.push(`${req.method} ${req.url} ${JSON.stringify(req.rawHeaders)}`);
        ports.push(req.socket.remotePort!);
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          if (req.url === '/trailers') {
            res.writeHead(200, { Trailer: 'X-Sum' });
            res.write('t');
            res.addTrailers({ 'X-Sum': '7' });
            res.end();
          } else if (req.url === '/hangup') {
            req.socket.destroy();
          } else if (req.url === '/slow') {
            setTimeout(() => res.end('late'), 500);
          } else {
            res.setHeader('Set-Cookie', ['a=1', 'b=2']);
            res.end(`${req.method} ${req.url} ${body.length}`);
          }
        });
      }),
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closed(server);
  });

  it('sends the head Node sends and reads the response', async () => {
    heads.length = 0;
    const got = await fetchWith({ port: portOf(server), host: '127.0.0.1', path: '/a?b=1' });
    expect(got).toMatchObject({ status: 200, message: 'OK', body: 'GET /a?b=1 0' });
    expect(got.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(heads[0]).toBe(`GET /a?b=1 ${JSON.stringify(['Host', `127.0.0.1:${portOf(server)}`, 'Connection', 'keep-alive'])}`);
  });

  it('posts bodies chunked or with Content-Length', async () => {
    heads.length = 0;
    const big = 'y'.repeat(200_000);
    expect((await fetchWith({ port: portOf(server), method: 'POST', path: '/p' }, big)).body).toBe('POST /p 200000');
    expect(heads[0]).toContain('"Content-Length","200000"');
    const chunked = await new Promise<string>((resolve) => {
      const req = http.request({ port: portOf(server), method: 'PUT', path: '/c' }, (res) => {
        res.setEncoding('utf8');
        let t = '';
        res.on('data', (d: string) => (t += d));
        res.on('end', () => resolve(t));
      });
      req.write('abc');
      req.write('def');
      req.end();
    });
    expect(chunked).toBe('PUT /c 6');
    expect(heads[1]).toContain('"Transfer-Encoding","chunked"');
  });

  it('reads trailers', async () => {
    const got = await fetchWith({ port: portOf(server), path: '/trailers' });
    expect(got.body).toBe('t');
    expect(got.trailers).toEqual({ 'x-sum': '7' });
  });

  it('pools keep-alive sockets in the agent (maxSockets)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    ports.length = 0;
    const all = await Promise.all([1, 2, 3].map((i) => fetchWith({ port: portOf(server), path: `/k${i}`, agent })));
    expect(all.map((g) => g.body)).toEqual(['GET /k1 0', 'GET /k2 0', 'GET /k3 0']);
    expect(all.map((g) => g.reused)).toEqual([false, true, true]);
    expect(new Set(ports).size).toBe(1);
    const later = await fetchWith({ port: portOf(server), path: '/again', agent });
    expect(later.reused).toBe(true);
    agent.destroy();
  });

  it('http.get with a URL string and the global agent', async () => {
    const body = await new Promise<string>((resolve) => {
      http.get(`http://127.0.0.1:${portOf(server)}/g`, (res) => {
        let t = '';
        res.on('data', (d: Buffer) => (t += d.toString()));
        res.on('end', () => resolve(t));
      });
    });
    expect(body).toBe('GET /g 0');
  });

  it('reports socket hang up as ECONNRESET', async () => {
    const err = await fetchWith({ port: portOf(server), path: '/hangup', agent: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
  });

  it('emits timeout and can be destroyed', async () => {
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      const req = http.get({ port: portOf(server), path: '/slow', timeout: 100 });
      req.on('timeout', () => {
        events.push('timeout');
        req.destroy();
      });
      req.on('error', (e: Error & { code?: string }) => events.push(`error ${e.code}`));
      req.on('close', () => resolve());
    });
    expect(events).toEqual(['timeout', 'error ECONNRESET']);
  });

  it('abort() emits abort, then socket hang up, then close', async () => {
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      const req = http.get({ port: portOf(server), path: '/slow' });
      req.on('abort', () => events.push('abort'));
      req.on('error', (e: Error) => events.push(`error ${e.message}`));
      req.on('close', () => {
        events.push('close');
        resolve();
      });
      setTimeout(() => req.abort(), 50);
    });
    expect(events).toEqual(['abort', 'error socket hang up', 'close']);
  });
});

describe('client errors and upgrade', () => {
  it('ECONNREFUSED with syscall, address and port', async () => {
    const s = await listening(net.createServer());
    const port = portOf(s);
    await closed(s);
    const err = await fetchWith({ port, host: '127.0.0.1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port,
      message: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('rejects other protocols as Node does', () => {
    expect(() => http.request('https://example.com/')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_PROTOCOL' }));
  });

  it("emits 'upgrade' with the socket and head", async () => {
    const s = await listening(nodeHttp.createServer());
    s.on('upgrade', (_req, socket: net.Socket) => {
      socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nfirst-bytes');
    });
    const got = await new Promise<[number, string]>((resolve) => {
      const req = http.request({ port: portOf(s), headers: { Connection: 'Upgrade', Upgrade: 'x' } });
      req.on('upgrade', (res: http.IncomingMessage, socket: Duplex, head: Buffer) => {
        socket.destroy();
        resolve([res.statusCode!, head.toString()]);
      });
      req.end();
    });
    expect(got).toEqual([101, 'first-bytes']);
    await closed(s);
  });

  it('talks to our own server, keep-alive included', async () => {
    const s = await listening(http.createServer((req, res) => res.end(`${req.method} ${req.url}`)));
    const agent = new http.Agent({ keepAlive: true });
    const a = await fetchWith({ port: portOf(s), path: '/1', agent });
    const b = await fetchWith({ port: portOf(s), path: '/2', agent });
    expect([a.body, b.body, b.reused]).toEqual(['GET /1', 'GET /2', true]);
    agent.destroy();
    s.closeAllConnections();
    await closed(s);
  });
});
