// -C/--conditions: the conditions given are matched by require and by
// import, in package exports and imports, after node's own.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-corpus-conditions-'));
const pkg = path.join(dir, 'node_modules', 'pk');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(
  path.join(pkg, 'package.json'),
  JSON.stringify({
    name: 'pk',
    exports: { '.': { development: './dev.js', custom: { import: './custom.mjs', default: './custom.js' }, default: './prod.js' } },
    imports: { '#which': { development: './dev.js', default: './prod.js' } },
  }),
);
fs.writeFileSync(path.join(pkg, 'dev.js'), 'module.exports = "dev";');
fs.writeFileSync(path.join(pkg, 'prod.js'), 'module.exports = "prod";');
fs.writeFileSync(path.join(pkg, 'custom.js'), 'module.exports = "custom-cjs";');
fs.writeFileSync(path.join(pkg, 'custom.mjs'), 'export default "custom-esm";');
fs.writeFileSync(path.join(pkg, 'inside.js'), 'module.exports = require("#which");');
fs.writeFileSync(
  path.join(dir, 'main.js'),
  'console.log(require("pk")); import("pk").then((m) => console.log(m.default));',
);
const run = (args) => {
  const r = spawnSync(process.execPath, [...args, path.join(dir, 'main.js')], { encoding: 'utf8', cwd: dir });
  console.log(JSON.stringify(args), '->', r.status, r.stdout.trim().split('\n').join(' | '), r.stderr.trim().split('\n')[0]);
};
run([]);
run(['-C', 'development']);
run(['--conditions', 'custom']);
run(['--conditions=custom', '-C', 'development']);
run(['-C', 'development', '--conditions=custom']);
const inside = spawnSync(process.execPath, ['-C', 'development', '-p', 'require("./node_modules/pk/inside.js")'], { encoding: 'utf8', cwd: dir });
console.log('imports:', inside.stdout.trim());
fs.rmSync(dir, { recursive: true, force: true });
