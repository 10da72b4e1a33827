export { createFs, readFile, stat, lstat, fstat, validatedPath } from './fs.js';
export { statsFromStatx } from './stats.js';
export * as fsReq from './req.js';
