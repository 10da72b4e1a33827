import { readFile } from 'node:fs';
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { invalidArgType, invalidArgValue, outOfRange } from '../src/index.js';

function thrown(fn: () => unknown): NodeJS.ErrnoException {
  try {
    fn();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

describe('Node errors, compared with what the host throws for the same calls', () => {
  it.each([
    ['path', ['string', 'Buffer', 'URL'], true, () => readFile(true as unknown as string, () => {})],
    ['cb', 'function', undefined, () => readFile('x', undefined as unknown as () => void)],
    ['callback', 'function', 5, () => setTimeout(5 as unknown as () => void)],
  ] as const)('ERR_INVALID_ARG_TYPE for %s', (name, expected, actual, call) => {
    const real = thrown(call);
    const ours = invalidArgType(name, expected as string | string[], actual);
    expect(ours.message).toBe(real.message);
    expect(ours.code).toBe(real.code);
    expect(String(ours)).toBe(`TypeError [ERR_INVALID_ARG_TYPE]: ${real.message}`);
    expect(Object.keys(ours)).toEqual(Object.keys(real));
  });

  it('a list of classes reads "Buffer, TypedArray, or DataView"', () => {
    const sock = createSocket('udp4');
    const real = thrown(() => sock.send(1 as unknown as string, 1, '127.0.0.1'));
    sock.close();
    expect(invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], 1).message).toBe(real.message);
  });

  it('ERR_INVALID_ARG_VALUE and ERR_OUT_OF_RANGE', () => {
    expect(invalidArgValue('id', '', 'must be a non-empty string').message).toBe(
      "The argument 'id' must be a non-empty string. Received ''",
    );
    const real = thrown(() => Buffer.alloc(1).readUInt8(5));
    const ours = outOfRange('offset', '>= 0 and <= 0', 5);
    expect([ours.message, ours.code, ours.name]).toEqual([real.message, real.code, real.name]);
  });
});
