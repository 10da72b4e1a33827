// An open BroadcastChannel keeps the process alive until closed or
// unref'd; ref() makes it count again; a message still reaches an unref'd
// channel while something else keeps the process alive.
const kept = new BroadcastChannel('life');
const loose = new BroadcastChannel('life').unref();
const again = new BroadcastChannel('other');
again.unref();
again.ref();
loose.onmessage = (e) => {
  console.log('unref channel got', e.data);
  setTimeout(() => {
    console.log('closing the ref one');
    kept.close();
    setTimeout(() => {
      console.log('closing the re-ref one');
      again.close();
    }, 10);
  }, 10);
};
kept.postMessage('hello');
process.on('exit', () => console.log('exit with the unref channel open'));
