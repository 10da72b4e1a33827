// The report of an uncaught error the module loader throws (a module not
// found, a .json that does not parse, a syntax error), frames and all: as
// node's, whose loader frames stand where ours ran.
const { spawnSync } = require('child_process');
const path = require('path');
const root = path.dirname(__dirname);
const fixture = (name) => path.join(__dirname, 'fixtures', 'loader', name);
for (const args of [
  [fixture('no-such-main.js')],
  [fixture('bad.json')],
  [fixture('bad-syntax.js')],
  [fixture('requires-missing.js')],
  [fixture('requires-missing-package.js')],
  [fixture('requires-requires-missing.js')],
  [fixture('requires-bad-json.js')],
]) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  // Frames would be dropped by the comparison: each shows as "| frame".
  const report = r.stderr.replaceAll(root, '.').replace(/^ {4}at /gm, '    | ');
  console.log(`${JSON.stringify(args.map((a) => a.replace(root, '.')))} -> ${r.status}\n${report}`);
}
