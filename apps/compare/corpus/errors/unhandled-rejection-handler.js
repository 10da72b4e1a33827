// An unhandledRejection listener receives the reason and the promise;
// handling it later emits rejectionHandled.
process.on('unhandledRejection', (reason, p) => {
  console.log('unhandledRejection', reason instanceof Error ? reason.message : reason, p instanceof Promise);
  later = p;
});
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p === later));
let later;
Promise.reject(new Error('first'));
Promise.reject('second');
setTimeout(() => {
  later.catch(() => console.log('caught late'));
}, 10);
process.on('exit', (c) => console.log('exit', c));
