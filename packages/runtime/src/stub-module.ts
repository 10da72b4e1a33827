/**
 * A builtin we cannot run yet, but that libraries require at load time
 * without using (ws and most HTTP clients require 'https' and 'tls' for the
 * day someone asks for TLS). Its shape is the host module's; every function
 * throws ERR_MINI_NOT_IMPLEMENTED naming itself when called, and plain
 * values (constants, cipher lists) are the host's.
 */
import { codedError } from '@mini/sys';

export function callTimeStub(id: string): Record<string, unknown> {
  const host = require(`node:${id}`) as Record<string, unknown>;
  const stub: Record<string, unknown> = {};
  for (const key of Object.keys(host)) {
    const value = host[key];
    if (typeof value !== 'function') {
      stub[key] = value;
      continue;
    }
    const name = `${id}.${key}`;
    // A class stays a constructor (so `class X extends https.Agent` still
    // loads); making one throws.
    const thrower = function (this: unknown) {
      throw codedError('ERR_MINI_NOT_IMPLEMENTED', /^[A-Z]/.test(key) ? `new ${name}()` : `${name}()`);
    };
    Object.defineProperty(thrower, 'name', { value: key });
    stub[key] = thrower;
  }
  return stub;
}
