// A require cycle hands the second module a partly filled exports object.
const a = require('./fixtures/cycle/a');
const b = require('./fixtures/cycle/b');
console.log(JSON.stringify(a));
console.log(JSON.stringify(b));
// Not JSON.stringify inside the cycle: reading a missing property (toJSON) of
// a partial exports object prints a warning that carries the pid.
