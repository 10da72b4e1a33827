// --enable-source-maps: a program's stack and its uncaught-error header
// read at the source a bundler's map names, for CommonJS and ES modules.
const { spawnSync } = require('child_process');
const path = require('path');
for (const file of ['mapped.js', 'mapped.mjs']) {
  const r = spawnSync(process.execPath, ['--enable-source-maps', path.join(__dirname, 'fixtures', file)], { encoding: 'utf8' });
  console.log(file, r.status);
  console.log(
    r.stderr
      .replaceAll(__dirname, '.')
      .replace(/^ {4}at /gm, '    | ')
      .replace(/Node\.js v[\d.]+/, 'Node.js'),
  );
}
