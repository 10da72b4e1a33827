import nodeHttp from 'node:http';
import { describe, expect, it } from 'vitest';
import { net as miniNet } from '@mini/net';
import * as http from '../src/http.js';
import { getTransport } from '../src/transport.js';
import { closed, listening, portOf } from './helpers.js';

// http runs on our own TCP, never silently on the host's: the transport is
// @mini/net itself, and the sockets a server hands out are its sockets.
describe('over @mini/net', () => {
  it('uses @mini/net as its transport', () => {
    expect(getTransport()).toBe(miniNet);
  });

  it('serves keep-alive requests to a host Node client on @mini/net sockets', async () => {
    const kinds: boolean[] = [];
    const s = await listening(
      http.createServer((req, res) => {
        kinds.push(req.socket instanceof miniNet.Socket);
        res.end(`hi ${req.url}`);
      }),
    );
    const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => {
        nodeHttp
          .get({ port: portOf(s), host: '127.0.0.1', path, agent }, (res) => {
            let t = '';
            res.on('data', (d: Buffer) => (t += d.toString()));
            res.on('end', () => resolve(t));
          })
          .on('error', reject);
      });
    expect(await Promise.all([get('/a'), get('/b')])).toEqual(['hi /a', 'hi /b']);
    expect(kinds).toEqual([true, true]);
    agent.destroy();
    s.closeAllConnections();
    await closed(s);
  });

  it('makes client requests on @mini/net sockets', async () => {
    const peer = await listening(nodeHttp.createServer((_req, res) => res.end('ok')));
    const got = await new Promise<[boolean, string]>((resolve, reject) => {
      const req = http.get({ port: portOf(peer), host: '127.0.0.1', agent: false }, (res) => {
        let t = '';
        res.on('data', (d: Buffer) => (t += d.toString()));
        res.on('end', () => resolve([res.socket instanceof miniNet.Socket, t]));
      });
      req.on('error', reject);
    });
    expect(got).toEqual([true, 'ok']);
    await closed(peer);
  });
});
