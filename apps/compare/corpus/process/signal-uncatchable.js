// SIGKILL and SIGSTOP cannot be listened to: adding the listener throws and
// leaves no listener behind.
for (const name of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(name, () => {});
    console.log(name, 'listener added');
  } catch (e) {
    console.log(name, e.message, e.code, e.errno, e.syscall);
  }
  console.log(name, 'listeners', process.listenerCount(name));
}
