export * as http from './http.js';
