// vm's module classes are the program's only when it gives
// --experimental-vm-modules itself (on its command line or in NODE_OPTIONS),
// and then they warn once, as node's do.
import { spawnSync } from 'child_process';
const code = `
const vm = require('vm');
console.log(typeof vm.SourceTextModule, typeof vm.SyntheticModule);
if (vm.SourceTextModule) {
  const m = new vm.SourceTextModule('export const x = 40 + 2;');
  m.link(() => {}).then(() => m.evaluate()).then(() => console.log(m.namespace.x));
}`;
const run = (args, env) => {
  const r = spawnSync(process.execPath, [...args, '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  console.log(JSON.stringify(args), r.status, r.stdout.trim(), r.stderr.replace(/\(node:\d+\) /, '').trim().split('\n')[0]);
};
run([]);
run(['--experimental-vm-modules']);
run(['--no-warnings', '--experimental-vm-modules']);
run([], { NODE_OPTIONS: '--experimental-vm-modules' });
