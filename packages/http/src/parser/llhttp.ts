/**
 * llhttp 9, the parser Node itself uses, compiled to WebAssembly and shipped
 * inside undici (pinned exactly in package.json: the ABI below is that
 * build's).
 *
 * One wasm instance per process. Its eight imports (`wasm_on_*`) receive the
 * parser pointer and, for data callbacks, an offset into wasm memory and a
 * length. Only one parser executes at a time (execution is synchronous and
 * never re-entered), so the instance keeps a single "current" target: the
 * JS object whose `execute` is on the stack. Offsets are translated back to
 * the caller's own Buffer (`at - inputPtr`), so callbacks see positions in
 * the bytes the socket delivered and nothing is copied out of wasm memory.
 */

// The ES lib has no WebAssembly types (they live in the DOM lib): the part used here.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmModule {
  readonly __brand?: 'WebAssembly.Module';
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** What a parser object implements to receive llhttp's callbacks. */
export interface ParserCallbacks {
  onMessageBegin(): number;
  onUrl(start: number, len: number): number;
  onStatus(start: number, len: number): number;
  onHeaderField(start: number, len: number): number;
  onHeaderValue(start: number, len: number): number;
  onHeadersComplete(statusCode: number, upgrade: boolean, shouldKeepAlive: boolean): number;
  onBody(start: number, len: number): number;
  onMessageComplete(): number;
}

export interface LlhttpExports {
  memory: WasmMemory;
  malloc(size: number): number;
  free(ptr: number): void;
  llhttp_alloc(type: number): number;
  llhttp_free(ptr: number): void;
  llhttp_reset(ptr: number): void;
  llhttp_execute(ptr: number, data: number, len: number): number;
  llhttp_finish(ptr: number): number;
  llhttp_resume(ptr: number): void;
  llhttp_resume_after_upgrade(ptr: number): void;
  llhttp_get_error_pos(ptr: number): number;
  llhttp_get_error_reason(ptr: number): number;
  llhttp_get_errno(ptr: number): number;
  llhttp_errno_name(errno: number): number;
  llhttp_get_method(ptr: number): number;
  llhttp_method_name(method: number): number;
  llhttp_get_http_major(ptr: number): number;
  llhttp_get_http_minor(ptr: number): number;
  llhttp_get_upgrade(ptr: number): number;
  llhttp_should_keep_alive(ptr: number): number;
  llhttp_message_needs_eof(ptr: number): number;
  llhttp_set_lenient_headers(ptr: number, enabled: number): void;
  llhttp_set_lenient_chunked_length(ptr: number, enabled: number): void;
  llhttp_set_lenient_keep_alive(ptr: number, enabled: number): void;
  llhttp_set_lenient_transfer_encoding(ptr: number, enabled: number): void;
  llhttp_set_lenient_version(ptr: number, enabled: number): void;
  llhttp_set_lenient_data_after_close(ptr: number, enabled: number): void;
  llhttp_set_lenient_optional_lf_after_cr(ptr: number, enabled: number): void;
  llhttp_set_lenient_optional_crlf_after_chunk(ptr: number, enabled: number): void;
  llhttp_set_lenient_optional_cr_before_lf(ptr: number, enabled: number): void;
  llhttp_set_lenient_spaces_after_chunk_size(ptr: number, enabled: number): void;
}

export const TYPE = { REQUEST: 1, RESPONSE: 2 } as const;

export const ERROR = {
  OK: 0,
  PAUSED: 21,
  PAUSED_UPGRADE: 22,
  USER: 24,
} as const;

interface Instance {
  exports: LlhttpExports;
  /** Start of the current input in wasm memory. */
  inputPtr: number;
  inputCapacity: number;
  current: ParserCallbacks | null;
  /** Method names by llhttp's enum, read once from the parser itself. */
  methods: string[];
  /** A view of wasm memory, remade only when the memory grows (which detaches it). */
  heap: Uint8Array;
}

let instance: Instance | undefined;

function load(): WasmModule {
  // The SIMD build is faster where the engine has SIMD (V8 on x86_64 has);
  // the plain build is the fallback undici also keeps.
  try {
    return new WebAssembly.Module(require('undici/lib/llhttp/llhttp_simd-wasm.js') as Buffer);
  } catch {
    return new WebAssembly.Module(require('undici/lib/llhttp/llhttp-wasm.js') as Buffer);
  }
}

export function llhttp(): Instance {
  if (instance !== undefined) return instance;
  const self: Instance = {
    exports: undefined as unknown as LlhttpExports,
    inputPtr: 0,
    inputCapacity: 0,
    current: null,
    methods: [],
    heap: new Uint8Array(0),
  };
  const base = (at: number): number => at - self.inputPtr;
  const wasm = new WebAssembly.Instance(load(), {
    env: {
      wasm_on_message_begin: () => self.current!.onMessageBegin(),
      wasm_on_url: (_p: number, at: number, len: number) => self.current!.onUrl(base(at), len),
      wasm_on_status: (_p: number, at: number, len: number) => self.current!.onStatus(base(at), len),
      wasm_on_header_field: (_p: number, at: number, len: number) => self.current!.onHeaderField(base(at), len),
      wasm_on_header_value: (_p: number, at: number, len: number) => self.current!.onHeaderValue(base(at), len),
      wasm_on_headers_complete: (_p: number, status: number, upgrade: number, keepAlive: number) =>
        self.current!.onHeadersComplete(status, upgrade === 1, keepAlive === 1),
      wasm_on_body: (_p: number, at: number, len: number) => self.current!.onBody(base(at), len),
      wasm_on_message_complete: () => self.current!.onMessageComplete(),
    },
  });
  self.exports = wasm.exports as unknown as LlhttpExports;
  // llhttp traps on a number outside its enum: read names until it does.
  for (let i = 0; i < 64; i++) {
    try {
      self.methods.push(cString(self.exports, self.exports.llhttp_method_name(i)));
    } catch {
      break;
    }
  }
  instance = self;
  return self;
}

/** Copies `chunk` into the shared input area, growing it by whole pages. */
export function stageInput(self: Instance, chunk: Uint8Array): number {
  if (chunk.length > self.inputCapacity) {
    if (self.inputPtr !== 0) self.exports.free(self.inputPtr);
    self.inputCapacity = Math.ceil(chunk.length / 65536) * 65536;
    self.inputPtr = self.exports.malloc(self.inputCapacity);
  }
  // One view for the life of the memory: making a typed array per request
  // cost ~1 µs, a visible share of a small request.
  let heap = self.heap;
  if (heap.byteLength === 0 || heap.buffer !== self.exports.memory.buffer) heap = self.heap = new Uint8Array(self.exports.memory.buffer);
  heap.set(chunk, self.inputPtr);
  return self.inputPtr;
}

export function cString(exports: LlhttpExports, ptr: number): string {
  if (ptr === 0) return '';
  const mem = new Uint8Array(exports.memory.buffer);
  let end = ptr;
  while (mem[end] !== 0) end++;
  return Buffer.from(mem.buffer, ptr, end - ptr).toString('latin1');
}
