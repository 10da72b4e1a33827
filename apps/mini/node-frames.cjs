// Learns, at build, which frames of its own the host node shows beneath a
// program's callback for each way a callback is reached (a timer, an
// immediate, a socket's data, an http request, an fs completion, a
// module's top level…), by doing each for real and reading the structured
// stack. Written to dist/node-frames.json with the node version they hold
// for; the launcher (src/launch.ts) puts them where our loop's frames
// were, so a stack on mini reads as the same program's stack on that node;
// and the header of its report for an uncaught error of its own making.
// Run as the main module by build.mjs: `node node-frames.cjs OUT`.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');

/** What a CallSite answers, kept so a stand-in can answer the same. */
const QUESTIONS = [
  'getTypeName',
  'getFunctionName',
  'getMethodName',
  'getFileName',
  'getLineNumber',
  'getColumnNumber',
  'getEvalOrigin',
  'isToplevel',
  'isEval',
  'isNative',
  'isConstructor',
  'isAsync',
  'isPromiseAll',
  'getPromiseIndex',
  'getScriptNameOrSourceURL',
  'getEnclosingLineNumber',
  'getEnclosingColumnNumber',
  'getPosition',
];

/** The frames beneath the caller's own, as CallSites. */
function callSites() {
  const saved = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_, sites) => sites;
  Error.stackTraceLimit = 100;
  const sites = new Error().stack;
  Error.prepareStackTrace = saved;
  Error.stackTraceLimit = limit;
  return sites.slice(2);
}

function record(site) {
  const answers = { text: String(site) };
  for (const question of QUESTIONS) {
    try {
      const answer = site[question]?.();
      if (answer !== undefined) answers[question] = answer;
    } catch {
      // Not asked of this kind of frame.
    }
  }
  return answers;
}

/** A frame known by its text alone: "fn (file:line:column)". */
function fromText(text) {
  const [, fn, file, line, column] = /^(?:(.*?)(?: \[as [^\]]*\])? \()?(.*?):(\d+):(\d+)\)?$/.exec(text) ?? [];
  return { text, getFunctionName: fn ?? null, getFileName: file, getLineNumber: Number(line), getColumnNumber: Number(column) };
}

/**
 * Node's own frames under a callback, without the frames of node:events and
 * node:internal/streams that lead from them to it: those run on mini too
 * (they are the host's), so they are in a program's stack there already.
 */
function dispatchFrames(sites) {
  let i = 0;
  while (i < sites.length && /^node:(events|internal\/streams\/)/.test(sites[i].getFileName() ?? '')) i++;
  return sites.slice(i).map(record);
}

if (require.main !== module) {
  // Required by the main module below: node's frames between a module's top level and its require().
  const sites = callSites();
  const requirer = sites.findIndex((site) => site.getFileName() === __filename);
  module.exports = sites.slice(0, requirer).map(record);
  return;
}

const mainModule = callSites().map(record);
// Run once more as a module required by this one.
delete require.cache[__filename];
const kinds = { mainModule, required: require(__filename) };
const pending = new Set();
function expect(kind) {
  pending.add(kind);
  return () => {
    kinds[kind] ??= dispatchFrames(callSites());
    pending.delete(kind);
    if (pending.size === 0) finish();
  };
}
function finish() {
  const headers = uncaughtHeaders();
  loaderErrors(kinds, headers);
  fs.writeFileSync(process.argv[2], JSON.stringify({ version: process.version, kinds, headers }, null, 1) + '\n');
}

setTimeout(expect('timeout'), 1);
setImmediate(expect('immediate'));
process.nextTick(expect('tick'));
fs.access(__filename, expect('fs'));
fs.stat(__filename, expect('fsStats'));
fs.readFile(__filename, expect('readFile'));
require('node:dns').lookup('localhost', expect('lookup'));

// Each expect()ed function is the listener itself, so the frames under it are node's dispatch.
const server = net.createServer(expect('connection'));
server.on('connection', (socket) => {
  socket.on('data', expect('data'));
  socket.on('data', () => {
    socket.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', expect('connect'));
  client.on('connect', () => client.end('x'));
});

// A refused connection's error: where node made it.
const refused = expect('connectError');
const closed = net.createServer().listen(0, '127.0.0.1', () => {
  const port = closed.address().port;
  closed.close(() => {
    net.connect(port, '127.0.0.1').on('error', (err) => {
      // Node formats its stack as it makes it: only the text is left to read.
      kinds.connectError = err.stack
        .split('\n')
        .filter((line) => line.startsWith('    at '))
        .map((line) => fromText(line.slice('    at '.length)));
      refused();
    });
  });
});

const web = http.createServer(expect('request'));
web.on('request', (req, res) => res.end('ok'));
web.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: web.address().port, agent: false }, expect('response'));
  req.on('response', (res) => {
    res.resume();
    res.on('end', () => web.close());
  });
});

/**
 * The header node's uncaught-error report opens with (where the error was
 * thrown: file:line, the source line, a caret) for errors of node's own
 * making: everything before the report's first blank line. Keyed as
 * src/launch.ts finds them: a coded error by its code (and the first word
 * of its message where node throws the code at two places), `codedError`
 * for one node's argument validators throw, an errno error by its syscall.
 */
function uncaughtHeaders() {
  const { spawnSync } = require('node:child_process');
  const scenarios = {
    codedError: "setTimeout('not a function')",
    MODULE_NOT_FOUND: null,
    ERR_UNKNOWN_BUILTIN_MODULE: "require('node:no-such-builtin')",
    ERR_INVALID_FD_TYPE: "new (require('net').Socket)({ fd: 2147483647 })",
    ERR_TTY_INIT_FAILED: "require('tty').ReadStream(2147483647)",
    ERR_SOCKET_BAD_TYPE: "require('dgram').createSocket('no-such-type')",
    ERR_INVALID_IP_ADDRESS: "require('dns').setServers(['not an address'])",
    'ERR_INVALID_HTTP_TOKEN Method': "require('http').request({ method: 'no good' })",
    'syscall kill': 'process.kill(2147483647)',
    'syscall watch': "require('fs').watch('/no-such-dir/x')",
    'syscall spawnSync': "require('child_process').execFileSync('/no-such-dir/x')",
  };
  const headers = {};
  for (const [key, code] of Object.entries(scenarios)) {
    const args = code === null ? [require('node:path').join(__dirname, 'no-such-module.js')] : ['-e', code];
    const { stderr } = spawnSync(process.execPath, args, { encoding: 'utf8' });
    // An error that refers to itself (spawnSync's) reads "<ref *1> " before it: the report's, not the header's.
    headers[key] = stderr.slice(0, stderr.indexOf('\n\n') + 1).replace(/^<ref \*\d+> /, '');
  }
  return headers;
}

/**
 * Node's frames for the errors its module loader throws at a program: a
 * module not found, a syntax error in one, a .json that does not parse;
 * each as the main module and as one the main module requires; and a
 * package subpath its exports do not name. Each runs
 * in a node of its own, whose preload hands back the uncaught error's
 * frames above the requiring module's (all of them for a main module),
 * and the header of its report where node's own code threw it. Kept as
 * `mainNotFound`, `requireSyntaxError`…, and the headers as `loader KIND`.
 */
function loaderErrors(kinds, headers) {
  const { spawnSync } = require('node:child_process');
  const path = require('node:path');
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'node-frames-'));
  const write = (name, text) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const preload = write(
    'preload.js',
    `const QUESTIONS = ${JSON.stringify(QUESTIONS)};\n${record};\n` +
      'Error.prepareStackTrace = (_, sites) => sites;\n' +
      "process.on('uncaughtException', (err) => process.stdout.write(JSON.stringify(err.stack.map(record))));\n",
  );
  const faults = {
    NotFound: (main) => path.join(dir, main ? 'no-such-main.js' : 'no-such-module.js'),
    SyntaxError: (main) => write(main ? 'bad-main.js' : 'bad.js', 'module.exports = {\n'),
    JsonError: (main) => write(main ? 'bad-main.json' : 'bad.json', '{"a":\n'),
    // A package's subpath its "exports" do not name (a required module's only: a main module is a path).
    PathNotExported: () => {
      fs.mkdirSync(path.join(dir, 'node_modules', 'pk'), { recursive: true });
      write('node_modules/pk/package.json', '{"name":"pk","exports":{".":"./index.js"}}');
      return 'pk/not-exported';
    },
  };
  for (const [fault, make] of Object.entries(faults)) {
    for (const main of fault === 'PathNotExported' ? [false] : [true, false]) {
      const kind = `${main ? 'main' : 'require'}${fault}`;
      const file = main ? make(true) : write(`requires-${fault}.js`, `require(${JSON.stringify(make(false))});\n`);
      const run = (args) => spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
      const frames = JSON.parse(run(['-r', preload, file]).stdout);
      // A required module's: the frames above the requiring module's own.
      const requirer = frames.findIndex((frame) => frame.getFileName?.startsWith(dir) === true);
      kinds[kind] = main || requirer < 0 ? frames : frames.slice(0, requirer);
      const { stderr } = run([file]);
      const header = stderr.slice(0, stderr.indexOf('\n\n') + 1);
      if (header.startsWith('node:')) headers[`loader ${kind}`] = header;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
