/**
 * Our server, on our own net (driven by the host loop, as when @mini/http is
 * imported into a plain Node program). The peers are real clients: host
 * Node's net and http, and curl; host Node's http server answers the same
 * bytes beside ours.
 */
import nodeHttp from 'node:http';
import net from 'node:net';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as http from '../src/http.js';
import { closed, exchange, listening, normDate, portOf } from './helpers.js';

type Req = http.IncomingMessage;
type Res = http.ServerResponse;
const nodeHandler = (req: nodeHttp.IncomingMessage, res: nodeHttp.ServerResponse): void =>
  handler(req as unknown as Req, res as unknown as Res);

// The same handler on both servers: every answer must be byte-identical.
function handler(req: Req, res: Res): void {
  const url = req.url ?? '';
  if (url === '/chunk') {
    res.write('a');
    res.end('bc');
  } else if (url === '/head') {
    res.writeHead(201, { 'X-Foo': 'bar', 'Content-Type': 'text/plain' });
    res.end('hi');
  } else if (url === '/set') {
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.setHeader('X-Num', 5);
    res.statusCode = 404;
    res.end(Buffer.from('buf'));
  } else if (url === '/trailers') {
    res.writeHead(200, { Trailer: 'X-Sum' });
    res.write('data');
    res.addTrailers({ 'X-Sum': '42' });
    res.end();
  } else if (url === '/empty') {
    res.end();
  } else if (url === '/nocontent') {
    res.writeHead(204);
    res.end();
  } else if (url === '/close') {
    res.setHeader('Connection', 'close');
    res.end('bye');
  } else if (url === '/body') {
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => res.end(JSON.stringify([req.method, body, req.headers, req.rawHeaders, req.trailers, req.httpVersion])));
  } else {
    res.end(`hello ${req.method} ${url}`);
  }
}

const CASES: Record<string, string> = {
  'simple GET': 'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
  chunked: 'GET /chunk HTTP/1.1\r\nHost: x\r\n\r\n',
  'writeHead with headers': 'GET /head HTTP/1.1\r\nHost: x\r\n\r\n',
  'setHeader arrays and numbers': 'GET /set HTTP/1.1\r\nHost: x\r\n\r\n',
  'trailers out': 'GET /trailers HTTP/1.1\r\nHost: x\r\n\r\n',
  'end() without body': 'GET /empty HTTP/1.1\r\nHost: x\r\n\r\n',
  '204': 'GET /nocontent HTTP/1.1\r\nHost: x\r\n\r\n',
  'Connection: close set by handler': 'GET /close HTTP/1.1\r\nHost: x\r\n\r\n',
  HEAD: 'HEAD / HTTP/1.1\r\nHost: h\r\n\r\n',
  'HTTP/1.0': 'GET /x HTTP/1.0\r\n\r\n',
  'HTTP/1.0 keep-alive': 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n',
  'client asks close': 'GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n',
  'chunked body and trailers in': 'POST /body HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n',
  'duplicate headers joined':
    'POST /body HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nA: 1\r\na: 2\r\nCookie: x\r\ncookie: y\r\nSet-Cookie: s\r\nset-cookie: t\r\nHost: dropped\r\nX-Sp:  v  \r\n\r\nxyz',
  pipelined:
    'GET /head HTTP/1.1\r\nHost: x\r\n\r\nGET /chunk HTTP/1.1\r\nHost: y\r\n\r\nPOST /body HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nabGET /x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n',
  '100-continue': 'POST /body HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok',
  'unknown expectation': 'GET / HTTP/1.1\r\nHost: h\r\nExpect: foo\r\n\r\n',
  'missing Host': 'GET / HTTP/1.1\r\n\r\n',
  // Malformed input and smuggling attempts: Node's canned answer and a close.
  'CL and TE together': 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'two Content-Length': 'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
  'bad method': 'BLAH / HTTP/1.1\r\nHost: h\r\n\r\n',
  'bad chunk size': 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'TE not chunked last': 'POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n',
  'invalid header char': 'GET / HTTP/1.1\r\nX\x01: y\r\n\r\n',
  'space before colon': 'GET / HTTP/1.1\r\nHost : h\r\n\r\n',
  'bad version': 'GET / HTTP/9.9\r\nHost: h\r\n\r\n',
  'LF only': 'GET / HTTP/1.1\nHost: h\n\n',
  'header overflow (431)': `GET / HTTP/1.1\r\nHost: h\r\nX: ${'a'.repeat(17000)}\r\n\r\n`,
  'many small headers overflow': `GET / HTTP/1.1\r\nHost: h\r\n${'X-A: 0123456789\r\n'.repeat(1200)}\r\n`,
  'bad request after a good one': 'GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nX\x7f: 1\r\n\r\n',
};

describe('server: byte-exact against host Node', () => {
  let ours: http.Server;
  let theirs: nodeHttp.Server;
  beforeAll(async () => {
    ours = await listening(http.createServer(handler));
    theirs = await listening(nodeHttp.createServer(nodeHandler));
  });
  afterAll(async () => {
    ours.closeAllConnections();
    theirs.closeAllConnections();
    await Promise.all([closed(ours), closed(theirs)]);
  });

  for (const [name, input] of Object.entries(CASES)) {
    it(name, async () => {
      const [node, mini] = await Promise.all([exchange(portOf(theirs), input), exchange(portOf(ours), input)]);
      expect(node.text.length).toBeGreaterThan(0);
      expect(normDate(mini.text)).toBe(normDate(node.text));
      expect(mini.closed).toBe(node.closed);
    });
  }
});

describe('server: clientError', () => {
  it('passes Node codes and bytesParsed to clientError', async () => {
    const errors: unknown[] = [];
    const inputs = [
      'BLAH / HTTP/1.1\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
      `GET / HTTP/1.1\r\nX: ${'a'.repeat(20000)}\r\n\r\n`,
    ];
    for (const [mod, make] of [
      ['node', nodeHttp.createServer],
      ['mini', http.createServer],
    ] as const) {
      const server = await listening((make as typeof nodeHttp.createServer)(nodeHandler));
      server.on('clientError', (err: Error & { code: string; bytesParsed: number }, socket: net.Socket) => {
        errors.push([mod, err.code, err.message, err.bytesParsed]);
        socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      });
      for (const input of inputs) await exchange(portOf(server), input);
      await closed(server);
    }
    const node = errors.filter((e) => (e as string[])[0] === 'node').map((e) => (e as unknown[]).slice(1));
    const mini = errors.filter((e) => (e as string[])[0] === 'mini').map((e) => (e as unknown[]).slice(1));
    expect(node.length).toBe(3);
    expect(mini).toEqual(node);
  });
});

describe('server: with host Node http client', () => {
  let server: http.Server;
  beforeAll(async () => {
    server = await listening(http.createServer(handler));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closed(server);
  });

  function get(
    agent: nodeHttp.Agent,
    path: string,
    body?: string,
  ): Promise<{ status: number; body: string; port: number; headers: nodeHttp.IncomingHttpHeaders; trailers: NodeJS.Dict<string> }> {
    return new Promise((resolve, reject) => {
      const req = nodeHttp.request({ port: portOf(server), host: '127.0.0.1', path, agent, method: body ? 'POST' : 'GET' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: text, port: req.socket!.localPort!, headers: res.headers, trailers: res.trailers }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('reuses one keep-alive connection', async () => {
    const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
    const results = await Promise.all([get(agent, '/a'), get(agent, '/b'), get(agent, '/c')]);
    expect(results.map((r) => r.body)).toEqual(['hello GET /a', 'hello GET /b', 'hello GET /c']);
    expect(new Set(results.map((r) => r.port)).size).toBe(1);
    agent.destroy();
  });

  it('receives bodies and sends trailers', async () => {
    const agent = new nodeHttp.Agent();
    const posted = await get(agent, '/body', 'x'.repeat(100_000));
    expect(JSON.parse(posted.body)[1]).toHaveLength(100_000);
    const t = await get(agent, '/trailers');
    expect(t.body).toBe('data');
    expect(t.trailers).toEqual({ 'x-sum': '42' });
  });

  it('answers Expect: 100-continue through checkContinue', async () => {
    const s = await listening(http.createServer());
    s.on('checkContinue', (req, res) => {
      res.writeContinue();
      let n = 0;
      req.on('data', (d: Buffer) => (n += d.length));
      req.on('end', () => res.end(String(n)));
    });
    const result = await new Promise<string[]>((resolve) => {
      const events: string[] = [];
      const req = nodeHttp.request({ port: portOf(s), method: 'POST', headers: { Expect: '100-continue', 'Content-Length': 5 } }, (res) => {
        res.on('data', (d: Buffer) => events.push(d.toString()));
        res.on('end', () => resolve(events));
      });
      req.on('continue', () => {
        events.push('continue');
        req.end('12345');
      });
    });
    expect(result).toEqual(['continue', '5']);
    await closed(s);
  });

  it('hands upgrades to the upgrade listener with the bytes after the head', async () => {
    const s = await listening(http.createServer(handler));
    s.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n${head.toString()}`);
      socket.on('data', (d) => socket.write(d));
      // The server socket is half-open capable, as in Node: close it when the peer does.
      socket.on('end', () => socket.end());
      expect(req.headers.upgrade).toBe('echo');
    });
    const got = await new Promise<string>((resolve) => {
      const req = nodeHttp.request({ port: portOf(s), headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
      req.on('upgrade', (_res, socket: net.Socket, head: Buffer) => {
        let text = head.toString();
        socket.write('ping');
        socket.on('data', (d) => {
          text += d.toString();
          if (text.includes('ping')) {
            socket.destroy();
            resolve(text);
          }
        });
      });
      req.end();
    });
    expect(got).toBe('ping');
    await closed(s);
  });

  it('answers curl', { skip: !existsSync('/usr/bin/curl') }, async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const args = ['-s', '-i', '--http1.1', `http://127.0.0.1:${portOf(server)}/head`, `http://127.0.0.1:${portOf(server)}/chunk`];
      execFile('curl', args, { encoding: 'latin1' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    expect(normDate(out)).toBe(
      'HTTP/1.1 201 Created\r\nX-Foo: bar\r\nContent-Type: text/plain\r\nDate: <date>\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\nhi' +
        'HTTP/1.1 200 OK\r\nDate: <date>\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\nabc',
    );
  });
});

describe('server: timeouts', () => {
  it('cuts off a slowloris client with headersTimeout', async () => {
    const s = await listening(http.createServer({ headersTimeout: 300, requestTimeout: 1000, connectionsCheckingInterval: 100 }, handler));
    const started = Date.now();
    const result = await new Promise<{ text: string; ms: number }>((resolve) => {
      const c = net.connect(portOf(s), '127.0.0.1');
      let text = '';
      const drip = setInterval(() => c.writable && c.write('X-Slow: 1\r\n'), 50);
      c.write('GET / HTTP/1.1\r\nHost: h\r\n');
      c.on('data', (d) => (text += d.toString()));
      c.on('error', () => {});
      c.on('close', () => {
        clearInterval(drip);
        resolve({ text, ms: Date.now() - started });
      });
    });
    expect(result.text).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(result.ms).toBeLessThan(2000);
    await closed(s);
  });

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const s = await listening(http.createServer({ keepAliveTimeout: 200 }, handler));
    s.keepAliveTimeout = 200;
    const started = Date.now();
    const r = await exchange(portOf(s), 'GET / HTTP/1.1\r\nHost: h\r\n\r\n', 3000);
    expect(r.closed).toBe(true);
    expect(normDate(r.text)).toContain('Keep-Alive: timeout=0\r\n');
    expect(Date.now() - started).toBeLessThan(2000);
    await closed(s);
  });

  it('close() drops idle connections and closeAllConnections the rest', async () => {
    const s = await listening(http.createServer(handler));
    const r = exchange(portOf(s), 'GET / HTTP/1.1\r\nHost: h\r\n\r\n', 3000);
    await new Promise((x) => setTimeout(x, 100));
    const done = closed(s);
    expect((await r).closed).toBe(true);
    await done;
  });
});

describe('argument errors, as the host http throws them', () => {
  function errorOf(fn: () => unknown): string {
    try {
      fn();
    } catch (err) {
      const e = err as Error & { code?: string };
      return `${e.name} ${e.code}: ${e.message}`;
    }
    return 'no error';
  }

  it.each([
    [{ requestTimeout: -1 }],
    [{ headersTimeout: 'x' }],
    [{ keepAliveTimeout: 1.5 }],
    [{ connectionsCheckingInterval: -1 }],
    [{ headersTimeout: 2000, requestTimeout: 1000 }],
  ])('createServer(%o)', (options) => {
    const make = (h: { createServer(o: object): { close(): unknown } }) => () => h.createServer(options).close();
    expect(errorOf(make(http as never))).toBe(errorOf(make(nodeHttp)));
  });

  it.each([[0], [1.5], ['1']])('setMaxIdleHTTPParsers(%o)', (max) => {
    expect(errorOf(() => http.setMaxIdleHTTPParsers(max as number))).toBe(errorOf(() => nodeHttp.setMaxIdleHTTPParsers(max as number)));
  });

  it('writeHead with an odd header list, a bad status, a bad header value', async () => {
    const tries = (res: Res): string[] => [
      errorOf(() => res.writeHead(200, ['a'] as never)),
      errorOf(() => res.writeHead(-0)),
      errorOf(() => res.setHeader('x-a', undefined as never)),
      errorOf(() => res.setHeader('x a', '1')),
    ];
    const results: string[][] = [];
    const record = (req: Req, res: Res): void => {
      results.push(tries(res));
      res.end();
    };
    const ours = await listening(http.createServer(record));
    const theirs = nodeHttp.createServer((q, r) => record(q as unknown as Req, r as unknown as Res)).listen(0);
    await new Promise((r) => theirs.once('listening', r));
    await exchange(portOf(ours), 'GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n', 3000);
    await exchange((theirs.address() as net.AddressInfo).port, 'GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n', 3000);
    await closed(ours);
    theirs.close();
    expect(results[0]).toEqual(results[1]);
    expect(results[0]![0]).toContain("The argument 'headers' is invalid. Received [ 'a' ]");
  });
});
