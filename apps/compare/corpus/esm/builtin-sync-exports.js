// module.syncBuiltinESMExports(): a builtin's named exports follow a patch of its exports object.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { readFile } from 'node:fs';
import * as fsNs from 'node:fs';
const require = createRequire(import.meta.url);
const fs = require('fs');
const original = fs.readFile;
fs.readFile = function patchedReadFile() {};
console.log('before sync:', readFile === original, fsNs.readFile === original, fsNs.default.readFile === fs.readFile);
syncBuiltinESMExports();
console.log('after sync:', readFile.name, fsNs.readFile.name);
fs.readFile = original;
syncBuiltinESMExports();
console.log('restored:', readFile === original);
