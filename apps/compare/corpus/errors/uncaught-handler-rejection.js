// An unhandled rejection reaches uncaughtException with origin
// 'unhandledRejection' when no unhandledRejection listener exists.
process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
process.on('uncaughtExceptionMonitor', (err, origin) => console.log('monitor', err.message, origin));
Promise.reject(new Error('nobody handles me'));
setTimeout(() => console.log('timer still runs'), 5);
