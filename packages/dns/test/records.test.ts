import DNS from 'dns2';
import { describe, expect, it } from 'vitest';
import { KIND_TYPE } from '../src/resolver/records.js';

describe('record kinds', () => {
  // The table is written out so that node:dns loads without the codec; it must say what dns2 says.
  it("ask the wire types dns2's codec knows them by", () => {
    const { TYPE } = DNS.Packet as unknown as { TYPE: Record<string, number> };
    for (const [kind, type] of Object.entries(KIND_TYPE)) expect([kind, type]).toEqual([kind, TYPE[kind] ?? 35]);
    expect(TYPE['NAPTR']).toBeUndefined();
  });
});
