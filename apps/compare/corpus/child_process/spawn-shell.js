// shell: true runs the command line through /bin/sh -c; args are joined
// onto it, as Node does.
const { spawn } = require('child_process');
function run(label, child, then) {
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', (code) => {
    console.log(label, child.spawnfile, JSON.stringify(child.spawnargs), JSON.stringify(out), code);
    then();
  });
}
run('a', spawn('echo abc | tr b X', { shell: true }), () => {
  run('b', spawn('echo', ['one', 'two', '&&', 'echo', 'three'], { shell: true }), () => {
    run('c', spawn('echo $0', { shell: '/bin/sh' }), () => {});
  });
});
