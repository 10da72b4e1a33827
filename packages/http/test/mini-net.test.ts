import nodeHttp from 'node:http';
import { describe, expect, it } from 'vitest';
import { net as miniNet } from '@mini/net';
import * as http from '../src/http.js';
import { setTransport, type Transport } from '../src/transport.js';
import { closed, listening, portOf } from './helpers.js';

// The same protocol code over our own TCP, with host Node's client as the peer.
describe('over @mini/net', () => {
  it('serves keep-alive requests to a host Node client', async () => {
    setTransport(miniNet as unknown as Transport);
    const s = await listening(http.createServer((req, res) => res.end(`hi ${req.url}`)));
    const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => {
        nodeHttp.get({ port: portOf(s), host: '127.0.0.1', path, agent }, (res) => {
          let t = '';
          res.on('data', (d: Buffer) => (t += d.toString()));
          res.on('end', () => resolve(t));
        }).on('error', reject);
      });
    expect(await Promise.all([get('/a'), get('/b')])).toEqual(['hi /a', 'hi /b']);
    agent.destroy();
    s.closeAllConnections();
    await closed(s);
  });
});
