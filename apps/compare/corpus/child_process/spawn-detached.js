// detached: the child leads a new session (its session id is its pid).
const { spawn } = require('child_process');
const script = 'read pid comm state ppid pgrp session rest < /proc/$$/stat; [ "$session" = "$$" ] && echo leader || echo member';
function run(detached, next) {
  const child = spawn('sh', ['-c', script], { detached });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', (code) => {
    console.log('detached', detached, out.trim(), code);
    next();
  });
}
run(false, () => run(true, () => {}));
