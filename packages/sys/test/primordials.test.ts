import { describe, expect, it } from 'vitest';
import { copyProperties } from '../src/primordials.js';

describe('copyProperties', () => {
  const tag = Symbol('tag');

  /** Each source, with the copy a spread makes of it. */
  const sources = (): object[] => [
    {},
    { handle: {}, readable: false },
    { b: 1, a: 2, 10: 'x', [tag]: true },
    Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false }),
    Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }),
    JSON.parse('{"__proto__": {"polluted": true}, "after": 1}') as object,
  ];

  it('copies what a spread copies, in the same order', () => {
    for (const source of sources()) {
      const copy = copyProperties(source);
      const spread = { ...source };
      expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
      for (const key of Reflect.ownKeys(spread)) {
        expect(Object.getOwnPropertyDescriptor(copy, key)).toEqual(Object.getOwnPropertyDescriptor(spread, key));
      }
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    }
  });

  it('reads each getter once, as a spread does', () => {
    let reads = 0;
    const copy = copyProperties({
      get value() {
        reads++;
        return 7;
      },
    });
    expect(reads).toBe(1);
    expect(Object.getOwnPropertyDescriptor(copy, 'value')).toEqual({ value: 7, writable: true, enumerable: true, configurable: true });
  });

  it('makes a new object: what is added to the copy stays out of the source', () => {
    const source = { handle: {}, readable: true };
    const copy = copyProperties(source) as Record<string, unknown>;
    copy['emitClose'] = false;
    expect(Object.keys(source)).toEqual(['handle', 'readable']);
    expect(copy['handle']).toBe(source.handle);
  });

  it("merges several sources as a spread of each does, later values in earlier keys' places", () => {
    const pairs: [object | null | undefined, object | null | undefined][] = [
      [
        { a: 1, b: 2 },
        { b: 3, c: 4 },
      ],
      [
        { path: '/x', host: 'h' },
        { __proto__: null, path: null, keepAlive: true },
      ],
      [undefined, { a: 1 }],
      [{ a: 1 }, null],
      [{ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}, "b": 2}') as object],
    ];
    for (const [a, b] of pairs) {
      const copy = copyProperties<object>(a, b);
      const spread = { ...a, ...b };
      expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
      for (const key of Reflect.ownKeys(spread)) {
        expect(Object.getOwnPropertyDescriptor(copy, key)).toEqual(Object.getOwnPropertyDescriptor(spread, key));
      }
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    }
  });
});
