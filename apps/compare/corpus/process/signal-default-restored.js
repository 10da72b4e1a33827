// Removing the last listener restores the default action: the next SIGTERM
// ends the process by that signal (exit code 143 in a shell).
const f = () => console.log('must not run');
process.on('SIGTERM', f);
process.off('SIGTERM', f);
process.on('exit', () => console.log('exit event must not fire'));
console.log('sending SIGTERM to self');
process.kill(process.pid, 'SIGTERM');
setTimeout(() => console.log('must not be reached'), 1000);
