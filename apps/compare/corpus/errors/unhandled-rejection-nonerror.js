// Rejecting with a non-Error value produces ERR_UNHANDLED_REJECTION.
process.on('exit', (c) => console.log('exit', c));
Promise.reject(42);
