export { createFs, fsPromises } from './module.js';
export { readFile, stat, lstat, fstat } from './fs.js';
export { validatedPath } from './args.js';
export { FileHandle } from './promises.js';
export { statsFromStatx, bigIntStatsFromStatx } from './stats.js';
export * as fsReq from './req.js';
