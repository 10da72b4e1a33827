import * as hostNet from 'node:net';
import { describe, expect, it } from 'vitest';
import { isIP, isIPv4, isIPv6 } from '../src/ip.js';

/** Inputs near every edge of the grammar, and random strings over its alphabet. */
function inputs(): unknown[] {
  const fixed: unknown[] = [
    '',
    '0.0.0.0',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.',
    '1.2.3.04',
    '1..2.3',
    ' 1.2.3.4',
    '::',
    ':',
    ':::',
    '::1',
    '1::',
    '1::2',
    ':1::2',
    '1::2:',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8',
    '1:2:3:4::5:6:7:8',
    '::ffff:1.2.3.4',
    '::1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:1.2.3.4',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1.2.3.4::',
    '::1.2.3.4:1',
    'fe80::1%eth0',
    'fe80::1%',
    'fe80::1%a b',
    '::%1',
    '1.2.3.4%1',
    'ABCD:ef01::',
    'abcde::',
    'g::',
    '12345::1',
    '::0:0:0:0:0:0:0',
    '::0:0:0:0:0:0',
    '1::2::3',
    'fe80::%lo:0.1-x',
    null,
    undefined,
    123,
    4.5,
    {},
    { toString: () => '1.2.3.4' },
    ['::1'],
    new String('::1'),
    true,
  ];
  const alphabet = '0123456789abcdefABCDEFgG:.%-x ';
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const made: string[] = [];
  for (let i = 0; i < 20000; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 24);
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(random() * alphabet.length)];
    made.push(s);
  }
  // Valid addresses with one part disturbed, which random strings seldom reach.
  for (let i = 0; i < 5000; i++) {
    const groups = Array.from({ length: 8 }, () => Math.floor(random() * 65536).toString(16));
    const cut = Math.floor(random() * 8);
    const len = Math.floor(random() * (8 - cut));
    let s = `${groups.slice(0, cut).join(':')}::${groups.slice(cut + len).join(':')}`;
    if (random() < 0.3)
      s = s.replace(/[^:]*$/, `${Math.floor(random() * 300)}.${Math.floor(random() * 300)}.1.${Math.floor(random() * 9)}`);
    if (random() < 0.2) s += '%' + 'eth0'.slice(0, Math.floor(random() * 5));
    made.push(s, s.replace(/:/, ''), s.slice(1));
  }
  return [...fixed, ...made];
}

describe('address checks', () => {
  it("answer as the host's node:net does", () => {
    const differ: unknown[] = [];
    let valid = 0;
    for (const input of inputs()) {
      const host = [hostNet.isIP(input as string), hostNet.isIPv4(input as string), hostNet.isIPv6(input as string)];
      const ours = [isIP(input), isIPv4(input), isIPv6(input)];
      if (host[0] !== 0) valid++;
      if (host.some((v, i) => v !== ours[i])) differ.push(input);
    }
    expect(differ.slice(0, 10)).toEqual([]);
    // The inputs reach both answers often.
    expect(valid).toBeGreaterThan(2000);
  });

  it('throw for a Symbol, as a RegExp test does', () => {
    expect(() => hostNet.isIP(Symbol() as unknown as string)).toThrow(TypeError);
    expect(() => isIP(Symbol())).toThrow(TypeError);
  });
});
