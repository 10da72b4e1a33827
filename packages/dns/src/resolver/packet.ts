// dns2's message codec, the only part of dns2 we use: `Packet` to encode a
// question, `Packet.parse` to decode an answer.
import DNS from 'dns2';

export const Packet = DNS.Packet;
export type Packet = DNS.Packet;
export type Resource = DNS.Packet.Resource;
