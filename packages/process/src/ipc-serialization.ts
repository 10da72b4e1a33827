/**
 * The two wire formats of Node's IPC channel (NODE_CHANNEL_SERIALIZATION_MODE):
 *
 *   json      JSON.stringify(message) + '\n' per message
 *   advanced  u32 big-endian length, then the v8 serializer's bytes
 *             (header + value). Host objects carry a u32 tag first:
 *             0 = an ArrayBufferView (the default serializer's form),
 *             1 = any other host object, written as a plain copy of its
 *             own properties.
 *
 * Both are Node's, so either end may be node. A decoder takes the bytes as
 * they arrive and returns the messages completed so far.
 */
import { StringDecoder } from 'node:string_decoder';
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';

export type SerializationMode = 'json' | 'advanced';

export interface Serialization {
  encode(message: unknown): Buffer;
  /** A decoder for one channel's incoming bytes. */
  decoder(): (bytes: Buffer) => unknown[];
}

const json: Serialization = {
  encode: (message) => Buffer.from(`${JSON.stringify(message)}\n`),
  decoder() {
    const text = new StringDecoder('utf8');
    let pending = '';
    return (bytes) => {
      pending += text.write(bytes);
      const out: unknown[] = [];
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        out.push(JSON.parse(pending.slice(0, nl)));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
      return out;
    };
  },
};

const VIEW_TAG = 0;
const OTHER_TAG = 1;

// The v8 module's hooks for host objects, which its type declarations leave out.
const writeView = (DefaultSerializer.prototype as unknown as { _writeHostObject(this: DefaultSerializer, o: object): void })
  ._writeHostObject;
const readView = (DefaultDeserializer.prototype as unknown as { _readHostObject(this: DefaultDeserializer): unknown })._readHostObject;

class MessageSerializer extends DefaultSerializer {
  _writeHostObject(object: object): void {
    if (ArrayBuffer.isView(object)) {
      this.writeUint32(VIEW_TAG);
      writeView.call(this, object);
      return;
    }
    this.writeUint32(OTHER_TAG);
    this.writeValue({ ...object });
  }
}

class MessageDeserializer extends DefaultDeserializer {
  _readHostObject(): unknown {
    const tag = this.readUint32();
    if (tag === VIEW_TAG) return readView.call(this);
    return this.readValue();
  }
}

const advanced: Serialization = {
  encode(message) {
    const ser = new MessageSerializer();
    // Room for the length, filled in once the size is known.
    ser.writeRawBytes(Buffer.alloc(4));
    ser.writeHeader();
    ser.writeValue(message);
    const out = ser.releaseBuffer();
    out.writeUInt32BE(out.length - 4, 0);
    return out;
  },
  decoder() {
    let pending: Buffer = Buffer.alloc(0);
    return (bytes) => {
      pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
      const out: unknown[] = [];
      while (pending.length >= 4) {
        const end = 4 + pending.readUInt32BE(0);
        if (pending.length < end) break;
        const des = new MessageDeserializer(pending.subarray(4, end));
        des.readHeader();
        out.push(des.readValue());
        pending = pending.subarray(end);
      }
      return out;
    };
  },
};

export function serializationFor(mode: SerializationMode): Serialization {
  return mode === 'advanced' ? advanced : json;
}
