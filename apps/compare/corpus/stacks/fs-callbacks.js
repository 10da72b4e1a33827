// fs callbacks: the frame of node's request that completed, and the one of
// readFile's own context; promises run with no frame of node's.
const fs = require('fs');
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

fs.stat(__filename, function afterStat() {
  show('stat', new Error('s'));
  fs.access(__filename, function afterAccess() {
    show('access', new Error('a'));
    fs.readFile(__filename, function afterRead() {
      show('readFile', new Error('r'));
      fs.promises.readFile(__filename).then(function afterPromise() {
        show('promises.readFile', new Error('p'));
      });
    });
  });
});
