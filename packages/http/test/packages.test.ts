/**
 * Packages people put on top of http, unchanged (pinned in devDependencies),
 * running on mini as a new user would run them: nock intercepting
 * http.request, axios talking to a local server, fastify serving routes to
 * a real client, https-proxy-agent tunnelling https through a local CONNECT
 * proxy. Each fixture's output must be node's.
 */
import { describe, expect, it } from 'vitest';
import { both } from './helpers.js';

describe('packages on mini', () => {
  it('nock 13 intercepts http.request and lets real requests through after restore', () => {
    const { ours, theirs } = both('nock-intercept.js');
    expect(theirs.stdout).toContain('all mocks used true');
    expect(theirs.stdout).toContain('after restore {"status":200,"body":"real /live"}');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(0);
  });

  it('axios gets, posts and streams from a local http server', () => {
    const { ours, theirs } = both('axios-get.js');
    expect(theirs.stdout).toContain('error AxiosError ERR_BAD_REQUEST 404 nope');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(0);
  });

  it('https-proxy-agent 7 (agent-base) tunnels https requests through a local CONNECT proxy', () => {
    const { ours, theirs } = both('https-proxy-agent.js');
    expect(theirs.stdout).toContain('200 POST /b sent encrypted=true');
    expect(theirs.stdout).toContain('tunnels 2 true');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(0);
  });

  it('fastify loads and serves routes to a real client', () => {
    const { ours, theirs } = both('fastify-route.js');
    expect(theirs.stdout).toContain('{"hello":"mini","q":"1"}');
    expect(theirs.stdout).toContain('closed');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(0);
  });
});
