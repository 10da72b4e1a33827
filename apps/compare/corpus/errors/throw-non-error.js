// Throwing a string at top level: printed as is, with the trace-uncaught hint.
console.log('start');
throw 'a plain string';
