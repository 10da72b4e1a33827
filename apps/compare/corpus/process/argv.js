// args: one "two words" --flag=3 -x
// The arguments after the script, and the shape of argv's first two slots.
const path = require('path');
console.log(JSON.stringify(process.argv.slice(2)));
console.log('argv length', process.argv.length);
console.log('argv[1] is this file', process.argv[1] === __filename);
console.log('argv[0] absolute', path.isAbsolute(process.argv[0]));
console.log('execArgv', JSON.stringify(process.execArgv));
