// dns2's message codec, the only part of dns2 we use: `Packet` to encode a
// question, `Packet.parse` to decode an answer. Loaded with the first
// query, not with node:dns: dns.lookup alone never needs it.
import type DNS from 'dns2';

export type Packet = DNS.Packet;
export type Resource = DNS.Packet.Resource;

let codec: typeof DNS.Packet | undefined;

export function packetCodec(): typeof DNS.Packet {
  return (codec ??= (require('dns2') as typeof DNS).Packet);
}
