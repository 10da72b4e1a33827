// process.kill checks its arguments and reports failures as Node does.
function attempt(label, fn) {
  try {
    console.log(label, 'returned', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, e.syscall, e.message);
  }
}
attempt('no such pid', () => process.kill(2 ** 30, 0));
attempt('unknown name', () => process.kill(process.pid, 'SIGNOPE'));
attempt('lowercase name', () => process.kill(process.pid, 'sigterm'));
attempt('string pid', () => process.kill(String(process.pid), 0));
attempt('fractional pid', () => process.kill(1.5, 0));
attempt('object signal', () => process.kill(process.pid, {}));
attempt('out of range number', () => process.kill(process.pid, 1000));
attempt('negative number', () => process.kill(process.pid, -3));
attempt('signal 0 to self', () => process.kill(process.pid, 0));
attempt('signal 0 by name-less zero', () => process.kill(process.pid, 0));
