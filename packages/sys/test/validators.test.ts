import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as ours from '../src/validators.js';
import { args, hostOutcomes, outcome, type Case } from './host.js';

/**
 * validator, its arguments as JS source, and (where our signature differs)
 * the arguments Node's takes: validateObject's options are a bitmask there.
 */
const cases: [keyof typeof ours, string, string?][] = [
  // validatePort: numbers and numeric strings, and '0' versus 0 without allowZero.
  ['validatePort', `0`],
  ['validatePort', `65535`],
  ['validatePort', `65536`],
  ['validatePort', `-1`],
  ['validatePort', `1.5`],
  ['validatePort', `NaN`],
  ['validatePort', `'80'`],
  ['validatePort', `'0x50'`],
  ['validatePort', `' 80 '`],
  ['validatePort', `' '`],
  ['validatePort', `''`],
  ['validatePort', `'-1'`],
  ['validatePort', `null`],
  ['validatePort', `true`],
  ['validatePort', `80n`],
  ['validatePort', `[80]`],
  ['validatePort', `0, 'Port', false`],
  ['validatePort', `'0', 'Port', false`],
  ['validatePort', `'00', 'options.port', false`],
  ['validatePort', `-0, 'Port', false`],
  ['validateFunction', `() => {}, 'cb'`],
  ['validateFunction', `class A {}, 'cb'`],
  ['validateFunction', `'f', 'cb'`],
  ['validateFunction', `undefined, 'options.lookup'`],
  ['validateString', `'s', 'name'`],
  ['validateString', `Symbol('s'), 'name'`],
  ['validateBoolean', `1, 'flag'`],
  ['validateBoolean', `false, 'flag'`],
  ['validateNumber', `'1', 'n'`],
  ['validateNumber', `NaN, 'n'`],
  ['validateNumber', `NaN, 'n', 0`],
  ['validateNumber', `-1, 'n', 0`],
  ['validateNumber', `11, 'n', undefined, 10`],
  ['validateNumber', `11, 'n', 0, 10`],
  ['validateNumber', `5, 'n', 0, 10`],
  ['validateInteger', `1.5, 'n'`],
  ['validateInteger', `2 ** 53, 'n'`],
  ['validateInteger', `-1, 'n', 0`],
  ['validateInteger', `'1', 'n'`],
  ['validateInteger', `7, 'n', 0, 5`],
  ['validateInt32', `2 ** 31, 'n'`],
  ['validateInt32', `-1, 'n', 0, 10`],
  ['validateInt32', `1.1, 'n'`],
  ['validateInt32', `null, 'n'`],
  ['validateUint32', `-1, 'size'`],
  ['validateUint32', `0, 'size', true`],
  ['validateUint32', `2 ** 32, 'size'`],
  ['validateUint32', `2 ** 32 - 1, 'size'`],
  ['validateUint32', `'1', 'size'`],
  ['validateOneOf', `'udp5', 'type', ['udp4', 'udp6']`],
  ['validateOneOf', `3, 'n', [1, 2, null]`],
  ['validateOneOf', `'udp4', 'type', ['udp4', 'udp6']`],
  ['validateObject', `null, 'options'`],
  ['validateObject', `[], 'options'`],
  ['validateObject', `() => {}, 'options'`],
  ['validateObject', `'s', 'options'`],
  ['validateObject', `{}, 'options'`],
  ['validateObject', `null, 'options', { allowNullable: true }`, `null, 'options', 1`],
  ['validateObject', `[], 'options', { allowArray: true }`, `[], 'options', 2`],
  ['validateObject', `() => {}, 'options', { allowFunction: true }`, `() => {}, 'options', 4`],
  ['validateObject', `[], 'options', { allowFunction: true }`, `[], 'options', 4`],
  ['validateArray', `{}, 'list'`],
  ['validateArray', `[1], 'list', 2`],
  ['validateArray', `[1, 2], 'list', 2`],
  ['validateAbortSignal', `undefined, 'options.signal'`],
  ['validateAbortSignal', `null, 'options.signal'`],
  ['validateAbortSignal', `{}, 'options.signal'`],
  ['validateAbortSignal', `{ aborted: false }, 'options.signal'`],
  ['validateBuffer', `'s'`],
  ['validateBuffer', `new DataView(new ArrayBuffer(1)), 'data'`],
  ['validateBuffer', `new ArrayBuffer(1), 'data'`],
];

describe("validators, case by case against the host's lib/internal/validators", () => {
  const host = hostOutcomes(cases.map(([name, src, nodeSrc]): Case => ({ kind: 'validators', name, args: nodeSrc ?? src })));

  it.each(cases.map((c, i) => [c[0], c[1], i] as const))('%s(%s)', (name, src, i) => {
    const fn = ours[name] as (...a: unknown[]) => unknown;
    const mine = outcome(() => fn(...args(src)));
    // Node's validators return nothing but validatePort's number.
    if (!mine.threw && name !== 'validatePort') delete mine.value;
    expect(mine).toEqual(host[i]);
  });
});

describe('validatePort through the APIs that use it', () => {
  it("'0' is accepted where 0 is not (dgram's connect), as on the host", () => {
    const sock = createSocket('udp4');
    const real0 = outcome(() => sock.connect(0));
    const realStr = outcome(() => sock.connect('0' as unknown as number));
    sock.close();
    // In-process, the host's stack header is formatted by vitest's prepareStackTrace, without the code.
    expect({ ...outcome(() => ours.validatePort(0, 'Port', false)), head: real0.head }).toEqual(real0);
    expect(realStr.threw && realStr.code === 'ERR_SOCKET_BAD_PORT').toBe(false);
    expect(ours.validatePort('0', 'Port', false)).toBe(0);
  });

  it("net's listen({ port: '-1' })", () => {
    const real = outcome(() => createServer().listen({ port: '-1' }));
    expect(outcome(() => ours.validatePort('-1', 'options.port'))).toMatchObject({
      message: real.message,
      code: real.code,
      name: real.name,
      str: real.str,
    });
  });
});
