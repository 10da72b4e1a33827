// A child whose stdout is a file writes 1 MB and calls process.exit() at
// once: a file is written synchronously, so all of it is there, followed by
// what was written after.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdout-file-'));
const out = path.join(dir, 'out.txt');
const fd = fs.openSync(out, 'w');
const code = "process.stdout.write('x'.repeat(1e6)); console.log('|tail'); console.error(process.stdout.constructor.name, process.stdout._type, process.stdout.writableLength); process.exit(5)";
const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', fd, 'pipe'] });
fs.closeSync(fd);
let err = '';
child.stderr.on('data', (d) => (err += d));
child.on('close', (status) => {
  const text = fs.readFileSync(out, 'utf8');
  console.log('status', status, 'bytes', text.length, 'ends', JSON.stringify(text.slice(-7)));
  console.log('child said', err.trim());
  fs.rmSync(dir, { recursive: true });
});
