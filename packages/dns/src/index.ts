import { setSystemLookup, type LookupFunction } from '@mini/net';
import { lookup } from './lookup.js';

export { createDns } from './dns.js';

// net and dgram resolve names with dns.lookup: ours, from the moment this package is loaded.
setSystemLookup(lookup as LookupFunction);
