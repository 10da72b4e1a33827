// --inspect-brk with a debugger speaking the DevTools protocol over a
// WebSocket (the URL from the inspector's /json/list): the program waits,
// pauses on its own first line, answers an evaluation while its loop waits
// on a long timer, stops at a breakpoint its timer reaches, and resumes.
const { spawn } = require('child_process');
const crypto = require('crypto');
const http = require('http');
const path = require('path');
const { pathToFileURL } = require('url');

const file = path.join(__dirname, 'fixtures', 'debuggee.js');
const child = spawn(process.execPath, ['--inspect-brk=0', file], { stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
child.stderr.setEncoding('utf8').on('data', (chunk) => {
  stderr += chunk;
  const found = /ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
  if (found && !started) {
    started = true;
    http.get(`http://127.0.0.1:${found[1]}/json/list`, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => connect(JSON.parse(body)[0].webSocketDebuggerUrl));
    });
  }
});
let started = false;
child.on('close', (code) => console.log('exit', code, JSON.stringify(stdout), stderr.split('\n')[0].replace(/:\d+\/[\w-]+$/, ':PORT')));

/** A WebSocket client, enough for the protocol: text frames, masked as a client's must be. */
function connect(url) {
  const { hostname, port, pathname } = new URL(url);
  const key = crypto.randomBytes(16).toString('base64');
  const req = http.request({ hostname, port, path: pathname, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' } });
  req.on('upgrade', (res, socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffered = Buffer.concat([buffered, data]);
      for (;;) {
        if (buffered.length < 2) return;
        let length = buffered[1] & 0x7f;
        let offset = 2;
        if (length === 126) (length = buffered.readUInt16BE(2)), (offset = 4);
        else if (length === 127) (length = Number(buffered.readBigUInt64BE(2))), (offset = 10);
        if (buffered.length < offset + length) return;
        const text = buffered.subarray(offset, offset + length).toString('utf8');
        buffered = buffered.subarray(offset + length);
        if ((buffered[0] & 0x0f) !== 8) onMessage(JSON.parse(text));
      }
    });
    const send = (message) => {
      const payload = Buffer.from(JSON.stringify(message));
      const mask = crypto.randomBytes(4);
      const head = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length]) : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
      for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      socket.write(Buffer.concat([head, mask, payload]));
    };
    session(send, () => socket.end());
  });
  req.end();
}

const pending = new Map();
const waiting = new Map();
const scripts = new Map();
let nextId = 0;
let call;
function onMessage(message) {
  if (message.method === 'Debugger.scriptParsed') scripts.set(message.params.scriptId, message.params.url);
  else if (message.id !== undefined) pending.get(message.id)(message.result);
  else if (waiting.has(message.method)) waiting.get(message.method)(message.params);
}
const printed = (text) =>
  new Promise((resolve) => {
    const check = () => (stdout.includes(text) ? resolve() : setTimeout(check, 10));
    check();
  });
const event = (method) => new Promise((resolve) => waiting.set(method, resolve));
const evaluate = async (expression) => (await call('Runtime.evaluate', { expression, returnByValue: true })).result.value;

async function session(send, close) {
  call = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++nextId, resolve);
      send({ id: nextId, method, params });
    });
  await call('Runtime.enable');
  await call('Debugger.enable');
  const paused = event('Debugger.paused');
  await call('Runtime.runIfWaitingForDebugger');
  const start = await paused;
  const where = start.callFrames[0].location;
  console.log('paused', start.reason, scripts.get(where.scriptId) === pathToFileURL(file).href, where.lineNumber, JSON.stringify(stdout));
  console.log('before the first line', await evaluate('typeof counter'));
  await call('Debugger.resume');
  await printed('ready');
  console.log('evaluate', await evaluate('counter + 41'));
  const breakpoint = await call('Debugger.setBreakpointByUrl', { url: pathToFileURL(file).href, lineNumber: 3 });
  console.log('breakpoint', breakpoint.locations.map((l) => l.lineNumber));
  const hit = event('Debugger.paused');
  console.log('schedule', await evaluate("setTimeout(tick, 5), 'scheduled'"));
  const frame = (await hit).callFrames[0];
  const onFrame = await call('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: 'counter', returnByValue: true });
  console.log('hit', frame.functionName, frame.location.lineNumber, onFrame.result.value);
  await call('Debugger.resume');
  // Once the callback has gone on past the breakpoint (an evaluation sent at once may still meet the pause).
  await printed('tick 1');
  console.log('after resume', await evaluate('counter'));
  await evaluate('finish()');
  close();
}
