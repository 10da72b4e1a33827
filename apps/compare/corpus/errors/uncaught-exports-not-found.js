// The report of an uncaught ERR_PACKAGE_PATH_NOT_EXPORTED from require():
// node's header (where its loader threw it) and node's frames above the
// requiring module's. Printed down to the requiring module's frame: what
// lies below it is cut by Error.stackTraceLimit at a depth that differs.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-corpus-exports-'));
fs.mkdirSync(path.join(dir, 'node_modules', 'pk'), { recursive: true });
fs.writeFileSync(path.join(dir, 'node_modules', 'pk', 'package.json'), '{"name":"pk","exports":{".":"./index.js"}}');
fs.writeFileSync(path.join(dir, 'main.js'), 'require("pk/package.json");\n');
const r = spawnSync(process.execPath, [path.join(dir, 'main.js')], { encoding: 'utf8' });
const lines = r.stderr.split(dir).join('.').split('\n');
const own = lines.findIndex((line) => line.includes('./main.js:'));
console.log(r.status, lines.slice(0, own + 1).join('\n').replace(/ \{$/, ''));
fs.rmSync(dir, { recursive: true, force: true });
