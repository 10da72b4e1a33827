export { createDns } from './dns.js';
