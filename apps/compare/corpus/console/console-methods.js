// console methods other than log: streams, groups, count, time labels
// (without their values), assert, table, dir.
console.info('info to stdout');
console.debug('debug to stdout');
console.error('error to stderr');
console.warn('warn to stderr');
console.group('group 1');
console.log('inside 1');
console.group();
console.log('inside 2', { a: [1, 2] });
console.groupEnd();
console.groupEnd();
console.log('outside');
console.count();
console.count('x');
console.count();
console.countReset();
console.count();
console.assert(true, 'never printed');
console.assert(false, 'assertion %s', 'printed');
console.assert(false);
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([[1, 2], [3, 4]], ['0']);
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
console.trace === undefined ? console.log('no trace') : console.log('trace exists');
