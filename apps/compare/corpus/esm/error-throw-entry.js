// An error thrown by the entry module: the uncaught report shows its line.
console.log('about to throw');
const data = { list: [] };
if (data.list.length === 0) throw new Error('entry failed');
