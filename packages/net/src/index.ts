// The handle layer (TCP, Pipe, UDP) and the two Node modules built on it.
export * as net from './net.js';
export * as dgram from './dgram.js';
