// Named imports from builtins.
import { EventEmitter, once } from 'events';
import path, { join, sep } from 'node:path';
import * as os from 'os';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
console.log(typeof EventEmitter, typeof once, join('a', 'b'), sep, path.basename('/x/y.js'));
console.log(typeof os.platform, typeof os.default.cpus, typeof promisify);
console.log('delay:', await delay(1, 'waited'));
