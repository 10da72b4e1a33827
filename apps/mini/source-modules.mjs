// Which of node's lib modules each of our API sources stands for. A stack
// captured inside one of our API calls (a getter, a listener or a validator
// our code reached synchronously) shows node's lib frames there, and
// programs read them: agent-base, under npm's and every proxy agent's
// https, decides its protocol by looking for a `node:https:` frame. So
// build.mjs records where each of these sources lies in the bundle, and the
// launcher names such a frame after the module here. Handle layers and
// helpers are node's C++ or hidden frames: not listed, their frames stay
// dropped.
export const NODE_MODULE_OF_SOURCE = {
  'http/src/agent.ts': '_http_agent',
  'http/src/client.ts': '_http_client',
  'http/src/common.ts': '_http_common',
  'http/src/incoming.ts': '_http_incoming',
  'http/src/outgoing.ts': '_http_outgoing',
  'http/src/server.ts': '_http_server',
  'http/src/server-response.ts': '_http_server',
  'http/src/http.ts': 'http',
  'http/src/https.ts': 'https',
  'net/src/socket.ts': 'net',
  'net/src/server.ts': 'net',
  'net/src/net.ts': 'net',
  'net/src/dgram.ts': 'dgram',
  'net/src/tty.ts': 'tty',
  'tls/src/tls-socket.ts': '_tls_wrap',
  'tls/src/server.ts': '_tls_wrap',
  'tls/src/secure-context.ts': '_tls_common',
  'tls/src/tls.ts': 'tls',
  'fs/src/fs.ts': 'fs',
  'fs/src/promises.ts': 'internal/fs/promises',
  'fs/src/streams.ts': 'internal/fs/streams',
  'fs/src/dir.ts': 'internal/fs/dir',
  'fs-watch/src/api/watch.ts': 'fs',
  'fs-watch/src/api/watch-file.ts': 'fs',
  'fs-watch/src/api/fs-watcher.ts': 'internal/fs/watchers',
  'dns/src/dns.ts': 'dns',
  'dns/src/lookup.ts': 'dns',
  'dns/src/resolver/resolver.ts': 'internal/dns/callback_resolver',
  'dns/src/resolver/promises.ts': 'internal/dns/promises',
  'process/src/child_process.ts': 'child_process',
  'process/src/exec.ts': 'child_process',
  'process/src/sync.ts': 'child_process',
  'process/src/child-process.ts': 'internal/child_process',
  'process/src/ipc.ts': 'internal/child_process',
  'process/src/cluster.ts': 'cluster',
  'process/src/cluster/primary.ts': 'internal/cluster/primary',
  'process/src/cluster/child.ts': 'internal/cluster/child',
  'process/src/cluster/worker.ts': 'internal/cluster/worker',
  'worker/src/worker.ts': 'internal/worker',
  'worker/src/message-port.ts': 'internal/worker/io',
  'worker/src/broadcast-channel.ts': 'internal/worker/io',
  'timers/src/api.ts': 'timers',
  'timers/src/promises.ts': 'timers/promises',
};

/**
 * Where each source begins in the bundle (esbuild heads each with a
 * `// <path>` comment), as [first line, node module or null], in order.
 */
export function bundleSections(text) {
  const sections = [];
  const seen = new Set();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^\/\/ (\S+)$/.exec(lines[i]);
    if (head === null) continue;
    const source = /packages\/(.+\.ts)$/.exec(head[1]);
    if (source) seen.add(source[1]);
    sections.push([i + 1, (source && NODE_MODULE_OF_SOURCE[source[1]]) ?? null]);
  }
  // A source renamed or gone would silently lose its frames' names.
  const missing = Object.keys(NODE_MODULE_OF_SOURCE).filter((source) => !seen.has(source));
  if (missing.length > 0) throw new Error(`build: not in the bundle: ${missing.join(', ')}`);
  return sections;
}
